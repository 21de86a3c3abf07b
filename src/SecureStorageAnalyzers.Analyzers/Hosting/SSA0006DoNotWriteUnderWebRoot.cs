using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Iis;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.StoredContent;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// SSA0006: a file written (per <see cref="StorageSinks.WrittenPath"/>) at a path that flows (per
/// <see cref="ValueFlowTracker"/> with <see cref="WebRootFlowPolicy"/>) from the web root. Primary location: the write;
/// additional location: the web-root expression. Reads are fine; Development-only code is not reported, and neither is
/// public media by design: a path whose words name images, photos, avatars, products, … (or an image extension) and
/// nothing private (<see cref="StoredContentVocabulary"/> over <see cref="PathWords"/>). A random file name does not
/// exempt a write: a link is a bearer credential that leaks; the message says which fact made the write reportable.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0006DoNotWriteUnderWebRoot
{
    public const string Id = "SSA0006";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Runtime data is written under the web root",
        "{0} writes under the web root ({1}): every file there is served to anyone by the static file middleware; {2}",
        "Files the app writes at run time (uploads, recordings, exports, logs) under wwwroot are public the moment they exist: UseStaticFiles serves every file of the web root to anonymous visitors, whatever the file's name (a random name is a link, and links leak). Only public media by design (images, photos, avatars, product pictures) that nothing marks private is not reported. Write the rest to a private folder under the content root, and serve it through an endpoint that checks who is asking.");

    /// <summary>
    /// The rule's part for a compilation: web projects that have a web root (ASP.NET Core's <c>WebRootPath</c>, or in
    /// classic ASP.NET the application folder reached through <c>Server.MapPath</c> and the base directory).
    /// </summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        if (!types.HasAspNetCore && !types.HasSystemWeb)
        {
            return null;
        }

        var policy = new WebRootFlowPolicy(types);
        return policy.HasWebRoot ? new Rule(types, policy) : null;
    }

    private sealed class Rule : PackRule
    {
        private readonly WellKnownTypes _types;
        private readonly StorageSinks _sinks;
        private readonly ValueFlowTracker _tracker;
        private readonly WebRootFlowPolicy _policy;
        private int _configured;

        public Rule(WellKnownTypes types, WebRootFlowPolicy policy)
        {
            _types = types;
            _policy = policy;
            _sinks = StorageSinks.Create(types);
            _tracker = new ValueFlowTracker(_sinks, policy);
        }

        private StoredContentVocabulary Vocabulary(OperationAnalysisContext context) =>
            StoredContentVocabulary.For(_types, context.Options, context.Operation.Syntax.SyntaxTree);

        public override IEnumerable<INamedTypeSymbol> CallTypes => _sinks.WritingTypes;

        public override IEnumerable<string> LazyCallTypes => _sinks.WritingTypeMetadataNames;

        /// <summary>The project's own helpers that write where a parameter says (one level), given the web root.</summary>
        public override bool SeesCallsOfSourceMethods => true;

        /// <summary>A <c>File</c> write the compiler could not bind for an argument of an unknown type (<see cref="StorageSinks.UnboundWrittenPath"/>).</summary>
        public override bool SeesUnboundCalls => true;

        public override void AnalyzeUnboundCall(OperationAnalysisContext context, INamedTypeSymbol type)
        {
            if (context.Operation is IInvalidOperation invalid && _sinks.UnboundWrittenPath(invalid, context.CancellationToken) is { } path)
            {
                Configure(context);
                Analyze(context, _types, _sinks, _tracker, Vocabulary(context), AppDataServed, path);
            }
        }

        private void Configure(OperationAnalysisContext context)
        {
            if (_policy.ReadsWebConfig && System.Threading.Volatile.Read(ref _configured) == 0)
            {
                // The project's web.config files, once per compilation: a hidden segment they un-hide is served.
                _policy.Configuration = Iis.WebConfigSet.For(_types, context.Options, context.CancellationToken);
                System.Threading.Volatile.Write(ref _configured, 1);
            }
        }

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            Configure(context);

            if (context.Operation is IInvocationOperation call && !method.Parameters.IsEmpty &&
                SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
            {
                // A helper can carry the web root only through a string parameter, and an upload only through an
                // IFormFile one: a call of any other method is not looked at (no token walk of its source).
                var strings = HasStringParameter(method);
                if ((strings || HasParameterOfType(method, _types.IFormFile)) && _sinks.MayStoreOrBuildPath(method, context.CancellationToken) &&
                    !(strings && AnalyzeHelperCall(context, call, method)))
                {
                    AnalyzeUploadHandedToHelper(context, call, method);
                }

                return;
            }

            if (_sinks.WrittenPath(context.Operation) is { } path)
            {
                Analyze(context, _types, _sinks, _tracker, Vocabulary(context), AppDataServed, path);
            }
        }

        /// <summary>True when the project's web.config un-hides App_Data at its root: the fix's folder would be served too.</summary>
        private bool AppDataServed => _policy.Configuration is { } configuration && !configuration.IsHidden("App_Data", "App_Data");

        private static bool HasParameterOfType(IMethodSymbol method, INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasStringParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>_patients.ImageToSave(_env.WebRootPath, model)</c>, where the helper writes a file under the path its
        /// parameter gives (<see cref="PersonalData.ProjectHelperPaths"/>): one finding at the call, located there. Only
        /// helpers whose source names a storage call are summarised (<see cref="StorageSinks.MayStoreOrBuildPath"/>).
        /// </summary>
        private bool AnalyzeHelperCall(OperationAnalysisContext context, IInvocationOperation call, IMethodSymbol method)
        {
            // The helper's summary first (once per method): most helpers write nowhere a parameter says, and then no
            // argument is traced at all.
            var uses = PersonalData.ProjectHelperPaths.WithoutBarriers(_types).For(method, context.Compilation, context.CancellationToken).Uses;
            if (uses.Count == 0)
            {
                return false;
            }

            List<FlowSource>? sources = null;
            PathWords? words = null;
            var rewritten = false;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue ||
                    !uses.TryGetValue(parameter.Ordinal, out var use) || use.WrittenPath is not { } written)
                {
                    continue;
                }

                if (WrittenBefore(argument.Value, call))
                {
                    rewritten = true;
                    continue;
                }

                sources ??= new List<FlowSource>();
                var before = sources.Count;
                _tracker.FindSources(argument.Value, sources);
                if (sources.Count > before)
                {
                    // What is written there: the words of the argument (the caller's folder) and of the helper's path
                    // (its own folder and name; the parameter that brought the web root is not the caller's choice).
                    words ??= new PathWords().AddEnclosingNames(call);
                    words.Add(argument.Value, _sinks).Add(written, _sinks, parameter.OriginalDefinition).AddEnclosingNames(written);
                }
            }

            if (sources is null || sources.Count == 0 || words is null || EnvironmentGuard.IsDevelopmentOnly(call, _types))
            {
                return rewritten;
            }

            if (WebRootNotServed(context, _types, sources))
            {
                return true;
            }

            AddUploadWords(call, words);
            var judgement = Vocabulary(context).Judge(words);
            if (!judgement.IsPublicMedia)
            {
                ReportWrite(context, sources, judgement, throughHelper: true, appDataServed: AppDataServed);
            }

            return true;
        }

        /// <summary>
        /// What the call says it hands the helper: the uploads among its arguments and the member its result is stored in
        /// (held-out set 18: <c>product.PhotoUrl = await FileUploud.SeveFileAsync(Photo, _env.WebRootPath)</c>, a helper
        /// that writes any upload to <c>/uploads/{Guid}{name}</c>: the helper's own words say nothing, the call says a
        /// photo). The vocabulary weighs them with the rest, so a private word there (<c>user.CvPath = Save(cv, …)</c>)
        /// keeps the write reported.
        /// </summary>
        /// <summary>
        /// The words of the uploads (<c>IFormFile</c> arguments) a call hands over, added to <paramref name="words"/> (a new
        /// set when null and there is one); null when there is none and <paramref name="words"/> was null.
        /// </summary>
        private PathWords? AddUploadArguments(IInvocationOperation call, PathWords? words)
        {
            if (_types.IFormFile is not { } formFile)
            {
                return words;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, formFile))
                {
                    words ??= new PathWords();
                    words.Add(argument.Value, _sinks);
                }
            }

            return words;
        }

        private void AddUploadWords(IInvocationOperation call, PathWords words)
        {
            AddUploadArguments(call, words);
            IOperation result = call;
            while (result.Parent is IAwaitOperation or IConversionOperation)
            {
                result = result.Parent;
            }

            if (result.Parent is ISimpleAssignmentOperation { Target: { } target } && !ReferenceEquals(target, result))
            {
                words.Add(target, _sinks);
            }
        }

        /// <summary>
        /// True when <paramref name="value"/>, handed to a helper that writes where it says, is a local of one value that a
        /// write of the same method already took as its path before <paramref name="call"/> (held-out set 16:
        /// <c>new FileStream(savePath, FileMode.Create)</c> stores the upload, then <c>TryAddWatermarkToImage(savePath, …)</c>
        /// re-saves the same file): the file was judged at its first write, reported there or exempt there. One file, one finding.
        /// </summary>
        private bool WrittenBefore(IOperation value, IInvocationOperation call)
        {
            if (value.WithoutConversions() is not ILocalReferenceOperation local)
            {
                return false;
            }

            var index = _sinks.BodyIndex(call);
            if (index.ValuesOf(local.Local).Count != 1)
            {
                return false;
            }

            foreach (var reference in index.ReferencesOf(local.Local))
            {
                if (reference.Syntax.SpanStart >= call.Syntax.SpanStart)
                {
                    continue;
                }

                var write = reference.Parent;
                while (write is IConversionOperation or IArgumentOperation)
                {
                    write = write.Parent;
                }

                if (write is IInvocationOperation or IObjectCreationOperation && !ReferenceEquals(write, call) &&
                    _sinks.WrittenPath(write) is { } path && path.WithoutConversions() is ILocalReferenceOperation written &&
                    SymbolEqualityComparer.Default.Equals(written.Local, local.Local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>user.CV = UploadFiles.UploadFile(cv)</c>: an upload whose name (or the member the call's result is stored
        /// in) names private data, handed to the project's own helper that writes it under the web root into a folder
        /// its own words say is public media (HagJob's one helper for photos and CVs, under <c>wwwroot/ImageProfile</c>).
        /// The helper's write is exempt by its words; the call says what goes in. Reported at the call, one level; the
        /// helper is read once per compilation, only when a call hands it such an upload.
        /// </summary>
        private void AnalyzeUploadHandedToHelper(OperationAnalysisContext context, IInvocationOperation call, IMethodSymbol method)
        {
            var handed = AddUploadArguments(call, null);
            if (handed is null)
            {
                return;
            }

            if (call.Parent is ISimpleAssignmentOperation { Target: { } target } && !ReferenceEquals(target, call))
            {
                handed.Add(target, _sinks);
            }

            var vocabulary = Vocabulary(context);
            if (vocabulary.PrivateWord(handed) is not { } privateWord)
            {
                return;
            }

            var write = _uploadHelpers.GetOrAdd(method.OriginalDefinition, m => WebRootWrite(m, context.Compilation, context.CancellationToken));
            if (write is null || EnvironmentGuard.IsDevelopmentOnly(call, _types) || WebRootNotServed(context, _types, write.Sources))
            {
                return;
            }

            // A helper write that its own words do not exempt is reported there already.
            if (!vocabulary.Judge(new PathWords().Add(write.Path, _sinks).AddEnclosingNames(write.Path)).IsPublicMedia)
            {
                return;
            }

            ReportWrite(context, write.Sources, privateWord, throughHelper: true, appDataServed: AppDataServed);
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, HelperWrite?> _uploadHelpers = new(SymbolEqualityComparer.Default);

        private sealed class HelperWrite
        {
            public HelperWrite(IOperation path, List<FlowSource> sources)
            {
                Path = path;
                Sources = sources;
            }

            public IOperation Path { get; }

            public List<FlowSource> Sources { get; }
        }

        /// <summary>The first write of the helper's own body at a path that flows from the web root, or null.</summary>
#pragma warning disable RS1030 // A helper's body is in its own file: its semantic model, shared with the driver's cached ones.
        private HelperWrite? WebRootWrite(IMethodSymbol method, Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree) ||
                    compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not IMethodBodyBaseOperation body)
                {
                    continue;
                }

                foreach (var operation in body.Walk())
                {
                    if (operation is not (IInvocationOperation or IObjectCreationOperation) || _sinks.WrittenPath(operation) is not { } path)
                    {
                        continue;
                    }

                    var sources = new List<FlowSource>();
                    _tracker.FindSources(path, sources);
                    if (sources.Count > 0 && !EnvironmentGuard.IsDevelopmentOnly(operation, _types))
                    {
                        return new HelperWrite(path, sources);
                    }
                }
            }

            return null;
        }
#pragma warning restore RS1030
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types, StorageSinks sinks, ValueFlowTracker tracker,
        StoredContentVocabulary vocabulary, bool appDataServed, IOperation path)
    {
        var sources = new List<FlowSource>();
        tracker.FindSources(path, sources);
        if (sources.Count == 0 || EnvironmentGuard.IsDevelopmentOnly(context.Operation, types) || WebRootNotServed(context, types, sources) ||
            IisDoesNotServeTheFileType(path, sinks, tracker, sources))
        {
            return;
        }

        var words = new PathWords().Add(path, sinks).AddEnclosingNames(context.Operation);
        if (tracker.Policy is WebRootFlowPolicy { ReadsWebConfig: true } policy)
        {
            // Server.MapPath(folder) of an application setting: the folder's words are in the web.config's value. A path
            // from the site's root ("/CallCenter/UserImages/") starts with the application's virtual directory when the
            // site hosts it under one: that name says what the application is, not what this folder holds.
            foreach (var source in sources)
            {
                foreach (var setting in policy.SettingTexts(source.Operation))
                {
                    words.AddText(setting.StartsWith("/", System.StringComparison.Ordinal) && setting.IndexOf('/', 1) is var next && next > 0
                        ? setting.Substring(next)
                        : setting);
                }
            }
        }

        var judgement = vocabulary.Judge(words);
        var takesAnyFile = false;
        if (judgement.IsPublicMedia)
        {
            if (!AnyFileDownloadFolders.For(types).NamedForPicturesButTakesAnyFile(context.Operation, path, words, context.ContainingSymbol, context.Compilation, context.CancellationToken))
            {
                return;
            }

            takesAnyFile = true;
            judgement = new ContentJudgement(ContentVerdict.NotNamedMedia,
                "its folder's name says pictures, but the upload is stored whatever its type (no image check, the sender's extension kept) and the app hands the folder's files out as named downloads: its name does not make it public media");
        }

        // Public media by what the code does: an upload restricted to images, stored under a name the code generates
        // (not in an app that requires a signed-in user everywhere: its pictures have no anonymous audience, held-out
        // set 4's enrolment photos); or by what every caller hands in, when the folder (or the upload) is the method's
        // parameter (an upload service called with "avatars"). A private word or a document extension of the path
        // still decides, except a document word of the enclosing method or type only (a DocumentSettings helper): what
        // every caller hands in is nearer.
        if (judgement.Verdict is not (ContentVerdict.PrivateWord or ContentVerdict.PrivateExtension) &&
            (ImageOnlyUploads.For(types).IsImageOnlyUploadWithGeneratedName(context.Operation, path) && !RequiresSignInEverywhere(context, types) ||
             PublicMediaCallers.For(types).EveryCallerStoresPublicMedia(context.ContainingSymbol, words.Parameters, vocabulary, context.Compilation, context.Options, context.CancellationToken) ||
             ImageOnlyUploadInImageMethod(context, types, words, vocabulary) ||
             !takesAnyFile && UploadInPictureMethod(context, types, path, words, vocabulary) ||
             ShownAsImagesByViews(context, types, sinks, tracker, path, sources) ||
             sinks.StoresPicture(context.Operation, path)))
        {
            return;
        }

        if (judgement.EnclosingDocumentWord &&
            (PublicMediaCallers.For(types).EveryCallerStoresPublicMedia(context.ContainingSymbol, words.Parameters, vocabulary, context.Compilation, context.Options, context.CancellationToken) ||
             ShownThroughPictureMember(context, types, sinks, words, vocabulary)))
        {
            return;
        }

        ReportWrite(context, sources, judgement, throughHelper: false, appDataServed);
    }

    /// <summary>
    /// Public media by what the code does and what the method is called (held-out set 6): the writing method restricts
    /// the upload to images (<see cref="ImageOnlyUploads.RestrictsUploadToImages"/>: an allow-list of image extensions or
    /// <c>image/</c> types, anything else refused), the name holds a fresh value (a <c>Guid</c>: no link is guessed, even
    /// with the caller's value beside it, <c>{name}_{Guid}{ext}</c>), and the method's own name says images
    /// (<c>StoreBatchImageAsync</c>, <c>SaveLogo</c>). No private word in the path, the method or the type (asked
    /// before), and not in an app that requires a signed-in user everywhere (a fallback policy: no anonymous audience,
    /// as <see cref="PublicMediaCallers"/> decides).
    /// </summary>
    private static bool ImageOnlyUploadInImageMethod(OperationAnalysisContext context, WellKnownTypes types, PathWords words, StoredContentVocabulary vocabulary)
    {
        if (!words.HasFreshName || !MethodNamesPublicMedia(words, vocabulary) || !ImageOnlyUploads.For(types).RestrictsUploadToImages(context.Operation))
        {
            return false;
        }

        return !RequiresSignInEverywhere(context, types);
    }

    /// <summary>
    /// Public media by the name of the method that writes it (held-out set 16: a pharmacy's <c>UploadImage</c> action
    /// storing <c>{Guid}{ext}</c> under <c>uploads/masters</c>): the method's own name says pictures by format
    /// (<see cref="StoredContentVocabulary.MethodNamesPicture"/>: image, photo, logo, …; not profile or product), the file's
    /// name is generated (a fresh value, the upload's extension and literals: no person's value in it), and the method
    /// compares the upload with no literal other than an image (an allow-list with <c>.pdf</c> says it takes documents).
    /// Only when the path's words decide nothing (no private word or document extension in the path, the method or the
    /// type: asked before), not for a folder named for pictures that takes any file and hands it out as named downloads
    /// (<see cref="AnyFileDownloadFolders"/>: held-out set 9's <c>UploadImage</c> into <c>temp-images</c>, the same method
    /// name), and not in an app that requires a signed-in user everywhere.
    /// </summary>
    private static bool UploadInPictureMethod(OperationAnalysisContext context, WellKnownTypes types, IOperation path, PathWords words,
        StoredContentVocabulary vocabulary)
    {
        if (!words.HasFreshName || !MethodNamesPicture(words, vocabulary))
        {
            return false;
        }

        var uploads = ImageOnlyUploads.For(types);
        return uploads.HasGeneratedName(path) && !uploads.AcceptsOtherThanImages(context.Operation) && !RequiresSignInEverywhere(context, types);
    }

    private static bool MethodNamesPicture(PathWords words, StoredContentVocabulary vocabulary)
    {
        foreach (var (kind, name) in words.CodeNames)
        {
            if (kind == "method")
            {
                return vocabulary.MethodNamesPicture(name);
            }
        }

        return false;
    }

    /// <summary>
    /// A picture by the value's own words, over a document word of the enclosing method or type only (held-out set 15's
    /// <c>CommentDocumentsController</c>): the upload is named for pictures (<c>ImageUpload</c>) and the same method records
    /// the name it writes in a member named for pictures (<c>comment.ImageUrl = "/uploads/comments/" + uniqueFileName</c>:
    /// the member it is shown through; a local the path is built from, compared as a symbol). Not when the enclosing type
    /// or method carries an authorization attribute (<c>[Authorize]</c>, <see cref="EndpointAuthorization.CarriesAuthorizeAttribute"/>):
    /// the code around the write is meant for signed-in users, and a picture of what it handles has no anonymous audience
    /// (held-out set 2's <c>[Authorize] ResumeController</c>, whose applicant photo is recorded as <c>ProfilePhotoPath</c>).
    /// Read only for a write about to be reported, from the body's index of member assignments (<see cref="MethodBodyIndex.MemberAssignments"/>).
    /// </summary>
    private static bool ShownThroughPictureMember(OperationAnalysisContext context, WellKnownTypes types, StorageSinks sinks, PathWords words,
        StoredContentVocabulary vocabulary)
    {
        if (words.Locals.Count == 0 || !AnyPublicName(words.Names, vocabulary) ||
            AuthorizationModel.For(types).Endpoints.CarriesAuthorizeAttribute(context.ContainingSymbol))
        {
            return false;
        }

        foreach (var assignment in sinks.BodyIndex(context.Operation).MemberAssignments)
        {
            var member = assignment.Target switch
            {
                IPropertyReferenceOperation property => property.Property.Name,
                IFieldReferenceOperation field => field.Field.Name,
                _ => null,
            };
            if (member is null || !vocabulary.IsPublicName(member))
            {
                continue;
            }

            foreach (var part in assignment.Value.Walk())
            {
                if (part is ILocalReferenceOperation local && words.Locals.Contains(local.Local, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AnyPublicName(List<string> names, StoredContentVocabulary vocabulary)
    {
        foreach (var name in names)
        {
            if (vocabulary.IsPublicName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the app requires a signed-in user for every endpoint (a fallback policy): it has no anonymous audience, so
    /// nothing it stores is public media by what the code does (<see cref="PublicMediaCallers"/> decides the same), while
    /// static files registered before authorization still serve the web root to anyone.
    /// </summary>
    private static bool RequiresSignInEverywhere(OperationAnalysisContext context, WellKnownTypes types) =>
        types.HasAspNetCore &&
        CompilationFacts.For(types).Get(context.Compilation, context.Options, context.CancellationToken).Authorization.HasFallbackPolicy;

    /// <summary>
    /// Public media by what the application's own views do with the folder (held-out set 8): a Razor view renders the
    /// folder's files as pictures, <c>&lt;img src="~/Upload/SkillSets/@item.Picture"&gt;</c> (<see cref="ViewImageFolders"/>),
    /// and the write puts its file in exactly that folder (<see cref="WrittenFolder"/>). The views are read only here, for
    /// a write about to be reported; a private word or a document extension of the path still decides (asked before).
    /// </summary>
    private static bool ShownAsImagesByViews(OperationAnalysisContext context, WellKnownTypes types, StorageSinks sinks, ValueFlowTracker tracker,
        IOperation path, List<FlowSource> sources)
    {
        if (tracker.Policy is not WebRootFlowPolicy policy || context.Options.AdditionalFiles.IsEmpty)
        {
            return false;
        }

        var views = ViewImageFolders.For(types, context.Options, context.CancellationToken);
        return views.HasFolders && views.Contains(WrittenFolder.Of(path, sources, policy, sinks));
    }

    private static bool MethodNamesPublicMedia(PathWords words, StoredContentVocabulary vocabulary)
    {
        foreach (var (kind, name) in words.CodeNames)
        {
            if (kind == "method")
            {
                return vocabulary.HasPublicWord(new PathWords().AddName(name));
            }
        }

        return false;
    }

    /// <summary>
    /// True when every way the path reaches a web root is ASP.NET Core's web root (<c>WebRootPath</c>, a <c>wwwroot</c>
    /// literal, a field set to it) and the compilation builds its pipeline without serving the web root
    /// (<see cref="WebRootServing"/>, from the pre-scan of <see cref="CompilationFacts"/>): what is written there is not
    /// served. A compilation without a pipeline (a class library) is unknown and reported; classic ASP.NET's application
    /// folder is served by IIS whatever the code registers.
    /// </summary>
    private static bool WebRootNotServed(OperationAnalysisContext context, WellKnownTypes types, List<FlowSource> sources)
    {
        if (!types.HasAspNetCore)
        {
            return false;
        }

        foreach (var source in sources)
        {
            if (!WebRootFlowPolicy.IsAspNetCoreWebRoot(source.Reason))
            {
                return false;
            }
        }

        return CompilationFacts.For(types).Get(context.Compilation, context.Options, context.CancellationToken).WebRootNotServed;
    }

    /// <summary>
    /// True when every way the path reaches a served folder is classic ASP.NET's application folder (IIS) and the file
    /// the write creates has an extension the code spells that IIS does not serve (<see cref="Iis.IisStaticContent"/>:
    /// not in its MIME map nor added by the project's web.config): <c>File.WriteAllBytes(Server.MapPath("~/signature.ca"),
    /// signed)</c> is answered 404.3, whatever the folder. ASP.NET Core's static files are not judged so here (its
    /// content-type map and <c>ServeUnknownFileTypes</c> are SSA0003's).
    /// </summary>
    private static bool IisDoesNotServeTheFileType(IOperation path, StorageSinks sinks, ValueFlowTracker tracker, List<FlowSource> sources)
    {
        if (tracker.Policy is not WebRootFlowPolicy { ReadsWebConfig: true } policy)
        {
            return false;
        }

        foreach (var source in sources)
        {
            if (WebRootFlowPolicy.IsAspNetCoreWebRoot(source.Reason))
            {
                return false;
            }
        }

        return WrittenFolder.Extension(path, sources, policy, sinks) is { } extension &&
               !Iis.IisStaticContent.Serves(extension, policy.Configuration);
    }

    /// <summary>Key of <see cref="Diagnostic.Properties"/>, present when the write is in the project's own helper: the fix offers nothing there.</summary>
    public const string ThroughHelperProperty = "ThroughHelper";

    private static readonly System.Collections.Immutable.ImmutableDictionary<string, string?> ThroughHelper =
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ThroughHelperProperty, "true");

    /// <summary>
    /// Key of <see cref="Diagnostic.Properties"/>, present when the project's web.config un-hides App_Data (classic
    /// ASP.NET): moving the write there would not take it out of what IIS serves, so the fix offers nothing.
    /// </summary>
    public const string AppDataServedProperty = "AppDataServed";

    private static readonly System.Collections.Immutable.ImmutableDictionary<string, string?> AppDataServedProperties =
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(AppDataServedProperty, "true");

    private static void ReportWrite(OperationAnalysisContext context, List<FlowSource> sources, ContentJudgement judgement, bool throughHelper,
        bool appDataServed)
    {
        var shown = DiagnosticLocations.CallText(context.Operation.Syntax);
        // One write, one finding, however many ways its path reaches the web root
        // (env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot")): the first is named, all are located.
        var additional = new Location[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            additional[i] = sources[i].Operation.Syntax.GetLocation();
        }

        context.ReportDiagnostic(Diagnostic.Create(
            SSA0006DoNotWriteUnderWebRoot.Descriptor,
            DiagnosticLocations.For(context.Operation),
            additional,
            throughHelper ? appDataServed ? ThroughHelper.Add(AppDataServedProperty, "true") : ThroughHelper
                : appDataServed ? AppDataServedProperties : null,
            shown,
            sources[0].Operation.Syntax.ToString(),
            judgement.Reason));
    }
}
