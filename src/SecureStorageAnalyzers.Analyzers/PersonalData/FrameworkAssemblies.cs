using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// The platform's assemblies: the .NET runtime and BCL, ASP.NET Core, the Microsoft.Extensions and Entity Framework
/// libraries, Windows desktop, and the storage, logging and JSON libraries the pack knows. Their members are not the
/// application's own: <c>FileInfo.FullName</c>, <c>Type.FullName</c> or <c>Environment.UserName</c> say nothing about a
/// data subject, whatever their names say. The application's members are those declared in its source or in any other
/// assembly (its own libraries, referenced as projects or packages, and APIs about people such as Microsoft Graph).
/// ASP.NET Core Identity is the exception: its types (namespace <c>Microsoft.AspNetCore.Identity</c>) describe the
/// application's users, so <c>UserManager.GetPhoneNumberAsync</c> is read by its name like the application's own.
/// </summary>
internal static class FrameworkAssemblies
{
    private static readonly ImmutableArray<string> Prefixes = ImmutableArray.Create(
        "System.", "Microsoft.AspNetCore.", "Microsoft.Extensions.", "Microsoft.EntityFrameworkCore", "Microsoft.Win32.",
        "Microsoft.CSharp", "Microsoft.VisualBasic", "Microsoft.CodeAnalysis", "Microsoft.Build", "Microsoft.JSInterop",
        "Microsoft.Net.", "Microsoft.Data.", "Windows.", "Azure.", "AWSSDK.", "Google.Cloud.", "Google.Apis",
        "Google.Protobuf", "Newtonsoft.", "Serilog", "NLog");

    private static readonly ImmutableArray<string> Names = ImmutableArray.Create(
        "mscorlib", "netstandard", "System", "WindowsBase", "PresentationCore", "PresentationFramework", "Minio");

    /// <summary>True when <paramref name="symbol"/> is a member (property, field, method) that a platform assembly declares.</summary>
    public static bool Declares(ISymbol symbol)
    {
        if (symbol is not (IPropertySymbol or IFieldSymbol or IMethodSymbol) || symbol.ContainingAssembly is not { } assembly)
        {
            return false;
        }

        var locations = symbol.Locations;
        if (!locations.IsEmpty && locations[0].IsInSource)
        {
            return false;
        }

        return IsPlatform(assembly.Name) && !IsIdentity(symbol.ContainingNamespace);
    }

    private static bool IsIdentity(INamespaceSymbol? ns) =>
        ns is { Name: "Identity", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } };

    public static bool IsPlatform(string assemblyName)
    {
        foreach (var name in Names)
        {
            if (string.Equals(assemblyName, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var prefix in Prefixes)
        {
            if (assemblyName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
