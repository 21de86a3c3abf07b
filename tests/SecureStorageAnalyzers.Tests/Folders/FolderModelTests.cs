using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>The folder-identity model on its own: which folder the argument of each <c>Mark(...)</c> call denotes.</summary>
public class FolderModelTests
{
    /// <summary>A project in two files: options bound from configuration, a service that keeps its folder, helpers.</summary>
    private const string Project = """
        using System;
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        public class StorageOptions { public string Recordings { get; set; } = ""; public ExportOptions Exports { get; set; } = new(); }
        public class ExportOptions { public string Folder { get; set; } = ""; }
        public class UnboundOptions { public string Folder { get; set; } = ""; }
        public class TwiceBound { public string Folder { get; set; } = ""; }

        public static class Setup
        {
            public static void Register(IServiceCollection services, IConfiguration configuration)
            {
                services.Configure<StorageOptions>(configuration.GetSection("Storage"));
                services.AddOptions<TwiceBound>().BindConfiguration("A");
                services.AddOptions<TwiceBound>().BindConfiguration("B");
            }
        }

        public static class Paths
        {
            public const string RecordingsName = "recordings";
            public static readonly string Fixed = "/var/rec";
            public static string RecordingsUnder(string root) => Path.Combine(root, RecordingsName);
            public static string Root(IWebHostEnvironment env) { if (env is null) { return Path.Combine(env!.ContentRootPath, "a"); } return Path.Combine(env.ContentRootPath, "b"); }
        }

        public class Store
        {
            private readonly string _root;
            private readonly string _fromOptions;
            private readonly StorageOptions _options;
            public Store(string root, IOptions<StorageOptions> options) { _root = root; _fromOptions = options.Value.Recordings; _options = options.Value; }
            public string Root => _root;
            public void Save(string name) { Mark(Path.Combine(_root, name + ".wav")); Mark(_fromOptions); Mark(_options.Exports.Folder); }
            public static void Mark(string path) { }
        }

        public static class Startup
        {
            public static void Build(IWebHostEnvironment env) { var store = new Store(Path.Combine(env.ContentRootPath, "recordings"), null!); }
        }
        """;

    [Theory]
    [InlineData("Path.Combine(env.ContentRootPath, \"recordings\")", "contentroot/recordings")]
    [InlineData("Path.Combine(env.ContentRootPath, \"recordings\", \"2024\", day, phone + \".wav\")", "contentroot/recordings/2024/…")]
    [InlineData("Path.Combine(env.ContentRootPath, \"recordings/2024\")", "contentroot/recordings/2024")]
    [InlineData("env.ContentRootPath + \"/recordings/\" + phone + \".wav\"", "contentroot/recordings/…")]
    [InlineData("$\"{env.ContentRootPath}/recordings/{phone}.wav\"", "contentroot/recordings/…")]
    [InlineData("$\"{env.ContentRootPath}/recordings/rec-{phone}.wav\"", "contentroot/recordings/…")]
    [InlineData("env.ContentRootPath + \"recordings\"", "")]
    [InlineData("Path.Combine(env.ContentRootPath, \"..\", \"recordings\")", "")]
    [InlineData("Path.Combine(env.ContentRootPath, \"wwwroot\", \"calls\")", "webroot/calls")]
    [InlineData("env.WebRootPath", "webroot")]
    [InlineData("Path.Combine(AppContext.BaseDirectory, \"rec\")", "basedir/rec")]
    [InlineData("\"/var/rec/2024\"", "abs/var/rec/2024")]
    [InlineData("Path.Combine(\"/var/rec\", phone)", "abs/var/rec/…")]
    [InlineData("Path.Combine(env.ContentRootPath, \"/var/rec\")", "abs/var/rec")]
    [InlineData("Paths.Fixed", "abs/var/rec")]
    [InlineData("Path.Combine(env.ContentRootPath, Paths.RecordingsName)", "contentroot/recordings")]
    [InlineData("Paths.RecordingsUnder(env.ContentRootPath)", "contentroot/recordings")]
    [InlineData("Paths.Root(env)", "")]
    [InlineData("configuration[\"Storage:Recordings\"]", "config:Storage:Recordings")]
    [InlineData("configuration.GetValue<string>(\"Storage:Recordings\")", "config:Storage:Recordings")]
    [InlineData("configuration.GetSection(\"Storage\")[\"Recordings\"]", "config:Storage:Recordings")]
    [InlineData("configuration.GetSection(\"Storage\").GetSection(\"Recordings\").Value", "config:Storage:Recordings")]
    [InlineData("options.Value.Recordings", "config:Storage:Recordings")]
    [InlineData("options.Value.Exports.Folder", "config:Storage:Exports:Folder")]
    [InlineData("configuration.GetSection(\"Storage\").Get<StorageOptions>()!.Recordings", "config:Storage:Recordings")]
    [InlineData("unbound.Value.Folder", "symbol:UnboundOptions.Folder")]
    [InlineData("twice.Value.Folder", "")]
    [InlineData("Path.Combine(env.ContentRootPath, \"docs\", $\"{unbound.Value.Folder}{phone}\")", "contentroot/docs/…")]
    [InlineData("Path.Combine(env.ContentRootPath, options.Value.Recordings, phone)", "contentroot>config:Storage:Recordings/…")]
    [InlineData("local", "contentroot/recordings")]
    [InlineData("Path.Combine(local, today, phone + \".wav\")", "contentroot/recordings/…")]
    [InlineData("env.WebRootPath ?? Path.Combine(env.ContentRootPath, \"wwwroot\")", "webroot")]
    [InlineData("phone", "")]
    [InlineData("store.Root", "contentroot/recordings")]
    [InlineData("Path.Combine(Directory.GetCurrentDirectory(), \"wwwroot\", \"notes\", phone + \".ogg\")", "cwd/wwwroot/notes/…")]
    [InlineData("\".\\\\wwwroot\" + clip", "cwd/wwwroot/clips/…")]
    [InlineData("\"wwwroot\" + clip", "cwd/wwwroot/clips/…")]
    [InlineData("\"wwwroot\" + phone", "cwd/…")]
    public void PathOf(string expression, string expected)
    {
        Assert.Equal(expected, Resolve(expression));
    }

    /// <summary>A constructor's parameter, a field set from IOptions in the constructor, an options object kept whole: followed into the class.</summary>
    [Fact]
    public void InsideTheService_ConstructorAndOptionsAreFollowed()
    {
        var (compilation, marks) = Compile(string.Empty);
        var model = FolderModel.For(WellKnownTypes.GetOrCreate(compilation));
        var inStore = marks.Where(m => m.Syntax.Ancestors().OfType<ClassDeclarationSyntax>().First().Identifier.ValueText == "Store")
            .Select(m => model.PathOf(m.Arguments[0].Value, CancellationToken.None)?.ToString() ?? string.Empty).ToList();
        Assert.Equal(new[] { "contentroot/recordings/…", "config:Storage:Recordings", "config:Storage:Exports:Folder" }, inStore);
    }

    [Theory]
    [InlineData("contentroot/recordings", "contentroot/recordings/2024", true)]
    [InlineData("contentroot/recordings", "contentroot/Recordings", true)]
    [InlineData("contentroot/recordings", "contentroot/recording", false)]
    [InlineData("contentroot/recordings/public", "contentroot/recordings", false)]
    [InlineData("contentroot", "contentroot/recordings", true)]
    [InlineData("config:Storage:Recordings", "config:Storage:Recordings/2024", true)]
    [InlineData("config:Storage:Recordings", "config:Storage:Exports", false)]
    [InlineData("webroot", "contentroot/wwwroot/calls", true)]
    public void Contains(string served, string written, bool expected)
    {
        Assert.Equal(expected, Folder.Parse(served)!.Contains(Folder.Parse(written)!));
    }

    [Fact]
    public void AnOpenFolder_ContainsNothing_AndIsInsideWhatHoldsItsKnownPart()
    {
        var open = Folder.FromText("/var/rec/", followedByUnknown: true)!;
        Assert.True(open.Open);
        Assert.False(open.Contains(Folder.Parse("abs/var/rec/x")!));
        Assert.True(Folder.Parse("abs/var/rec")!.Contains(open));
        Assert.False(Folder.Parse("abs/var/rec/x")!.Contains(open));
    }

    [Theory]
    [InlineData("contentroot/recordings", "the folder 'recordings' under the content root")]
    [InlineData("webroot", "the web root")]
    [InlineData("abs/var/rec", "the folder '/var/rec'")]
    [InlineData("config:Storage:Recordings", "the folder configured at 'Storage:Recordings'")]
    [InlineData("contentroot>config:Storage:Recordings/2024", "the folder '2024' under the folder configured at 'Storage:Recordings'")]
    public void Describe(string key, string expected)
    {
        Assert.Equal(expected, Folder.Parse(key)!.Describe());
    }

    private static string Resolve(string expression)
    {
        var (compilation, marks) = Compile($$"""
            public class Subject
            {
                public void Run(IWebHostEnvironment env, IConfiguration configuration, IOptions<StorageOptions> options,
                    IOptions<UnboundOptions> unbound, IOptions<TwiceBound> twice, string phone, string day, Store store)
                {
                    var local = Path.Combine(env.ContentRootPath, "recordings");
                    var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
                    var clip = $@"\clips\{phone}.mp4";
                    Store.Mark({{expression}});
                }
            }
            """);
        var mark = marks.Single(m => m.Syntax.Ancestors().OfType<ClassDeclarationSyntax>().First().Identifier.ValueText == "Subject");
        var folder = FolderModel.For(WellKnownTypes.GetOrCreate(compilation)).PathOf(mark.Arguments[0].Value, CancellationToken.None);
        return folder?.ToString() ?? string.Empty;
    }

    private static (Compilation Compilation, List<IInvocationOperation> Marks) Compile(string subject)
    {
        var usings = """
            using System;
            using System.IO;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Options;

            """;
        var trees = new[] { CSharpSyntaxTree.ParseText(Project, path: "/p/Project.cs"), CSharpSyntaxTree.ParseText(usings + subject, path: "/p/Subject.cs") };
        var compilation = CSharpCompilation.Create("Folders", trees, TestReferences.AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var marks = new List<IInvocationOperation>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Mark" } or IdentifierNameSyntax { Identifier.ValueText: "Mark" })
                {
                    marks.Add((IInvocationOperation)model.GetOperation(call)!);
                }
            }
        }

        return (compilation, marks);
    }
}

/// <summary>
/// The folder model's index looks into a tree only when its text spells a name asked as a word: a field assigned in a
/// file that spells its name with a Unicode escape or a formatting character (no such word in the text) is still found.
/// </summary>
public class FolderModelIndexTests
{
    [Theory]
    [InlineData("_kept")]
    [InlineData("_k\\u0065pt")]
    [InlineData("_ke\u00ADpt")]
    public void AFieldAssignedInAnotherFile_IsFound_HoweverItsNameIsSpelled(string spelled)
    {
        var assigning = $$"""
            using System.IO;
            using Microsoft.AspNetCore.Hosting;

            public partial class Keeper
            {
                private readonly string {{spelled}};
                public Keeper(IWebHostEnvironment env) { {{spelled}} = Path.Combine(env.ContentRootPath, "kept"); }
            }
            """;
        const string reading = """
            using System.IO;

            public partial class Keeper
            {
                public void Save(string phone) { Mark(Path.Combine(_kept, phone)); }
                public static void Mark(string path) { }
            }
            """;
        var trees = new[] { CSharpSyntaxTree.ParseText(assigning, path: "/p/Assigning.cs"), CSharpSyntaxTree.ParseText(reading, path: "/p/Reading.cs") };
        var compilation = CSharpCompilation.Create("Index", trees, TestReferences.AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var call = trees[1].GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(c => c.Expression is IdentifierNameSyntax { Identifier.ValueText: "Mark" });
        var mark = (IInvocationOperation)compilation.GetSemanticModel(trees[1]).GetOperation(call)!;
        var folder = FolderModel.For(WellKnownTypes.GetOrCreate(compilation)).PathOf(mark.Arguments[0].Value, CancellationToken.None);
        Assert.Equal("contentroot/kept/…", folder?.ToString());
    }
}
