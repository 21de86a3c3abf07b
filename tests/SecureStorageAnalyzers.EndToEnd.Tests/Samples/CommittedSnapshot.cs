using Snapshooter;
using Snapshooter.Xunit;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// Snapshooter with the one guarantee it lacks: on CI a snapshot is never written. Snapshooter itself compares with
/// <c>__snapshots__/&lt;name&gt;.snap</c>, saves a mismatch under <c>__snapshots__/__mismatch__</c> (git-ignored) and
/// fails; but when the snapshot file is missing it silently writes one from the current result and passes (unless
/// SNAPSHOOTER_STRICT_MODE is set, which CI servers don't set by themselves).
/// Here a missing snapshot fails on CI (<c>CI=true</c> or <c>CI=1</c>, or SNAPSHOOTER_STRICT_MODE), before Snapshooter
/// can write anything. Locally it is created, and the test still fails once, so nobody takes a fresh snapshot for a
/// reviewed one.
/// </summary>
public static class CommittedSnapshot
{
    public static bool IsContinuousIntegration =>
        IsSet("CI") || IsSet("SNAPSHOOTER_STRICT_MODE") ||
        string.Equals(Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE"), "on", StringComparison.OrdinalIgnoreCase);

    /// <param name="value">What to compare; Snapshooter serializes it to JSON.</param>
    /// <param name="testDirectory">The test's folder, relative to the repository root; the snapshot lives in its __snapshots__.</param>
    /// <param name="name">The snapshot file name, without the .snap extension.</param>
    public static void Match(object value, string testDirectory, string name)
    {
        var folder = Path.Combine(DotNet.RepositoryRoot, testDirectory);
        var fileName = name + ".snap";
        var relativePath = $"{testDirectory}/__snapshots__/{fileName}";
        var existed = File.Exists(Path.Combine(folder, "__snapshots__", fileName));

        if (!existed && IsContinuousIntegration)
        {
            Assert.Fail($"The snapshot {relativePath} is not committed. CI never writes snapshots: run the test locally " +
                        "(without CI=true), review the file it creates, and commit it.");
        }

        Snapshot.Match(value, new SnapshotFullName(fileName, folder));

        if (!existed)
        {
            Assert.Fail($"The snapshot {relativePath} did not exist and was written from this run. Review it, commit it, " +
                        "and run the test again.");
        }
    }

    private static bool IsSet(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { } value &&
        (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
