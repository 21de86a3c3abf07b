using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Which opens store a file: a mode that can create one (CreateNew, Create, OpenOrCreate, Append) does; Open and
/// Truncate only change a file already there (they throw when it is missing), so overwriting a stored upload with zeros
/// before deleting it is not a write of new data under the web root.
/// </summary>
public class SSA0006OpenModeTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot);

    [Fact]
    public async Task OverwriteThenDelete_OfAnExistingFile_IsNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class VerificationController(IWebHostEnvironment env) : Controller
            {
                public void Shred(string storedName)
                {
                    var target = Path.Combine(env.WebRootPath, "verification", storedName);
                    var size = new FileInfo(target).Length;
                    using (var stream = new FileStream(target, FileMode.Open, FileAccess.Write))
                    {
                        stream.Write(new byte[size], 0, (int)size);
                    }

                    using (var again = System.IO.File.Open(target, FileMode.Truncate, FileAccess.Write)) { }
                    using (var third = new FileInfo(target).Open(FileMode.Open, FileAccess.ReadWrite)) { }
                    using (var fourth = new FileStream(target, new FileStreamOptions { Access = FileAccess.Write })) { }
                    using (var fifth = System.IO.File.Open(target, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write })) { }
                    System.IO.File.Delete(target);
                }
            }
            """);
    }

    [Fact]
    public async Task ModesThatCreate_AreReportedInEveryFormAsync()
    {
        const string NoMedia = SSA0006DoNotWriteUnderWebRootTests.NoMedia;
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class StatementsController(IWebHostEnvironment env) : Controller
            {
                public void Store(string name, FileMode mode)
                {
                    var root = {|#1:env.WebRootPath|};
                    using (var a = {|#0:new FileStream(Path.Combine(root, "a", name), FileMode.OpenOrCreate, FileAccess.Write)|}) { }
                    using (var b = System.IO.File.{|#2:Open(Path.Combine(root, "b", name), FileMode.Append)|}) { }
                    using (var c = new FileInfo(Path.Combine(root, "c", name)).{|#3:Open(FileMode.CreateNew)|}) { }
                    using (var d = {|#4:new FileStream(Path.Combine(root, "d", name), new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write })|}) { }
                    using (var e = System.IO.File.{|#5:Open(Path.Combine(root, "e", name), new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write })|}) { }
                    // A mode the code does not fix is judged by its access.
                    using (var f = {|#6:new FileStream(Path.Combine(root, "f", name), mode, FileAccess.Write)|}) { }
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("new FileStream", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(2).WithLocation(1).WithArguments("System.IO.File.Open", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(3).WithLocation(1).WithArguments("new FileInfo", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(4).WithLocation(1).WithArguments("new FileStream", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(5).WithLocation(1).WithArguments("System.IO.File.Open", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(6).WithLocation(1).WithArguments("new FileStream", "env.WebRootPath", NoMedia));
    }

    /// <summary>
    /// An open with a constant access without write (<c>FileAccess.Read</c>) writes nothing, whatever the mode:
    /// <c>OpenOrCreate</c> at most creates an empty file (held-out set 10: e-mail templates opened this way to be read).
    /// </summary>
    [Fact]
    public async Task OpenOrCreate_WithReadAccess_IsNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class MailController(IWebHostEnvironment env) : Controller
            {
                public string Template(string name)
                {
                    var path = Path.Combine(env.WebRootPath, "templates", name);
                    using (var a = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite))
                    using (var reader = new StreamReader(a))
                    {
                        reader.ReadToEnd();
                    }

                    using (var b = System.IO.File.Open(path, FileMode.OpenOrCreate, FileAccess.Read)) { }
                    using (var c = new FileInfo(path).Open(FileMode.OpenOrCreate, FileAccess.Read)) { }
                    using (var d = new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Read })) { }
                    using (var e = System.IO.File.Open(path, new FileStreamOptions { Access = FileAccess.Read, Mode = FileMode.OpenOrCreate })) { }
                    return path;
                }
            }
            """);
    }

    /// <summary>
    /// Without an access, or with one that writes, <c>OpenOrCreate</c> stays a write: the constructors' default access
    /// is <c>ReadWrite</c>, and what the code does with the stream is not followed.
    /// </summary>
    [Fact]
    public async Task OpenOrCreate_WithoutAccessOrWithReadWrite_IsReportedAsync()
    {
        const string NoMedia = SSA0006DoNotWriteUnderWebRootTests.NoMedia;
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class NotesController(IWebHostEnvironment env) : Controller
            {
                public void Store(string name, FileAccess access)
                {
                    var root = {|#1:env.WebRootPath|};
                    using (var a = {|#0:new FileStream(Path.Combine(root, "a", name), FileMode.OpenOrCreate)|}) { }
                    using (var b = System.IO.File.{|#2:Open(Path.Combine(root, "b", name), FileMode.OpenOrCreate, FileAccess.ReadWrite)|}) { }
                    // An access the code does not fix is not taken as read-only.
                    using (var c = {|#3:new FileStream(Path.Combine(root, "c", name), FileMode.OpenOrCreate, access)|}) { }
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("new FileStream", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(2).WithLocation(1).WithArguments("System.IO.File.Open", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(3).WithLocation(1).WithArguments("new FileStream", "env.WebRootPath", NoMedia));
    }

    /// <summary>
    /// <c>OpenOrCreate</c> with write access whose stream the method only reads (handed to a <c>StreamReader</c> or a
    /// <c>BinaryReader</c>, its <c>Read</c>/<c>CopyTo</c>, closed, disposed) writes nothing (held-out set 10: a customs
    /// API's e-mail templates opened with <c>FileAccess.ReadWrite</c> to be read): at most an empty file is created.
    /// </summary>
    [Fact]
    public Task OpenOrCreate_WithWriteAccess_OnlyRead_IsNotReportedAsync() => LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), """
        using System;
        using System.IO;
        using System.Web;

        public class MobileDataBase
        {
            public static string Template(string sImage)
            {
                string BodyHtmlFile = "~/OrganizationRequestSubmit.html";
                FileStream fsreader = new FileStream(HttpContext.Current.Server.MapPath(BodyHtmlFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                StreamReader reader = new StreamReader(fsreader);
                string readFile = reader.ReadToEnd();
                fsreader.Close();

                FileStream fsreader1 = new FileStream(HttpContext.Current.Server.MapPath("~/mail/footer.html"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                byte[] bytes = new byte[fsreader1.Length];
                fsreader1.Read(bytes, 0, (int)fsreader1.Length);
                fsreader1.Dispose();
                fsreader1 = new FileStream(HttpContext.Current.Server.MapPath("~/mail/header.html"), FileMode.OpenOrCreate);
                fsreader1.Position = 0;
                fsreader1.Read(bytes, 0, 4);

                using (var direct = new BinaryReader(new FileStream(HttpContext.Current.Server.MapPath("~/mail/sign.html"), FileMode.OpenOrCreate)))
                {
                    direct.ReadBytes(4);
                }

                using (var copied = File.Open(HttpContext.Current.Server.MapPath("~/mail/terms.html"), FileMode.OpenOrCreate, FileAccess.ReadWrite))
                using (var memory = new MemoryStream())
                {
                    copied.CopyTo(memory);
                }

                return readFile;
            }
        }
        """, TestFramework.NetFramework48);

    /// <summary>
    /// The negatives beside it: a stream written, handed to a <c>StreamWriter</c> or to another method, returned, stored
    /// in a field, copied into, or opened and only closed (a file created on purpose) stays a write.
    /// </summary>
    [Fact]
    public Task OpenOrCreate_WithWriteAccess_WrittenOrHandedOn_IsReportedAsync() => LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), """
        using System;
        using System.IO;
        using System.Web;

        public class Notes
        {
            private Stream _kept;

            public Stream Store(byte[] data, Stream upload)
            {
                var a = new FileStream(HttpContext.Current.Server.MapPath("~/notes/a.txt"), FileMode.OpenOrCreate, FileAccess.ReadWrite); //! SSA0006
                new StreamReader(a).ReadToEnd();
                a.Write(data, 0, data.Length);

                var b = new FileStream(HttpContext.Current.Server.MapPath("~/notes/b.txt"), FileMode.OpenOrCreate); //! SSA0006
                new StreamReader(b).ReadToEnd();
                using (var writer = new StreamWriter(b)) { writer.Write("x"); }

                var c = new FileStream(HttpContext.Current.Server.MapPath("~/notes/c.txt"), FileMode.OpenOrCreate); //! SSA0006
                c.ReadByte();
                Keep(c);

                var d = new FileStream(HttpContext.Current.Server.MapPath("~/notes/d.txt"), FileMode.OpenOrCreate); //! SSA0006
                d.ReadByte();
                _kept = d;

                var e = new FileStream(HttpContext.Current.Server.MapPath("~/notes/e.txt"), FileMode.OpenOrCreate); //! SSA0006
                upload.CopyTo(e);

                using (var f = new FileStream(HttpContext.Current.Server.MapPath("~/notes/f.txt"), FileMode.OpenOrCreate)) { } //! SSA0006

                var g = File.Open(HttpContext.Current.Server.MapPath("~/notes/g.txt"), FileMode.OpenOrCreate, FileAccess.ReadWrite); //! SSA0006
                g.ReadByte();
                return g;
            }

            private static void Keep(Stream stream) { }
        }
        """, TestFramework.NetFramework48);
}
