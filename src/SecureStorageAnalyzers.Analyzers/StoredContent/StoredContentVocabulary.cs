using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>What the words of a stored file's path say about its content (SSA0006, SSA0007).</summary>
internal enum ContentVerdict
{
    /// <summary>The path names public media (images, photos, avatars, …, or an image extension) and nothing private: public by design.</summary>
    PublicMedia,

    /// <summary>A word of the path, of a name in it, or of the enclosing method or type names private data.</summary>
    PrivateWord,

    /// <summary>A literal document, audio or video extension (<c>.pdf</c>, <c>.wav</c>, <c>.mp4</c>).</summary>
    PrivateExtension,

    /// <summary>A random name in a folder the caller chooses, or beside a value the caller passes (a parameter): nothing says what the content is.</summary>
    RandomNameInCallersFolder,

    /// <summary>A random name, and nothing says the content is public media.</summary>
    RandomName,

    /// <summary>A knowable name, and nothing says the content is public media.</summary>
    NotNamedMedia,
}

/// <summary>The verdict and the fact that decided it, worded for a message.</summary>
internal readonly struct ContentJudgement
{
    public ContentJudgement(ContentVerdict verdict, string reason, bool enclosingDocumentWord = false)
    {
        Verdict = verdict;
        Reason = reason;
        EnclosingDocumentWord = enclosingDocumentWord;
    }

    /// <summary>
    /// True when the private word is only a document word of the enclosing method's or type's name
    /// (<c>DocumentSettings</c>, <c>ResumeController</c>): what every caller hands in may still say pictures.
    /// </summary>
    public bool EnclosingDocumentWord { get; }

    public ContentVerdict Verdict { get; }

    /// <summary>"the word 'Patient' in 'imgPatient' says it is private data, not public media".</summary>
    public string Reason { get; }

    public bool IsPublicMedia => Verdict == ContentVerdict.PublicMedia;
}

/// <summary>
/// The two vocabularies that tell public media from private data by the words a stored file's path is built from
/// (<see cref="PathWords"/>), matched word by word with stems and inflections as <see cref="PrivateFolderVocabulary"/>
/// matches folder names (<c>imgPatient</c> → img, Patient; <c>ProductPhotos</c> → Product, Photos). A private word
/// (patient, record, cv, invoice, …) or a document, audio or video extension wins over a public one (images, avatars,
/// products, …, or an image extension): <c>wwwroot/imgPatient</c> is private. Both lists take more words from
/// <c>.editorconfig</c> (<see cref="PublicMediaNamesKey"/>, <see cref="PrivateDataNamesKey"/>); an entry with a hyphen
/// (<c>id-card</c>, <c>cover-letter</c>) is a sequence of words. Documented in docs/rules/SSA0006.md and SSA0007.md.
/// </summary>
internal sealed class StoredContentVocabulary
{
    /// <summary>More words of public media; read by SSA0006 (writes under the web root) and SSA0007 (public cloud objects).</summary>
    public const string PublicMediaNamesKey = "ssa.public_media_names";

    /// <summary>More words of private data, which win over public media; read by SSA0006 and SSA0007.</summary>
    public const string PrivateDataNamesKey = "ssa.private_data_names";

    /// <summary>
    /// Content a site shows to every visitor on purpose. <c>profile</c>: a profile folder or a profile's file under the web
    /// root is the picture other users see next to the name (four of four in the real-code sets); a profile's private
    /// papers say so with a private word or a document extension (<c>profiles/cv</c>, <c>profile.pdf</c>), which win.
    /// Spanish and Portuguese pictures: <c>imagen</c> (also <c>imagenes</c>, and Portuguese <c>imagens</c>), Portuguese
    /// <c>imagem</c>, <c>foto</c> (<c>fotos</c>, <c>FotoPerfil</c>), <c>fotografia</c>. <c>ringtone</c>: an audio asset the
    /// app plays (a softphone's custom ringtones); a recording beside it says <c>recording</c>, which wins.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultPublicMedia = ImmutableArray.Create(
        "image", "img", "picture", "pic", "photo", "avatar", "thumbnail", "thumb", "logo", "banner", "cover", "product",
        "gallery", "galleries", "icon", "profile",
        "imagen", "imagem", "foto", "fotografia",
        "ringtone");

    /// <summary>
    /// A data subject or a private document. <c>cover-letter</c> is here so that <c>cover</c> does not make it public.
    /// Identity documents (<c>kyc</c>, a know-your-customer check; India's <c>aadhaar</c> and <c>pan-card</c>;
    /// <c>national-id</c>, <c>id-proof</c>) and medical imaging (<c>radiology</c>, <c>scan</c>, <c>xray</c>, <c>mri</c>,
    /// <c>dicom</c>, …) are pictures by format, so they must win over <c>image</c> in a folder or an upload's name:
    /// <c>PanImage</c> written by a <c>KycController</c>, a scan uploaded as <c>imageFile</c> into "radiology-images".
    /// <c>pan</c> alone is not a word here (a cookware shop's pan images), nor <c>ct</c> (a <c>CtScan</c> has "scan").
    /// Biometric data (<c>face</c>, <c>facial</c>, <c>biometric</c>, <c>fingerprint</c>) is a picture by format too: a gate
    /// system's face-recognition snapshots (held-out set 4), and <c>selfie</c>, a face picture taken to verify who someone is
    /// (held-out set 16's clock-in selfies); <c>Interface</c>, <c>Surface</c>, <c>Facebook</c> are other words. Attendance
    /// and check-in records (<c>attendance</c>, <c>check-in</c>/<c>check-out</c>, <c>clock-in</c>/<c>clock-out</c>, and the
    /// one-word folders <c>checkin</c>, <c>checkinout</c>, <c>clockin</c>, <c>clockout</c>; session 19): a picture taken when
    /// someone checks in is a record of that person or of what they hand over, not an asset the site shows (chain-dev's CRM
    /// writing check-in and check-out pictures into <c>wwwroot/checkinout</c>). <c>checkout</c> alone is a shop's page, not
    /// one of them.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultPrivateData = ImmutableArray.Create(
        "patient", "health", "healthcare", "medical", "clinical", "record", "recording", "call", "voicemail", "document",
        "attachment", "cv", "resume", "licence", "license", "passport", "id-card", "idcard", "invoice", "contract",
        "message", "prescription", "payslip", "cover-letter",
        "kyc", "aadhaar", "aadhar", "pan-card", "national-id", "id-proof", "identity-proof", "address-proof",
        "radiology", "radiograph", "scan", "xray", "x-ray", "mri", "ultrasound", "dicom", "mammogram", "lab-report", "lab-result",
        "face", "facial", "biometric", "fingerprint", "selfie",
        "attendance", "check-in", "checkin", "checkinout", "check-out", "clock-in", "clockin", "clock-out", "clockout");

    internal static readonly ImmutableHashSet<string> ImageExtensions = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "jpg", "jpeg", "jfif", "png", "gif", "webp", "bmp", "svg", "ico", "avif", "tif", "tiff", "heic");

    private static readonly ImmutableHashSet<string> PrivateExtensions = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "csv", "eml", "msg", "vcf", "zip",
        "wav", "mp3", "m4a", "ogg", "oga", "opus", "aac", "flac", "wma", "amr",
        "mp4", "m4v", "mov", "avi", "mkv", "webm", "wmv", "3gp");

    /// <summary>The defaults alone (no setting).</summary>
    public static readonly StoredContentVocabulary Default = new(WordList.Create(DefaultPublicMedia, null), WordList.Create(DefaultPrivateData, null));

    private readonly WordList _public;
    private readonly WordList _private;

    private StoredContentVocabulary(WordList publicMedia, WordList privateData)
    {
        _public = publicMedia;
        _private = privateData;
    }

    /// <summary>
    /// The vocabulary of <paramref name="tree"/>'s settings: one cache per compilation, shared by every rule that
    /// judges stored content (SSA0006, SSA0007, SSA0008).
    /// </summary>
    public static StoredContentVocabulary For(WellKnownTypes types, AnalyzerOptions options, SyntaxTree tree) =>
        types.Shared(static _ => new PerFile()).Cache.For(options, tree);

    /// <summary>The defaults plus the words of the two settings of a file's <c>.editorconfig</c>.</summary>
    public static StoredContentVocabulary Create(AnalyzerConfigOptions options)
    {
        var publicWords = options.TryGetValue(PublicMediaNamesKey, out var p) ? p : null;
        var privateWords = options.TryGetValue(PrivateDataNamesKey, out var q) ? q : null;
        return string.IsNullOrWhiteSpace(publicWords) && string.IsNullOrWhiteSpace(privateWords)
            ? Default
            : new StoredContentVocabulary(WordList.Create(DefaultPublicMedia, publicWords), WordList.Create(DefaultPrivateData, privateWords));
    }

    /// <summary>What the path's words say; see <see cref="ContentVerdict"/> for the order of the checks.</summary>
    public ContentJudgement Judge(PathWords words)
    {
        if (PrivateWord(words) is { } judgement)
        {
            return judgement;
        }

        return JudgeWithoutPrivateWords(words);
    }

    /// <summary>
    /// True when a text or a name of <paramref name="words"/> is a public-media word (avatars, images, photos, …); an
    /// image extension alone does not count. What a caller hands an upload service must say what it is
    /// (<see cref="PublicMediaCallers"/>): <c>ticket_{number}.png</c> is a format, and a ticket's QR code is a credential.
    /// </summary>
    public bool HasPublicWord(PathWords words)
    {
        foreach (var text in words.Texts)
        {
            if (IsPublicWord(text))
            {
                return true;
            }
        }

        foreach (var name in words.Names)
        {
            if (IsPublicWord(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="name"/> (a member's or a local's) is a public-media word, as <see cref="HasPublicWord"/> asks of each name.</summary>
    public bool IsPublicName(string name) => name.Length > 0 && IsPublicWord(name);

    /// <summary>The first private word of the texts, then of the names, then of the enclosing method and type; or null.</summary>
    public ContentJudgement? PrivateWord(PathWords words)
    {
        foreach (var text in words.Texts)
        {
            if (_private.FindWord(text) is { } word)
            {
                return Private(word, text, "");
            }
        }

        foreach (var name in words.Names)
        {
            if (_private.FindWord(name, words.IsMethodName(name)) is { } word)
            {
                return Private(word, name, "name");
            }
        }

        bool? picturedByName = null;
        ContentJudgement? yielded = null;
        foreach (var (kind, name) in words.CodeNames)
        {
            if (_private.FindWord(name, kind == "method") is not { } word || CheckInWords.FindWord(word) is not null)
            {
                // A check-in word names the stored file only in its path (a checkinout folder, a checkInImage upload): a
                // method named CheckIn stores whatever it stores (held-out set 17's gate system keeps the guard's visitor
                // photos in the same uploads/visitors folder from its CheckIn and its WalkIn actions).
                continue;
            }

            if (kind == "type" && DataSubjectWords.FindWord(word) is not null && IsProfilePicture(words))
            {
                // A data subject in the enclosing type's name only (a PatientsController) says whose account the code
                // serves, not what this file is: an action named for the account's profile picture (UploadProfileImage)
                // writing the value so named (profileImage) into a folder named for pictures ("wwwroot/images") is
                // nearer (held-out set 16).
                continue;
            }

            if (EnclosingDocumentWords.FindWord(word) is null)
            {
                return Private(word, name, kind);
            }

            // A document word of the enclosing method or type (a ResumeController, a DocumentSettings helper) says what
            // the code around the write handles, not what this file is: a picture named by the value written
            // (applicant.ProfilePhoto) into a folder named for pictures ("Images") is nearer evidence. A photo put in a
            // general folder (~/Uploads) beside the other files is not (held-out set 2's ResumeController).
            picturedByName ??= HasPublicName(words) && HasPublicText(words);
            if (!picturedByName.Value)
            {
                yielded ??= new ContentJudgement(ContentVerdict.PrivateWord, Private(word, name, kind).Reason, enclosingDocumentWord: true);
            }
        }

        return yielded;
    }

    /// <summary>
    /// Private words that name a kind of document a picture is not (a CV, a resume, an invoice, a contract, a payslip, a
    /// record): met only in the enclosing method's or type's name, they yield to a public-media word among the names the
    /// path is built from (the value written: <c>applicant.ProfilePhoto</c>) together with one among its literals (the
    /// folder: <c>"Images"</c>), and to callers that all hand in pictures (<see cref="PublicMediaCallers"/>). Data subjects (<c>patient</c>, <c>medical</c>), documents
    /// that are pictures by format (<c>licence</c>, <c>passport</c>, <c>kyc</c>, <c>scan</c>, <c>prescription</c>),
    /// attachments, messages and calls, and the configured words, win from anywhere.
    /// </summary>
    private static readonly WordList EnclosingDocumentWords = WordList.Create(
        ImmutableArray.Create("document", "cv", "resume", "cover-letter", "invoice", "contract", "payslip", "record"), null);

    /// <summary>
    /// Attendance and check-in records (<see cref="DefaultPrivateData"/>): private where the path says so (a folder, a
    /// name the path is built from), not by the enclosing method's or type's name alone.
    /// </summary>
    private static readonly WordList CheckInWords = WordList.Create(
        ImmutableArray.Create("attendance", "check-in", "checkin", "checkinout", "check-out", "clock-in", "clockin", "clock-out", "clockout"), null);

    /// <summary>
    /// The data subjects a type may be named for (<c>PatientsController</c>, <c>HealthProfileService</c>) that yield to a
    /// profile picture the write itself names (<see cref="IsProfilePicture"/>), when the word is in the type's name only.
    /// Not the method's name, the path or a name in it (<c>UploadPatientPhoto</c>, <c>imgPatient</c>), nor documents,
    /// identity papers, medical imaging or biometric words, which win as before.
    /// </summary>
    private static readonly WordList DataSubjectWords = WordList.Create(
        ImmutableArray.Create("patient", "health", "healthcare", "medical", "clinical"), null);

    /// <summary>
    /// A profile picture: the account's own picture shown next to its name (<c>profileImage</c>, <c>ProfilePhoto</c>,
    /// <c>avatar</c>), not any picture of the person (a wound photo, a scan, a selfie for verification).
    /// </summary>
    private static readonly WordList ProfilePictureWords = WordList.Create(
        ImmutableArray.Create("avatar", "profile-image", "profile-img", "profile-picture", "profile-pic", "profile-photo"), null);

    /// <summary>
    /// Pictures by format, the public-media words a method's own name is read for (<see cref="MethodNamesPicture"/>):
    /// not <c>profile</c>, <c>product</c>, <c>cover</c> or <c>gallery</c>, whose methods (<c>UpdateProfile</c>,
    /// <c>AddProduct</c>) handle other files too.
    /// </summary>
    private static readonly WordList PictureWords = WordList.Create(
        ImmutableArray.Create("image", "img", "picture", "pic", "photo", "avatar", "thumbnail", "thumb", "logo", "banner", "icon",
            "imagen", "imagem", "foto", "fotografia"), null);

    /// <summary>True when <paramref name="name"/>, a method's name (<c>UploadImage</c>, <c>SaveLogoAsync</c>), names pictures by format.</summary>
    public bool MethodNamesPicture(string name) => PictureWords.FindWord(name, methodName: true) is not null && _private.FindWord(name, methodName: true) is null;

    /// <summary>
    /// True when the write is the account's profile picture by three facts of its own: the enclosing method is named for
    /// it (<c>UploadProfileImage</c>, <c>ChangeAvatar</c>: an action that does nothing else), a name the path is built from
    /// names it (<c>profileImage</c>: the value written), and a literal of the path names pictures (the folder:
    /// <c>"wwwroot/images"</c>). A patient form's <c>Save</c> that also stores <c>model.ProfilePhoto</c> keeps the
    /// patient: the photo is part of the record.
    /// </summary>
    private bool IsProfilePicture(PathWords words)
    {
        var method = false;
        foreach (var (kind, name) in words.CodeNames)
        {
            method |= kind == "method" && ProfilePictureWords.FindWord(name) is not null;
        }

        if (!method || !HasPublicText(words))
        {
            return false;
        }

        foreach (var name in words.Names)
        {
            if (ProfilePictureWords.FindWord(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPublicText(PathWords words)
    {
        foreach (var text in words.Texts)
        {
            if (_public.FindWord(text) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPublicName(PathWords words)
    {
        foreach (var name in words.Names)
        {
            if (_public.FindWord(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Private words that are also verbs, read as the verb when they start a method's name and other words follow
    /// (<c>ScanUploadAsync</c>, <c>ScanForViruses</c>: the method checks the file, and says nothing of what it is); the
    /// noun anywhere else (<c>SaveScan</c>, <c>UploadScanImages</c>, a <c>scans</c> folder).
    /// </summary>
    private static readonly ImmutableHashSet<string> LeadingVerbs = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "scan");

    private ContentJudgement JudgeWithoutPrivateWords(PathWords words)
    {
        foreach (var text in words.Texts)
        {
            if (Extension(text, PrivateExtensions) is { } extension)
            {
                return new ContentJudgement(ContentVerdict.PrivateExtension,
                    $"the extension '.{extension}' says it is a document, recording or video, not public media");
            }
        }

        foreach (var text in words.Texts)
        {
            if (IsPublicWord(text) || Extension(text, ImageExtensions) is not null)
            {
                return new ContentJudgement(ContentVerdict.PublicMedia, "");
            }
        }

        foreach (var name in words.Names)
        {
            if (IsPublicWord(name))
            {
                return new ContentJudgement(ContentVerdict.PublicMedia, "");
            }
        }

        if (words.HasFreshName)
        {
            return words.CallersFolder is { } parameter
                ? new ContentJudgement(ContentVerdict.RandomNameInCallersFolder,
                    words.CallersValueInName
                        ? $"a random name does not hide an upload whose name its caller chooses part of (the parameter '{parameter}'): anyone with the link can fetch it, and links leak"
                        : $"a random name does not hide an upload stored in a folder its caller chooses (the parameter '{parameter}'): anyone with the link can fetch it, and links leak")
                : new ContentJudgement(ContentVerdict.RandomName,
                    "a random name does not hide it: anyone with the link can fetch it, and links leak");
        }

        return new ContentJudgement(ContentVerdict.NotNamedMedia, "nothing in its path names public media (images, photos, avatars, …)");
    }

    /// <summary>
    /// A public-media word of <paramref name="text"/>, or a run of letters all of one case that ends with one of five
    /// letters or more (<c>EMPLOYERPROFILEPICTURE</c>, <c>studentphotos</c>: a folder written as one word) and holds no
    /// private word anywhere (<c>PATIENTPICTURE</c> is not public media). Only public words are read inside such a run:
    /// a private word there makes nothing public, and never a finding by itself. Short words (<c>pic</c>, <c>img</c>,
    /// <c>logo</c>) and <c>cover</c> (<c>discover</c>, <c>recover</c>) are not read at the end of a run.
    /// </summary>
    private bool IsPublicWord(string text) =>
        _public.FindWord(text) is not null || _public.FindRunSuffix(text, _private) is not null;

    /// <summary>"the name 'cvs'", "the word 'Patient' in 'imgPatient'", "the word 'Licence' in the method 'SaveLicence'".</summary>
    private static ContentJudgement Private(string word, string text, string kind) =>
        new(ContentVerdict.PrivateWord, string.Equals(word, text.Trim('/', '\\', '.', '~', ' '), StringComparison.Ordinal)
            ? $"the {(kind.Length == 0 ? "name" : kind)} '{word}' says it is private data, not public media"
            : $"the word '{word}' in {(kind.Length == 0 ? "" : "the " + kind + " ")}'{text}' says it is private data, not public media");

    /// <summary>The first extension of <paramref name="text"/> in <paramref name="set"/>: a dot, then letters and digits up to a non-letter or the end.</summary>
    internal static string? Extension(string text, ImmutableHashSet<string> set)
    {
        for (var dot = text.IndexOf('.'); dot >= 0; dot = text.IndexOf('.', dot + 1))
        {
            var end = dot + 1;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end > dot + 1 && end - dot - 1 <= 5)
            {
                var extension = text.Substring(dot + 1, end - dot - 1);
                if (set.Contains(extension))
                {
                    return extension;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Stems, each one or more words (<c>id-card</c>); the last word matches with an inflection
    /// (<see cref="PrivateFolderVocabulary.Matches"/>), the others exactly.
    /// </summary>
    private sealed class WordList
    {
        private readonly ImmutableArray<ImmutableArray<string>> _entries;

        private WordList(ImmutableArray<ImmutableArray<string>> entries) => _entries = entries;

        public static WordList Create(ImmutableArray<string> defaults, string? configured)
        {
            var entries = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in defaults)
            {
                Add(entry, entries, seen);
            }

            foreach (var entry in ConfigList.Split(configured))
            {
                Add(entry, entries, seen);
            }

            return new WordList(entries.ToImmutable());
        }

        private static void Add(string entry, ImmutableArray<ImmutableArray<string>>.Builder entries, HashSet<string> seen)
        {
            var words = ImmutableArray.CreateBuilder<string>();
            var position = 0;
            while (PrivateFolderVocabulary.NextWord(entry, ref position, out var start, out var length))
            {
                words.Add(entry.Substring(start, length).ToLowerInvariant());
            }

            if (words.Count == 0)
            {
                return;
            }

            // A configured plural ("dossiers") is its stem: "dossier" matches dossiers, dossier.
            words[words.Count - 1] = PrivateFolderVocabulary.Singular(words[words.Count - 1]);

            if (seen.Add(string.Join("-", words)))
            {
                entries.Add(words.ToImmutable());
            }
        }

        /// <summary>
        /// The words of <paramref name="text"/> that match an entry, as written there (<c>"Patient"</c>, <c>"Id-Card"</c>);
        /// or null. In a method's name (<paramref name="methodName"/>) a leading verb (<see cref="LeadingVerbs"/>)
        /// followed by other words is not a match.
        /// </summary>
        public string? FindWord(string text, bool methodName = false)
        {
            if (text.Length == 0)
            {
                return null;
            }

            var starts = new List<int>();
            var lengths = new List<int>();
            var position = 0;
            while (PrivateFolderVocabulary.NextWord(text, ref position, out var start, out var length))
            {
                starts.Add(start);
                lengths.Add(length);
            }

            for (var i = 0; i < starts.Count; i++)
            {
                foreach (var entry in _entries)
                {
                    if (i + entry.Length > starts.Count)
                    {
                        continue;
                    }

                    var matches = true;
                    for (var k = 0; k < entry.Length - 1 && matches; k++)
                    {
                        matches = lengths[i + k] == entry[k].Length &&
                                  string.Compare(text, starts[i + k], entry[k], 0, entry[k].Length, StringComparison.OrdinalIgnoreCase) == 0;
                    }

                    if (methodName && i == 0 && entry.Length == 1 && starts.Count > 1 && LeadingVerbs.Contains(entry[0]) &&
                        lengths[0] == entry[0].Length)
                    {
                        continue;
                    }

                    var lastIndex = i + entry.Length - 1;
                    if (matches && PrivateFolderVocabulary.Matches(text, starts[lastIndex], lengths[lastIndex], entry[entry.Length - 1]))
                    {
                        var end = starts[lastIndex] + lengths[lastIndex];
                        return text.Substring(starts[i], end - starts[i]);
                    }
                }
            }

            // "IMGs", "PDFs": an acronym with a plural splits as IM + Gs; the whole run of letters is tried too.
            return FindWholeRun(text);
        }

        /// <summary>
        /// The entry that ends a run of letters of one case, at least three letters after the run's start
        /// (<c>EMPLOYERPROFILEPICTURE</c> → <c>PICTURE</c>), when no entry of <paramref name="blocking"/> is inside
        /// the run; or null. Entries shorter than five letters, and <c>cover</c>, are not read this way.
        /// </summary>
        public string? FindRunSuffix(string text, WordList blocking)
        {
            for (var i = 0; i < text.Length;)
            {
                while (i < text.Length && !char.IsLetter(text[i]))
                {
                    i++;
                }

                var start = i;
                var upper = i < text.Length && char.IsUpper(text[i]);
                var oneCase = true;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    oneCase &= char.IsUpper(text[i]) == upper;
                    i++;
                }

                if (!oneCase || i - start < 8)
                {
                    continue;
                }

                foreach (var entry in _entries)
                {
                    var stem = entry[0];
                    if (entry.Length != 1 || stem.Length < 5 || stem == "cover")
                    {
                        continue;
                    }

                    for (var length = stem.Length; length <= stem.Length + 3; length++)
                    {
                        var suffixStart = i - length;
                        if (suffixStart - start >= 3 && PrivateFolderVocabulary.Matches(text, suffixStart, length, stem) &&
                            !blocking.OccursIn(text, start, i - start))
                        {
                            return text.Substring(suffixStart, length);
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>True when an entry's words, written together, occur anywhere in <paramref name="text"/>'s run.</summary>
        private bool OccursIn(string text, int start, int length)
        {
            var run = text.Substring(start, length);
            foreach (var entry in _entries)
            {
                if (run.IndexOf(string.Concat(entry), StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private string? FindWholeRun(string text)
        {
            for (var i = 0; i < text.Length;)
            {
                while (i < text.Length && !char.IsLetter(text[i]))
                {
                    i++;
                }

                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                if (i > start)
                {
                    foreach (var entry in _entries)
                    {
                        if (entry.Length == 1 && PrivateFolderVocabulary.Matches(text, start, i - start, entry[0]))
                        {
                            return text.Substring(start, i - start);
                        }
                    }
                }
            }

            return null;
        }
    }

    /// <summary>The compilation's one cache of vocabularies by file settings (<see cref="For"/>).</summary>
    private sealed class PerFile
    {
        public OptionsCache<StoredContentVocabulary> Cache { get; } = new(static options => Create(options));
    }
}
