using System.Text;

namespace CertLint.Discovery;

/// <summary>What a text file's first bytes say of its encoding: a byte order mark, or none.</summary>
public enum TextMark
{
    None,
    /// <summary>EF BB BF: UTF-8 with a byte order mark (Notepad, Visual Studio, PowerShell's -Encoding UTF8 before 6).</summary>
    Utf8Bom,
    /// <summary>FF FE: UTF-16 little-endian (PowerShell 5's Out-File and &gt;, Notepad's "Unicode").</summary>
    Utf16LittleEndian,
    /// <summary>FE FF: UTF-16 big-endian.</summary>
    Utf16BigEndian,
}

/// <summary>
/// One reading of byte order marks for every text CertLint reads (PEM, key and configuration files). OpenSSL 3 skips a
/// UTF-8 mark before a PEM BEGIN line, .NET and YAML parsers skip it at the start of a file; nginx, Apache httpd and
/// HAProxy read it as part of the first directive and refuse the file. UTF-16 is read by none of OpenSSL, nginx, Apache
/// or HAProxy.
/// </summary>
public static class TextMarks
{
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static TextMark Of(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => TextMark.Utf8Bom,
        [0xFF, 0xFE, 0, 0, ..] => TextMark.None, // UTF-32 little-endian's mark: not read as text
        [0xFF, 0xFE, ..] => TextMark.Utf16LittleEndian,
        [0xFE, 0xFF, ..] => TextMark.Utf16BigEndian,
        _ => TextMark.None,
    };

    public static bool IsUtf16(TextMark mark) => mark is TextMark.Utf16LittleEndian or TextMark.Utf16BigEndian;

    /// <summary>A text file's text as its mark says (UTF-8 when it has none), without the mark.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, TextMark mark) => mark switch
    {
        TextMark.Utf8Bom => Encoding.UTF8.GetString(bytes[3..]),
        TextMark.Utf16LittleEndian or TextMark.Utf16BigEndian => DecodeUtf16(bytes, mark),
        _ => Encoding.UTF8.GetString(bytes),
    };

    /// <summary>
    /// A configuration's text as its mark says, without the mark; null for binary content (a NUL byte outside UTF-16),
    /// which is no configuration.
    /// </summary>
    public static string? ConfigurationText(ReadOnlySpan<byte> bytes, out TextMark mark)
    {
        mark = Of(bytes);
        return !IsUtf16(mark) && bytes.IndexOf((byte)0) >= 0 ? null : Decode(bytes, mark);
    }

    /// <summary>UTF-16 text (after its two-byte mark) as the UTF-8 bytes the text readers take.</summary>
    public static byte[] Utf16ToUtf8(ReadOnlySpan<byte> bytes, TextMark mark) => Encoding.UTF8.GetBytes(DecodeUtf16(bytes, mark));

    /// <summary>UTF-16 text (after its two-byte mark) as a string; unpaired surrogates and an odd last byte become U+FFFD.</summary>
    public static string DecodeUtf16(ReadOnlySpan<byte> bytes, TextMark mark) =>
        new UnicodeEncoding(bigEndian: mark == TextMark.Utf16BigEndian, byteOrderMark: false, throwOnInvalidBytes: false).GetString(bytes[2..]);

    /// <summary>How a finding names the encoding.</summary>
    public static string Describe(TextMark mark) => mark switch
    {
        TextMark.Utf8Bom => "UTF-8 with a byte order mark (EF BB BF)",
        TextMark.Utf16LittleEndian => "UTF-16 little-endian (byte order mark FF FE)",
        TextMark.Utf16BigEndian => "UTF-16 big-endian (byte order mark FE FF)",
        _ => "UTF-8",
    };
}
