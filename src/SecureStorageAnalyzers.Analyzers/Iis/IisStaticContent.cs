using System;
using System.Collections.Immutable;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// Which files IIS's static file handler serves (SSA0006, classic ASP.NET): only those whose extension has a MIME type,
/// in the server's default <c>&lt;staticContent&gt;</c> map or added by the application's web.config
/// (<c>&lt;mimeMap fileExtension=".ca" … /&gt;</c>, or <c>"*"</c>/<c>".*"</c> for every extension, which SSA0003
/// reports). Any other file under the application folder is answered with 404.3, whatever its folder: a write of
/// <c>Server.MapPath("~/signature.ca")</c> is not served.
/// </summary>
internal static class IisStaticContent
{
    /// <summary>
    /// The extensions of the default MIME map IIS 10 and IIS Express ship in applicationHost.config (the facts only: the
    /// extensions, not the types).
    /// </summary>
    private const string DefaultExtensions =
        ".323 .3g2 .3gp2 .3gp .3gpp .aaf .aac .aca .accdb .accde .accdt .acx .adt .adts .afm .ai .aif .aifc .aiff " +
        ".application .art .asd .asf .asi .asm .asr .asx .atom .au .avi .axs .bas .bcpio .bin .bmp .c .cab .calx .cat " +
        ".cdf .chm .class .clp .cmx .cnf .cod .cpio .cpp .crd .crl .crt .csh .css .csv .cur .dcr .deploy .der .dib .dir " +
        ".disco .dll .dll.config .dlm .doc .docm .docx .dot .dotm .dotx .dsp .dtd .dvi .dvr-ms .dwf .dwp .dxr .eml .emz " +
        ".eot .eps .etx .evy .exe .exe.config .fdf .fif .fla .flr .flv .gif .gtar .gz .h .hdf .hdml .hhc .hhk .hhp .hlp " +
        ".hqx .hta .htc .htm .html .htt .hxt .ico .ics .ief .iii .inf .ins .isp .ivf .jar .java .jck .jcz .jfif .jpb .jpe " +
        ".jpeg .jpg .js .json .jsx .latex .lit .lpk .lsf .lsx .lzh .m13 .m14 .m1v .m2ts .m3u .m4a .m4v .man .manifest .map " +
        ".mdb .mdp .me .mht .mhtml .mid .midi .mix .mmf .mno .mny .mov .movie .mp2 .mp3 .mp4 .mp4v .mpa .mpe .mpeg .mpg " +
        ".mpp .mpv2 .ms .msi .mso .mvb .mvc .nc .nsc .nws .ocx .oda .odc .ods .oga .ogg .ogv .one .onea .onetoc .onetoc2 " +
        ".onetmp .onepkg .osdx .otf .p10 .p12 .p7b .p7c .p7m .p7r .p7s .pbm .pcx .pcz .pdf .pfb .pfm .pfx .pgm .pko .pma " +
        ".pmc .pml .pmr .pmw .png .pnm .pnz .pot .potm .potx .ppam .ppm .pps .ppsm .ppsx .ppt .pptm .pptx .prf .prm .prx " +
        ".ps .psd .psm .psp .pub .qt .qtl .qxd .ra .ram .rar .ras .rf .rgb .rm .rmi .roff .rpm .rtf .rtx .scd .sct .sea " +
        ".setpay .setreg .sgml .sh .shar .sit .sldm .sldx .smd .smi .smx .smz .snd .snp .spc .spl .spx .src .ssm .sst .stl " +
        ".sv4cpio .sv4crc .svg .svgz .swf .t .tar .tcl .tex .texi .texinfo .tgz .thmx .thn .tif .tiff .toc .tr .trm .ts " +
        ".tsv .ttf .tts .txt .u32 .uls .ustar .vbs .vcf .vcs .vdx .vml .vsd .vss .vst .vsto .vsw .vsx .vtx .wav .wax .wbmp " +
        ".wcm .wdb .webm .wks .wm .wma .wmd .wmf .wml .wmlc .wmls .wmlsc .wmp .wmv .wmx .wmz .woff .wps .wri .wrl .wrz " +
        ".wsdl .wtv .wvx .x .xaf .xaml .xap .xbap .xbm .xdr .xht .xhtml .xla .xlam .xlc .xlm .xls .xlsb .xlsm .xlsx .xlt " +
        ".xltm .xltx .xlw .xml .xof .xpm .xps .xsd .xsf .xsl .xslt .xsn .xtp .xwd .z .zip";

    private static readonly ImmutableHashSet<string> Defaults =
        ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, DefaultExtensions.Split(' '));

    /// <summary>
    /// True when IIS serves a file whose name ends in <paramref name="extension"/> (<c>".pdf"</c>, with its dot): the
    /// default map has it, or a <c>&lt;mimeMap&gt;</c> under <c>&lt;staticContent&gt;</c> of one of the application's
    /// web.config files adds it or every extension (a transform's removal aside). A <c>&lt;remove&gt;</c> or
    /// <c>&lt;clear/&gt;</c> is not read: the extension is then still taken as served.
    /// </summary>
    public static bool Serves(string extension, WebConfigSet? configuration)
    {
        if (Defaults.Contains(extension))
        {
            return true;
        }

        if (configuration is null)
        {
            return false;
        }

        foreach (var document in configuration.Documents)
        {
            foreach (var element in document.Elements())
            {
                if (!element.Is("mimeMap") || !element.IsUnder("staticContent") || element.IsRemovedByTransform ||
                    element.Value("fileExtension") is not { } added)
                {
                    continue;
                }

                if (added is "*" or ".*" || string.Equals(added, extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
