using System.Buffers;
using System.Buffers.Text;
using System.Text;
using CertLint.Discovery;

namespace CertLint.Parsing;

/// <summary>
/// Finds every PEM block in a file's bytes, line by line, tolerating text before, between and after blocks
/// (e.g. `openssl x509 -text` dumps), CRLF, indentation and RFC 1421 headers. Works on UTF-8/ASCII bytes directly.
/// </summary>
public static class PemScanner
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>Cheap sniff: does the span contain a PEM BEGIN marker?</summary>
    public static bool ContainsPem(ReadOnlySpan<byte> content) => content.IndexOf("-----BEGIN "u8) >= 0;

    public static IReadOnlyList<PemBlock> Scan(ReadOnlyMemory<byte> content)
    {
        var blocks = new Found();
        if (!ContainsPem(content.Span)) return blocks.Blocks;
        var body = ArrayPool<byte>.Shared.Rent(Math.Max(16, content.Length));
        try
        {
            var state = new BlockState();
            var lineNumber = 0;
            var rest = content.Span;
            while (!rest.IsEmpty)
            {
                lineNumber++;
                var newline = rest.IndexOf((byte)'\n');
                var line = (newline < 0 ? rest : rest[..newline]).Trim(" \t\r\f\v"u8);
                // A byte order mark before a line (a file saved by Notepad, or such files concatenated into a bundle):
                // OpenSSL 3 reads the BEGIN line after it, and so does this scanner.
                if (line.StartsWith(TextMarks.Utf8Bom)) line = line[3..].TrimStart(" \t"u8);
                rest = newline < 0 ? [] : rest[(newline + 1)..];
                ProcessLine(line, lineNumber, ref state, body, blocks);
            }
            if (state.Label is not null)
            {
                blocks.Add(Failed(state, lineNumber, $"PEM block \"{state.Label}\" has no END line"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body, clearArray: true); // it held private keys' base64 and secret keys' hex
        }
        return blocks.Finish();
    }

    /// <summary>Damaged blocks kept per file: past this, one entry counts the rest (a file of stray BEGIN lines stays small).</summary>
    public const int MaxErrorBlocks = 50;

    /// <summary>The blocks found; damaged ones past <see cref="MaxErrorBlocks"/> are only counted, as they come, so memory stays bounded.</summary>
    private sealed class Found
    {
        public readonly List<PemBlock> Blocks = [];
        private int _errors;
        private int _dropped;
        private PemBlock? _firstDropped;

        public void Add(PemBlock block)
        {
            if (block.Error is null || ++_errors <= MaxErrorBlocks) { Blocks.Add(block); return; }
            _firstDropped ??= block;
            _dropped++;
        }

        public List<PemBlock> Finish()
        {
            if (_firstDropped is { } first)
            {
                Blocks.Add(first with
                {
                    Label = "",
                    Error = $"{_dropped.ToString(System.Globalization.CultureInfo.InvariantCulture)} more damaged PEM lines or blocks from line {first.StartLine} on, not listed one by one",
                });
            }
            return Blocks;
        }
    }

    private struct BlockState
    {
        public string? Label;
        public int StartLine;
        public bool InHeaders;
        public Dictionary<string, string>? Headers;
        public int BodyLength;
        /// <summary>An OpenPGP armor's CRC-24 line ("=" and four base64 characters), when the block has one.</summary>
        public string? ArmorChecksum;
    }

    private static void ProcessLine(ReadOnlySpan<byte> line, int lineNumber, ref BlockState state, byte[] body, Found blocks)
    {
        if (TryMarker(line, "-----BEGIN "u8, out var beginLabel))
        {
            if (state.Label is not null) blocks.Add(Failed(state, lineNumber - 1, $"PEM block \"{state.Label}\" has no END line"));
            state = new BlockState { Label = beginLabel, StartLine = lineNumber, InHeaders = true };
            return;
        }
        var isEnd = TryMarker(line, "-----END "u8, out var endLabel);
        if (!isEnd && LooksLikeMarker(line))
        {
            // "-----BEGIN PRIVATE KEYY----", "----END CERTIFICATE-----": a damaged marker hides a block; say so. Carriage
            // returns inside the line are lines ended by CR alone (classic Mac OS), one line to OpenSSL as here.
            blocks.Add(new PemBlock("", lineNumber, lineNumber, ReadOnlyMemory<byte>.Empty, NoHeaders, line.IndexOf((byte)'\r') >= 0
                ? $"line {lineNumber} holds PEM lines ended by carriage returns alone (CR, without LF): OpenSSL reads them as one line and finds no PEM block; convert the line endings to LF"
                : $"line {lineNumber} looks like a damaged PEM BEGIN or END line (expected five hyphens, BEGIN or END, a label, five hyphens)"));
            return;
        }
        if (state.Label is null)
        {
            if (isEnd) blocks.Add(new PemBlock(endLabel, lineNumber, lineNumber, ReadOnlyMemory<byte>.Empty, NoHeaders, $"PEM END line for \"{endLabel}\" without a BEGIN line"));
            return; // text outside blocks
        }
        if (isEnd)
        {
            blocks.Add(endLabel == state.Label
                ? Decode(state, lineNumber, body)
                : Failed(state, lineNumber, $"PEM block \"{state.Label}\" ends with \"END {endLabel}\""));
            state = default;
            return;
        }
        if (state.InHeaders)
        {
            var colon = line.IndexOf((byte)':');
            if (colon > 0 && state.BodyLength == 0)
            {
                state.Headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                state.Headers[Encoding.ASCII.GetString(line[..colon]).Trim()] = Encoding.ASCII.GetString(line[(colon + 1)..]).Trim();
                return;
            }
            state.InHeaders = false;
            if (line.IsEmpty) return;
        }
        if (line is [(byte)'=', _, _, _, _] && state.Label!.StartsWith("PGP ", StringComparison.Ordinal))
        {
            state.ArmorChecksum = Encoding.ASCII.GetString(line[1..]); // RFC 9580 §6.1: the armor's checksum, not data
            return;
        }
        if (line.IndexOfAny((byte)' ', (byte)'\t') < 0)
        {
            line.CopyTo(body.AsSpan(state.BodyLength)); // the usual base64 line: no blanks inside
            state.BodyLength += line.Length;
            return;
        }
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t')) body[state.BodyLength++] = b;
        }
    }

    /// <summary>Three or more dashes, then BEGIN or END: meant as a PEM marker (text dumps never start a line so).</summary>
    private static bool LooksLikeMarker(ReadOnlySpan<byte> line)
    {
        var dashes = 0;
        while (dashes < line.Length && line[dashes] == (byte)'-') dashes++;
        if (dashes < 3) return false;
        var rest = line[dashes..].TrimStart(" "u8);
        return rest.StartsWith("BEGIN"u8) || rest.StartsWith("END"u8) || rest.StartsWith("begin"u8) || rest.StartsWith("end"u8);
    }

    private static bool TryMarker(ReadOnlySpan<byte> line, ReadOnlySpan<byte> prefix, out string label)
    {
        label = "";
        if (!line.StartsWith(prefix) || line.Length < prefix.Length + 5 || !line.EndsWith("-----"u8)) return false;
        var text = line[prefix.Length..^5].Trim(" "u8);
        if (!IsLabel(text)) return false; // a whole file on one line (CR-only or no line ends) is no label: its text is never echoed
        label = Encoding.ASCII.GetString(text);
        return true;
    }

    /// <summary>Longer than any label in use ("NEW CERTIFICATE REQUEST", "PGP PRIVATE KEY BLOCK").</summary>
    private const int MaxLabelLength = 64;

    /// <summary>RFC 7468 §3: printable ASCII, a hyphen or a space only between two other characters.</summary>
    private static bool IsLabel(ReadOnlySpan<byte> text)
    {
        if (text.Length > MaxLabelLength) return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is (byte)'-' or (byte)' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] is (byte)'-' or (byte)' ') return false;
            }
            else if (c is < 0x21 or > 0x7E) return false;
        }
        return true;
    }

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private static PemBlock Decode(BlockState state, int endLine, byte[] body)
    {
        var encoded = body.AsSpan(0, state.BodyLength);
        // OpenVPN's static key (tls-auth, tls-crypt, secret) is a PEM-like block whose body is hex, not base64.
        if (state.Label == OpenVpnKeys.StaticKeyLabel) return DecodeHex(state, endLine, encoded);
        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        var status = Base64.DecodeFromUtf8(encoded, decoded, out _, out var written);
        if (status != OperationStatus.Done)
        {
            return Failed(state, endLine, $"PEM block \"{state.Label}\" has invalid base64");
        }
        if (written == 0) return Failed(state, endLine, $"PEM block \"{state.Label}\" is empty");
        if (state.ArmorChecksum is { } crc && !OpenPgpArmor.ChecksumMatches(decoded.AsSpan(0, written), crc))
        {
            return Failed(state, endLine, $"PGP armor \"{state.Label}\" does not match its checksum line (damaged)");
        }
        return new PemBlock(state.Label!, state.StartLine, endLine, decoded.AsMemory(0, written), state.Headers ?? NoHeaders);
    }

    private static PemBlock DecodeHex(BlockState state, int endLine, ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty) return Failed(state, endLine, $"PEM block \"{state.Label}\" is empty");
        if (encoded.Length % 2 != 0 || encoded.IndexOfAnyExcept(HexDigits) >= 0)
        {
            return Failed(state, endLine, $"PEM block \"{state.Label}\" is not hex (OpenVPN writes its static keys in hex)");
        }
        var decoded = new byte[encoded.Length / 2];
        for (var i = 0; i < decoded.Length; i++) decoded[i] = (byte)((Nibble(encoded[2 * i]) << 4) | Nibble(encoded[(2 * i) + 1]));
        return new PemBlock(state.Label!, state.StartLine, endLine, decoded, state.Headers ?? NoHeaders);
    }

    /// <summary>A hex digit's value (checked above); no string of the secret is made.</summary>
    private static int Nibble(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static PemBlock Failed(BlockState state, int endLine, string error) =>
        new(state.Label!, state.StartLine, Math.Max(state.StartLine, endLine), ReadOnlyMemory<byte>.Empty, state.Headers ?? NoHeaders, error);
}
