using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// One rule's share of the pack's operation analysis, for one compilation (created by the rule's factory at compilation
/// start, dropped with the compilation). The rule says which calls and assignments it looks at, by symbol;
/// <see cref="PackAnalyzer"/> looks at each call and assignment once and hands it only to the rules that named its type
/// or property. A rule still checks what it is given: it may be given calls of its types that it does not care about.
/// </summary>
internal abstract class PackRule
{
    /// <summary>
    /// The types whose method calls (the method's containing type) and object creations (the created type) the rule
    /// looks at, as original definitions.
    /// </summary>
    public virtual IEnumerable<INamedTypeSymbol> CallTypes => Array.Empty<INamedTypeSymbol>();

    /// <summary>
    /// More types whose calls and creations the rule looks at, by metadata name (<see cref="LazyType.MetadataName"/>), as
    /// <see cref="CallTypes"/> are: each is resolved only when a call of a type of its name is first seen, and the symbol
    /// decides. For the many types a rule knows that most compilations never call (the storage sinks, the document
    /// libraries): resolving them all when the rule is created was most of the pack's fixed cost (docs/performance.md).
    /// A name of an SDK the compilation does not reference must not be given (it would be resolved when a call of its
    /// name appears, where the rule's own table answers null without a lookup).
    /// </summary>
    public virtual IEnumerable<string> LazyCallTypes => Array.Empty<string>();

    /// <summary>The properties (original definitions) whose assignments the rule looks at.</summary>
    public virtual IEnumerable<IPropertySymbol> AssignedProperties => Array.Empty<IPropertySymbol>();

    /// <summary>
    /// True when the rule also looks at calls of any type in a file where the project names its own authorization
    /// helpers (<see cref="Pipeline.AuthorizationHelpers"/>): a helper may be declared anywhere.
    /// </summary>
    public virtual bool SeesCallsOfAuthorizationHelpers => false;

    /// <summary>
    /// True when the rule also looks at calls of the listing methods a file's <c>.editorconfig</c> names
    /// (<see cref="Hosting.ListingMethods"/>): third-party wrappers that turn directory browsing on, of any type.
    /// </summary>
    public virtual bool SeesCallsOfConfiguredListingMethods => false;

    /// <summary>True when the rule also looks at calls of extension methods declared in the project's own source.</summary>
    public virtual bool SeesCallsOfSourceExtensions => false;

    /// <summary>
    /// True when the rule also looks at invocations of ordinary methods declared in the compilation's own source (the
    /// project's helpers), whatever their type. Such calls are many: the rule must decline most of them cheaply.
    /// </summary>
    public virtual bool SeesCallsOfSourceMethods => false;

    /// <summary>
    /// True when the rule also looks at calls the compiler could not bind only because of what they were handed (an
    /// argument of a type the build does not have: a package that is not referenced), when every method the call may mean
    /// is of one of <see cref="CallTypes"/> (<see cref="AnalyzeUnboundCall"/>). The operation is then an
    /// <see cref="IInvalidOperation"/>: the rule resolves what it needs from its candidates.
    /// </summary>
    public virtual bool SeesUnboundCalls => false;

    /// <summary>
    /// True when the rule also looks at assignments to string properties and fields (<see cref="AnalyzeMemberAssignment"/>).
    /// Such assignments are many: the rule must decline most of them cheaply (a cached answer per member).
    /// </summary>
    public virtual bool SeesAssignmentsOfStringMembers => false;

    /// <summary>True when the rule looks at interpolated strings and binary operations (string concatenation).</summary>
    public virtual bool SeesStrings => false;

    /// <summary>
    /// True when the rule reports at the end of the compilation (<see cref="Report"/>). Such a finding is not live: the
    /// IDE's default scope (document-scoped analysis) runs no compilation-end action, so it shows in a build, with full
    /// solution analysis or in the audit tool only, and its descriptor carries <see cref="WellKnownDiagnosticTags.CompilationEnd"/>.
    /// A rule that only needs facts from other files asks <see cref="CompilationFacts"/> instead and reports where the
    /// operation at fault is, as SSA0001, SSA0002 and SSA0005 do.
    /// </summary>
    public virtual bool ReportsAtEnd => false;

    /// <summary>An invocation or object creation of one of <see cref="CallTypes"/> or <see cref="LazyCallTypes"/> (or, per the flags above, another).</summary>
    public virtual void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
    {
    }

    /// <summary>An invalid invocation whose candidates are all methods of <paramref name="type"/>, one of <see cref="CallTypes"/>, when <see cref="SeesUnboundCalls"/>.</summary>
    public virtual void AnalyzeUnboundCall(OperationAnalysisContext context, INamedTypeSymbol type)
    {
    }

    /// <summary>An assignment to one of <see cref="AssignedProperties"/>.</summary>
    public virtual void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property)
    {
    }

    /// <summary>
    /// An assignment to a string property or field, when
    /// <see cref="SeesAssignmentsOfStringMembers"/> (never one of <see cref="AssignedProperties"/>: those come to <see cref="AnalyzeAssignment"/>).
    /// </summary>
    public virtual void AnalyzeMemberAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, ISymbol member)
    {
    }

    /// <summary>An interpolated string or a binary operation, when <see cref="SeesStrings"/>.</summary>
    public virtual void AnalyzeString(OperationAnalysisContext context)
    {
    }

    /// <summary>The end of the compilation, when <see cref="ReportsAtEnd"/>.</summary>
    public virtual void Report(CompilationAnalysisContext context)
    {
    }
}
