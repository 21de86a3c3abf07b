using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Tests.ValueFlow;

/// <summary>The tracker on its own: which identifiers it finds in the argument of the one <c>Store(...)</c> call.</summary>
public class ValueFlowTrackerTests
{
    [Theory]
    [InlineData("var a = phone; var b = a; Store(b);", "phone")]
    [InlineData("string a; a = \"x\"; a = email; Store(a);", "email")]
    [InlineData("var a = phone; a = a + \"-\" + a; Store(a);", "phone")]
    [InlineData("Store(flag ? phone : email);", "phone,email")]
    [InlineData("Store(maybe ?? phone);", "phone")]
    [InlineData("Store($\"{phone}-{DateTime.Now:yyyy}\");", "phone")]
    [InlineData("Store(string.Concat(\"a\", email.ToUpperInvariant()));", "email")]
    [InlineData("string Name(string v) => v.Trim(); Store(Name(phone));", "phone")]
    [InlineData("string Outer(string v) { string Inner(string w) => w + \"_\"; return Inner(v); } Store(Outer(email));", "email")]
    [InlineData("Store(Helper(phone));", "phone")] // the project's own method: what it returns (one level)
    [InlineData("Store(Twice(phone));", "phone")] // a string method of the project (ProjectStringMethods) at the second level
    [InlineData("Store(OwnerOf(customer));", "")] // not a second level into a method that is no string method
    [InlineData("Store(Clean(email));", "email")] // a string method with a constant answer for an empty input
    [InlineData("Store(Digest(phone));", "")] // a hash made in the project's method is its pseudonym
    [InlineData("Store(Guid.NewGuid().ToString(\"N\"));", "")]
    [InlineData("Store(Path.GetRandomFileName());", "")]
    [InlineData("Store(Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(phone))));", "")]
    [InlineData("Store(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(phone))));", "phone#")]
    [InlineData("Store(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(email))));", "email#")]
    [InlineData("var p = Path.Combine(\"root\", phone); Store(p);", "")]
    [InlineData("Store(Path.Combine(\"root\", phone));", "phone")]
    [InlineData("var p = \"calls/\" + phone + \".mp3\"; Store(p);", "")]
    [InlineData("Store(customer.Email);", "customer.Email")]
    [InlineData("Store(customer.Nickname);", "")]
    [InlineData("Store(customer.GetPhoneNumber());", "customer.GetPhoneNumber()")]
    [InlineData("Store(fileName);", "")]
    // Twelve locals in a row: the walk's visited set outgrows its short list and still finds the end of the chain.
    [InlineData("var a1 = phone; var a2 = a1; var a3 = a2; var a4 = a3; var a5 = a4; var a6 = a5; var a7 = a6; var a8 = a7; var a9 = a8; var a10 = a9; var a11 = a10; var a12 = a11; Store(a12);", "phone")]
    // Locals assigned from each other in a loop: each is visited once, and the walk ends.
    [InlineData("string a = email, b = a, c = b; a = c; b = a; Store(b);", "email")]
    // Ten of them, given the phone after the chain was read: it never reaches the store, and the walk ends.
    [InlineData("string a1 = \"\", a2 = a1, a3 = a2, a4 = a3, a5 = a4, a6 = a5, a7 = a6, a8 = a7, a9 = a8, a10 = a9; a1 = a10; a5 = phone; Store(a10);", "")]
    // A chain in a loop, given the phone at its end: the next turn carries it to the store.
    [InlineData("string a1 = \"\", a2 = \"\", a3 = \"\", a4 = \"\", a5 = \"\", a6 = \"\", a7 = \"\", a8 = \"\", a9 = \"\", a10 = \"\"; while (a10.Length < 9) { a2 = a1; a3 = a2; a4 = a3; a5 = a4; a6 = a5; a7 = a6; a8 = a7; a9 = a8; a10 = a9; a1 = phone; } Store(a10);", "phone")]
    public void FindSources(string body, string expected)
    {
        var sources = Trace(body);
        Assert.Equal(expected, string.Join(",", sources.Select(s => s.Operation.Syntax.ToString() + (s.ThroughUnkeyedHash ? "#" : ""))));
    }

    private static List<FlowSource> Trace(string body)
    {
        var source = $$"""
            using System;
            using System.IO;
            using System.Security.Cryptography;
            using System.Text;

            class Customer { public string Email = ""; public string Nickname = ""; public string GetPhoneNumber() => ""; }

            class Subject
            {
                static void Store(string path) { }
                static string Helper(string value) => value;
                static string Twice(string value) => Helper(value);
                static string OwnerOf(Customer customer) => EmailOf(customer);
                static string EmailOf(Customer customer) => customer.Email;
                static string Clean(string value)
                {
                    if (value.Length == 0)
                        return "none";
                    return value.Trim();
                }
                static string Digest(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

                void Run(string phone, string email, string? maybe, bool flag, byte[] key, Customer customer, string fileName)
                {
                    {{body}}
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Flow", new[] { tree }, TestReferences.AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var model = compilation.GetSemanticModel(tree);
        var store = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Store" });
        var invocation = (IInvocationOperation)model.GetOperation(store)!;

        var types = WellKnownTypes.GetOrCreate(compilation);
        var tracker = new ValueFlowTracker(StorageSinks.Create(types), new PersonalDataFlowPolicy(new PersonalDataClassifier(types, PersonalDataOptions.Empty), StorageSinks.Create(types)));
        var sources = new List<FlowSource>();
        tracker.FindSources(invocation.Arguments[0].Value, sources);
        return sources;
    }
}

/// <summary>Sinks are symbols of the real SDKs: a type of the same simple name elsewhere is not one.</summary>
public class StorageSinksTests
{
    [Fact]
    public void SinkTypes_ResolveOnlyWhenTheSdksAreReferenced()
    {
        var without = Sinks(TestReferences.AspNetCore);
        var with = Sinks(TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks));

        Assert.DoesNotContain(without.SinkTypes, t => t.ContainingNamespace.ToDisplayString().StartsWith("Azure", StringComparison.Ordinal));
        Assert.Contains(with.SinkTypes, t => t.ToDisplayString() == "Azure.Storage.Blobs.BlobContainerClient");
        Assert.Contains(with.SinkTypes, t => t.ToDisplayString() == "Amazon.S3.IAmazonS3");
        Assert.Contains(with.SinkTypes, t => t.ToDisplayString() == "Google.Cloud.Storage.V1.StorageClient");
        Assert.Contains(with.SinkTypes, t => t.Name == "ObjectArgs");
        Assert.Contains(with.PropertySinks, p => p.ContainingType.Name == "PutObjectRequest" && p.Name == "Key");
        Assert.True(without.HasWebOrStorageSdk);
    }

    [Fact]
    public void WithoutWebOrSdks_TheRuleDoesNotApply()
    {
        Assert.False(Sinks(TestReferences.NetCoreOnly).HasWebOrStorageSdk);
        Assert.True(Sinks(TestReferences.NetCoreOnly.AddRange(TestReferences.StorageSdks)).HasWebOrStorageSdk);
    }

    [Fact]
    public void LookalikeTypes_AreNotSinks()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            namespace MyStorage { public class BlobContainerClient { public void UploadBlob(string blobName) { } } }
            """);
        var compilation = CSharpCompilation.Create("Lookalike", new[] { tree }, TestReferences.AspNetCore);
        var sinks = StorageSinks.Create(WellKnownTypes.GetOrCreate(compilation));
        var upload = (IMethodSymbol)compilation.GetTypeByMetadataName("MyStorage.BlobContainerClient")!.GetMembers("UploadBlob").Single();
        Assert.False(sinks.IsSinkMethod(upload));
    }

    private static StorageSinks Sinks(ImmutableArray<MetadataReference> references) =>
        StorageSinks.Create(WellKnownTypes.GetOrCreate(CSharpCompilation.Create("Sinks", references: references)));
}
