using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// SSA0002: directory browsing turned on in code that can run in production: <c>UseDirectoryBrowser</c>,
/// <c>AddDirectoryBrowser</c>, <c>UseFileServer(true)</c> and <c>FileServerOptions.EnableDirectoryBrowsing = true</c>.
/// The IIS side (<c>&lt;directoryBrowse enabled="true" /&gt;</c>) is <see cref="SSA0002DirectoryBrowsingInWebConfigAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SSA0002DoNotEnableDirectoryBrowsingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Key of <see cref="Diagnostic.Properties"/> that tells the code fix what was found.</summary>
    public const string KindProperty = "Kind";

    /// <summary>A <c>UseDirectoryBrowser</c>/<c>AddDirectoryBrowser</c> call: remove it or guard it.</summary>
    public const string KindRegistration = "Registration";

    /// <summary>A <c>UseFileServer(true)</c> call: drop the argument.</summary>
    public const string KindArgument = "Argument";

    /// <summary>An <c>EnableDirectoryBrowsing = true</c> assignment: set it to false.</summary>
    public const string KindAssignment = "Assignment";

    private static readonly ImmutableDictionary<string, string?> RegistrationProperties =
        ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindRegistration);

    private static readonly ImmutableDictionary<string, string?> ArgumentProperties =
        ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindArgument);

    private static readonly ImmutableDictionary<string, string?> AssignmentProperties =
        ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindAssignment);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SSA0002DirectoryBrowsingEnabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypes.GetOrCreate(start.Compilation);
            if (types.UseDirectoryBrowser.IsEmpty && types.AddDirectoryBrowser.IsEmpty &&
                types.UseFileServerWithBrowsingFlag.IsEmpty && types.FileServerOptionsEnableDirectoryBrowsing is null)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeInvocation(context, types), OperationKind.Invocation);
            if (types.FileServerOptionsEnableDirectoryBrowsing is not null)
            {
                start.RegisterOperationAction(context => AnalyzeAssignment(context, types), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WellKnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        ImmutableDictionary<string, string?> properties;
        if (WellKnownTypes.Contains(types.UseDirectoryBrowser, method) ||
            WellKnownTypes.Contains(types.AddDirectoryBrowser, method))
        {
            properties = RegistrationProperties;
        }
        else if (WellKnownTypes.Contains(types.UseFileServerWithBrowsingFlag, method) && FlagIsTrue(invocation))
        {
            properties = ArgumentProperties;
        }
        else
        {
            return;
        }

        if (EnvironmentGuard.IsDevelopmentOnly(invocation, types))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SSA0002DirectoryBrowsingEnabled,
            invocation.Syntax.GetLocation(),
            properties,
            method.Name));
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, WellKnownTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target ||
            !SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, types.FileServerOptionsEnableDirectoryBrowsing) ||
            !assignment.Value.IsConstantTrue() ||
            EnvironmentGuard.IsDevelopmentOnly(assignment, types))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SSA0002DirectoryBrowsingEnabled,
            assignment.Syntax.GetLocation(),
            AssignmentProperties,
            "EnableDirectoryBrowsing = true"));
    }

    private static bool FlagIsTrue(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } && argument.Value.IsConstantTrue())
            {
                return true;
            }
        }

        return false;
    }
}
