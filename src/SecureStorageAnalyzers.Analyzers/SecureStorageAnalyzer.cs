using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.CloudStorage;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.StaticFiles;
using SecureStorageAnalyzers.StoragePaths;

namespace SecureStorageAnalyzers;

/// <summary>
/// The pack's analyzer of C# code: every rule in one operation analysis (<see cref="PackAnalyzer"/>), so that each
/// call and assignment of the project is looked at once, not once per rule. The IIS side of SSA0002 (web.config) is
/// <see cref="SSA0002DirectoryBrowsingInWebConfigAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecureStorageAnalyzer : PackAnalyzer
{
    public SecureStorageAnalyzer()
        : base(PackRules.All)
    {
    }
}

/// <summary>The rules of <see cref="SecureStorageAnalyzer"/>, in id order; each rule's own analyzer runs one of them.</summary>
internal static class PackRules
{
    public static readonly PackRuleEntry SSA0001 = new(Descriptors.SSA0001PrivateFilesServedAnonymously, SSA0001AnonymousStaticFilesAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0002 = new(Descriptors.SSA0002DirectoryBrowsingEnabled, SSA0002DoNotEnableDirectoryBrowsingAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0003 = new(Descriptors.SSA0003UnknownFileTypesServed, SSA0003DoNotServeUnknownFileTypesAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0004 = new(Descriptors.SSA0004ContentRootServed, SSA0004DoNotServeContentRootAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0005 = new(Descriptors.SSA0005AnonymousEndpointServesRequestedFile, SSA0005AnonymousFileEndpointAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0006 = new(Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot, SSA0006DoNotWriteUnderWebRootAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0007 = new(Descriptors.SSA0007StoredObjectsReadableByAnyone, SSA0007StoredObjectsReadableByAnyoneAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0008 = new(Descriptors.SSA0008StoredObjectsListableByAnyone, SSA0008StoredObjectsListableByAnyoneAnalyzer.CreateRule);
    public static readonly PackRuleEntry SSA0101 = new(Descriptors.SSA0101PersonalIdentifierInStoragePath, SSA0101PersonalIdentifierInStoragePathAnalyzer.CreateRule);

    public static readonly ImmutableArray<PackRuleEntry> All = ImmutableArray.Create(SSA0001, SSA0002, SSA0003, SSA0004, SSA0005, SSA0006, SSA0007, SSA0008, SSA0101);
}
