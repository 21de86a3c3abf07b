using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Pictures named in Spanish and Portuguese: a profile photo or a product image written under the web root in a folder
/// or under a name that says <c>imagen</c>/<c>imagenes</c>, <c>imagem</c>/<c>imagens</c>, <c>foto</c>/<c>fotos</c>
/// (<c>FotoPerfil</c>, <c>fotoPerfil</c>) is public media by design, as <c>images</c> and <c>photos</c> are. The words are
/// read word by word: <c>fotovoltaico</c> is no photo, and a private word or a document extension still wins.
/// </summary>
public class SSA0006RomancePictureWordsTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task PicturesInSpanishAndPortugueseFolders_AreSilentAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class UsuariosController(IWebHostEnvironment env) : ControllerBase
        {
            public async Task Subir(IFormFile archivo)
            {
                var nombre = Guid.NewGuid() + Path.GetExtension(archivo.FileName);
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "imagenes", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); }
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "uploads", "imagen", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); }
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "fotos", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); }
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "FotoPerfil", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); }
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "imagem", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); }
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "imagens", "produtos", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); }
            }

            public async Task SubirPerfil(IFormFile fotoPerfil)
            {
                var destino = Path.Combine(env.WebRootPath, "uploads", Guid.NewGuid() + Path.GetExtension(fotoPerfil.FileName));
                using var s = new FileStream(destino, FileMode.Create);
                await fotoPerfil.CopyToAsync(s);
            }
        }
        """);

    [Fact]
    public Task OtherSpanishFolders_AndPrivateWordsBesidePictureWords_AreStillReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class ArchivosController(IWebHostEnvironment env) : ControllerBase
        {
            public async Task Subir(IFormFile archivo)
            {
                var nombre = Guid.NewGuid() + Path.GetExtension(archivo.FileName);
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "archivos", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); } //! SSA0006
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "fotovoltaico", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); } //! SSA0006
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "fotos", Guid.NewGuid() + ".pdf"), FileMode.Create)) { await archivo.CopyToAsync(s); } //! SSA0006
                using (var s = new FileStream(Path.Combine(env.WebRootPath, "imagenes", "patient", nombre), FileMode.Create)) { await archivo.CopyToAsync(s); } //! SSA0006
            }
        }
        """);
}
