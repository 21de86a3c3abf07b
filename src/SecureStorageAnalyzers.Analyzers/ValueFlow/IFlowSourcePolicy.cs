using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>What a <see cref="ValueFlowTracker"/> walk looks for: the rule's idea of a source, and what ends a flow.</summary>
internal interface IFlowSourcePolicy
{
    /// <summary>
    /// Why <paramref name="operation"/> is a source, or null. <paramref name="symbol"/> is what it reads: the property,
    /// field, parameter, local or called method; null for a literal.
    /// </summary>
    SourceReason? Classify(IOperation operation, ISymbol? symbol);

    /// <summary>True when the result of <paramref name="method"/> no longer carries the source (a pseudonymizer).</summary>
    bool IsBarrier(IMethodSymbol method);

    /// <summary>
    /// True when a path builder reached through a local ends the walk because it reports its own inputs (SSA0101); false
    /// when the walk goes through every path builder to the source (SSA0006 looks for the web root under the path).
    /// </summary>
    bool StopsAtPathBuilders { get; }

    /// <summary>
    /// True when the source may be part of the value (interpolation, concatenation, string and path helpers, hashes);
    /// false when only the whole value counts (SSA0004: the content root itself, not a folder under it).
    /// </summary>
    bool FollowsValueTransformations { get; }

    /// <summary>
    /// True when a walk goes through this construction or call to its arguments (<c>new FileInfo(path)</c>,
    /// <c>new PhysicalFileProvider(root)</c>, <c>File.OpenRead(path)</c>).
    /// </summary>
    bool PassesThrough(IOperation creationOrCall);

    /// <summary>
    /// The values that choose what <paramref name="call"/> returns, when the policy counts a lookup as carrying its key
    /// (SSA0005: the record a query finds by a request value, <c>db.Exports.Find(id)</c>,
    /// <c>FirstOrDefault(x =&gt; x.Id == id)</c>): the walk goes on into them. Empty for any other call, and for every call
    /// in a policy that does not look through lookups.
    /// </summary>
    IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call);

    /// <summary>
    /// True when a walk that meets a read of <paramref name="property"/> that the policy does not classify goes on into
    /// the value it is read from (SSA0005: <c>export.Path</c> of a record found by a request value).
    /// </summary>
    bool FollowsMembersOf(IPropertyReferenceOperation property);
}

/// <summary>
/// A policy whose walks go through a call of the project's own interface into the bodies that call may run (SSA0005:
/// the record <c>_documents.GetByIdAsync(id)</c> finds, with <c>IDocumentService</c> implemented here; the stored file
/// <c>_storage.DownloadAsync(path)</c> reads, with a local and a cloud <c>IFileStorageService</c>). Only the policies that
/// implement it; the walk asks when the called method has no body of its own, and follows the call only when every
/// body listed yields what it looks for.
/// </summary>
internal interface IFollowsProjectImplementations
{
    /// <summary>
    /// Every method of the compilation that implements <paramref name="method"/>, a member of the project's own
    /// interface, up to <see cref="ProjectImplementations.MaxImplementations"/> (<see cref="ProjectImplementations.Every"/>);
    /// empty when there is none or more, or the interface is not the project's.
    /// </summary>
    System.Collections.Immutable.ImmutableArray<IMethodSymbol> ImplementationsOf(IMethodSymbol method);
}

/// <summary>
/// A policy whose walks go through a call of the project's own string method (a sanitizer, a slug, a normaliser) to the
/// arguments its result is made of, at any level (SSA0101: <c>SanitizeFileName(recipient.DisplayName)</c>). Only the
/// policies that implement it; the walk asks when the call is not otherwise followed.
/// </summary>
internal interface IFollowsProjectStringMethods
{
    /// <summary>
    /// The ordinals of the parameters <paramref name="method"/>'s string result is made of
    /// (<see cref="ProjectStringMethods"/>, summarised once per method and compilation); empty when it is not such a method.
    /// </summary>
    System.Collections.Immutable.ImmutableArray<int> CarriedParameters(IMethodSymbol method, Compilation compilation);
}

/// <summary>
/// A policy for which a value typed into a form (a control's text) is not one of the platform's fixed values: a local
/// copied from it is named by the application, and its name speaks (SSA0101: <c>var personName = txtName.Text.Trim()</c>),
/// unlike a local holding <c>file.FullName</c> or <c>Environment.UserName</c>.
/// </summary>
internal interface IReadsTypedInput
{
    /// <summary>True when <paramref name="operation"/> reads what a user typed or picked in a control the application declares.</summary>
    bool IsTypedInput(IOperation operation);
}

/// <summary>
/// A policy that classifies a call by the text of its first argument (SSA0006: <c>HostingEnvironment.MapPath("~/uploads")</c>).
/// Inside a project method the walk replays, that argument may be the method's own parameter
/// (<c>Map(string virtualPath) =&gt; HostingEnvironment.MapPath(virtualPath)</c>): the walk then asks again with the
/// caller's argument (<c>Map("~/Uploads/Contracts")</c>).
/// </summary>
internal interface IClassifiesCallsByArgument
{
    /// <summary>Why <paramref name="call"/> is a source when its first argument is <paramref name="argument"/>, or null.</summary>
    SourceReason? ClassifyWithArgument(IInvocationOperation call, IOperation argument);
}

/// <summary>
/// A policy whose walks go through a call it passes through to the call's receiver too (SSA0005: a cloud client's
/// download, <c>blob.DownloadStreamingAsync()</c>, is about the object the client was made for, <c>GetBlobClient(name)</c>).
/// Only the policies that implement it; a <c>FileInfo</c>'s or <c>DirectoryInfo</c>'s call is walked so for every policy.
/// </summary>
internal interface IWalksCallReceivers
{
    /// <summary>True when the walk through <paramref name="call"/> (one the policy passes through) goes on into its receiver.</summary>
    bool WalksReceiverOf(IInvocationOperation call);
}
