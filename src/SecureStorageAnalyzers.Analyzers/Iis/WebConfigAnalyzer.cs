using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// The pack's analyzer of IIS configuration: every <c>web.config</c> and <c>web.*.config</c> of the project (the
/// package's build targets add them to <c>AdditionalFiles</c>, so no project edit is needed), read once each
/// (<see cref="WebConfigDocument"/>) and judged by <see cref="IisConfigurationRules"/>:
/// SSA0002 (<c>&lt;directoryBrowse enabled="true" /&gt;</c>) in classic ASP.NET projects, and in ASP.NET Core projects
/// only where the web.config takes requests away from the ASP.NET Core Module (a handler removed or limited to a path);
/// SSA0003 (<c>&lt;mimeMap fileExtension="*" /&gt;</c>), SSA0011 (hidden segments un-hidden) and SSA0012 (page-only
/// protection, private folders opened) in projects that reference System.Web: under ASP.NET Core the ASP.NET Core
/// Module handles every request, so IIS's static file handler and ASP.NET's authorization sections play no part.
/// Nothing is reported in a desktop program's compilation (<c>OutputKind.WindowsApplication</c>, <c>OutputType</c>
/// WinExe): IIS does not host it, whatever web.config sits in its folder.
/// </summary>
/// <remarks>
/// Findings sit at the attribute or element at fault. A diagnostic in an additional file is in no syntax tree, so its
/// severity comes from a global configuration (<c>.globalconfig</c>), not from an <c>.editorconfig</c> section.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WebConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Hosting.SSA0002DoNotEnableDirectoryBrowsing.Descriptor,
        Hosting.SSA0003DoNotServeUnknownFileTypes.Descriptor,
        SSA0011HiddenSegmentExposed.Descriptor,
        SSA0012AnonymousAccessUnderIis.Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypes.GetOrCreate(start.Compilation);
            var classic = types.HasSystemWeb;
            if (!(types.HasAspNetCore || classic) || TestProjects.IsSilenced(start.Compilation, start.Options, start.CancellationToken))
            {
                return;
            }

            // A desktop program (OutputType WinExe) is not hosted by IIS: a web.config next to its project file (a WCF
            // service and a WinForms client in one folder) configures the web project, and is reported there only.
            if (start.Compilation.Options.OutputKind == OutputKind.WindowsApplication)
            {
                return;
            }

            // Every web*.config of the project, parsed once per compilation and shared with the C# rules that read
            // them (WebConfigSet): a transform (web.Release.config) is judged together with the file it transforms,
            // and settings in one file (runAllManagedModulesForAllRequests) hold for all.
            var set = WebConfigSet.For(types, start.Options, start.CancellationToken);
            if (set.Documents.IsEmpty)
            {
                return;
            }

            var documents = new Dictionary<string, WebConfigDocument>(System.StringComparer.Ordinal);
            foreach (var document in set.Documents)
            {
                documents[document.Path] = document;
            }

            start.RegisterAdditionalFileAction(context =>
            {
                if (!documents.TryGetValue(context.AdditionalFile.Path, out var document))
                {
                    return;
                }

                // An ASP.NET Core project is one the compilation makes so: it references ASP.NET Core and not System.Web
                // (a Microsoft.NET.Sdk.Web project always references the Microsoft.AspNetCore.App framework).
                Report(context, document, IisConfigurationRules.DirectoryBrowsing(document, set, aspNetCoreProject: !classic));
                if (!classic)
                {
                    return;
                }

                var configured = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile)
                    .TryGetValue(PrivateFolderFlowPolicy.PrivateFolderNamesKey, out var names) ||
                    context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(PrivateFolderFlowPolicy.PrivateFolderNamesKey, out names)
                    ? names
                    : "";
                Report(context, document, IisConfigurationRules.UnknownFileTypes(document));
                Report(context, document, SSA0011HiddenSegmentExposed.Find(document));
                Report(context, document, SSA0012AnonymousAccessUnderIis.Find(document, set, PrivateFolderVocabulary.Create(configured)));
            });
        });
    }

    /// <summary>True for <c>web.config</c> and <c>web.&lt;anything&gt;.config</c>, in any letter case.</summary>
    internal static bool IsWebConfig(string path) => WebConfigDocument.IsWebConfig(path);

    private static void Report(AdditionalFileAnalysisContext context, WebConfigDocument document, IEnumerable<WebConfigFinding> findings)
    {
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                finding.Descriptor,
                Location.Create(document.Path, finding.Span, document.Text.Lines.GetLinePositionSpan(finding.Span)),
                finding.Arguments));
        }
    }
}
