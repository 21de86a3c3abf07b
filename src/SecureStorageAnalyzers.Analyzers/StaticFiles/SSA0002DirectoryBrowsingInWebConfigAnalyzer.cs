using System;
using System.Collections.Immutable;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// SSA0002 on the IIS side: <c>&lt;directoryBrowse enabled="true" /&gt;</c> in the project's <c>web.config</c> or
/// <c>web.*.config</c>. The package's build targets add those files to <c>AdditionalFiles</c>, so no project edit is needed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SSA0002DirectoryBrowsingInWebConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SSA0002DirectoryBrowsingEnabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!WellKnownTypes.GetOrCreate(start.Compilation).HasAspNetCore || TestProjects.IsSilenced(start.Compilation, start.Options))
            {
                return;
            }

            start.RegisterAdditionalFileAction(AnalyzeAdditionalFile);
        });
    }

    /// <summary>True for <c>web.config</c> and <c>web.&lt;anything&gt;.config</c>, in any letter case.</summary>
    internal static bool IsWebConfig(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("web.", StringComparison.OrdinalIgnoreCase) &&
               name.EndsWith(".config", StringComparison.OrdinalIgnoreCase);
    }

    private static void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!IsWebConfig(file.Path))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        foreach (var span in FindEnabledDirectoryBrowse(text))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SSA0002DirectoryBrowsingEnabled,
                Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)),
                "<directoryBrowse enabled=\"true\" /> in " + Path.GetFileName(file.Path)));
        }
    }

    /// <summary>
    /// The spans of every <c>enabled="true"</c> attribute of a <c>directoryBrowse</c> element (names and value
    /// case-insensitive); none when the file is not well-formed XML.
    /// </summary>
    internal static ImmutableArray<TextSpan> FindEnabledDirectoryBrowse(SourceText text)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(text.ToString()), settings);
            var lineInfo = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element ||
                    !string.Equals(reader.LocalName, "directoryBrowse", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!reader.MoveToFirstAttribute())
                {
                    continue;
                }

                do
                {
                    if (string.Equals(reader.LocalName, "enabled", StringComparison.OrdinalIgnoreCase) &&
                        string.Equals(reader.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                    {
                        spans.Add(AttributeSpan(text, lineInfo.LineNumber, lineInfo.LinePosition));
                    }
                }
                while (reader.MoveToNextAttribute());

                reader.MoveToElement();
            }
        }
        catch (XmlException)
        {
            // IIS refuses to start on a malformed web.config (HTTP 500.19), so nothing it configures is served:
            // report nothing, never throw. This also keeps a half-typed file in the editor quiet.
            return ImmutableArray<TextSpan>.Empty;
        }

        return spans.ToImmutable();
    }

    /// <summary>From the attribute's name (1-based line and column, as XmlReader gives them) to its closing quote.</summary>
    private static TextSpan AttributeSpan(SourceText text, int line, int column)
    {
        if (line < 1 || line > text.Lines.Count)
        {
            return new TextSpan(0, 0);
        }

        var textLine = text.Lines[line - 1];
        var start = Math.Min(textLine.Start + Math.Max(column - 1, 0), textLine.End);
        var end = start;
        var quotes = 0;
        while (end < text.Length && quotes < 2)
        {
            var c = text[end];
            if (c is '"' or '\'')
            {
                quotes++;
            }
            else if (c is '>' or '/' && quotes == 0)
            {
                break;
            }

            end++;
        }

        return TextSpan.FromBounds(start, end);
    }
}
