using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// The people of a game, a team or an event (held-out set 14: a WPF typing game proposes <c>rapport-{PlayerName}.pdf</c>
/// for each player's report): <c>PlayerName</c>, <c>AthleteName</c>, <c>ParticipantName</c>, <c>AttendeeName</c> are a
/// person's name, and <c>Player</c> and <c>Athlete</c> are person types. A player that is software is not: a media word
/// in the name (<c>MediaPlayerName</c>, <c>AudioPlayer</c>), in the type that declares it
/// (<c>VideoPlayerSettings.PlayerName</c>) or in the method that declares the parameter. <c>MemberName</c> stays a
/// code member's name (issue #21).
/// </summary>
public class SSA0101PlayerNamesTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    [Fact]
    public Task APlayersAthletesParticipantsOrAttendeesName_IsAPersonsNameAsync() => VerifyAsync("""
        public class ExportReportData
        {
            public string PlayerName { get; set; } = "";
            public int Score { get; set; }
        }

        public class Player
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        public class Reports
        {
            private const string Root = @"C:\reports";

            public void Export(ExportReportData report, byte[] pdf) =>
                File.WriteAllBytes(Path.Combine(Root, $"rapport-{report.PlayerName.Replace(' ', '-').ToLowerInvariant()}.pdf"), pdf); //! SSA0101

            public void Save(Player player, byte[] pdf) =>
                File.WriteAllBytes(Path.Combine(Root, player.Name + ".pdf"), pdf); //! SSA0101

            public void Certificates(string athleteName, string participantName, string attendeeName, byte[] pdf)
            {
                File.WriteAllBytes(Path.Combine(Root, athleteName + ".pdf"), pdf); //! SSA0101
                File.WriteAllBytes(Path.Combine(Root, participantName + ".pdf"), pdf); //! SSA0101
                File.WriteAllBytes(Path.Combine(Root, attendeeName + ".pdf"), pdf); //! SSA0101
            }
        }
        """);

    [Fact]
    public Task AMediaPlayersName_IsNotAPersonsNameAsync() => VerifyAsync("""
        public class VideoPlayerSettings
        {
            public string PlayerName { get; set; } = "";
        }

        public class AudioPlayer
        {
            public string Name { get; set; } = "";
        }

        public class MediaPlayerInfo
        {
            public string Name { get; set; } = "";
        }

        public class Skins
        {
            private const string Root = @"C:\skins";

            public void Save(VideoPlayerSettings settings, AudioPlayer audio, MediaPlayerInfo media, string mediaPlayerName, byte[] data)
            {
                File.WriteAllBytes(Path.Combine(Root, settings.PlayerName + ".json"), data);
                File.WriteAllBytes(Path.Combine(Root, audio.Name + ".json"), data);
                File.WriteAllBytes(Path.Combine(Root, media.Name + ".json"), data);
                File.WriteAllBytes(Path.Combine(Root, mediaPlayerName + ".json"), data);
            }

            public void OpenVideo(string playerName, byte[] data) =>
                File.WriteAllBytes(Path.Combine(Root, playerName + ".cfg"), data);

            public void Members(string memberName, string playerId, int playerCount, byte[] data)
            {
                File.WriteAllBytes(Path.Combine(Root, memberName + ".txt"), data);
                File.WriteAllBytes(Path.Combine(Root, playerId + ".txt"), data);
                File.WriteAllBytes(Path.Combine(Root, playerCount + ".txt"), data);
            }
        }
        """);
}
