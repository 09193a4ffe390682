namespace CertLint.Usage;

/// <summary>
/// Byte offset to 1-based line over a UTF-8 buffer, by binary search over its line feeds: the line of a token
/// System.Text.Json's reader reports only as an offset (Kestrel's and HashiCorp's JSON files).
/// </summary>
internal sealed class ByteLines
{
    private readonly List<long> _newlines = [];

    public ByteLines(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') _newlines.Add(i);
        }
    }

    public int LineOf(long offset)
    {
        var i = _newlines.BinarySearch(offset);
        return (i < 0 ? ~i : i) + 1;
    }
}
