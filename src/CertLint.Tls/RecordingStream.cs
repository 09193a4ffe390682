using System.Text;

namespace CertLint.Tls;

/// <summary>Passes reads and writes through and keeps the first bytes read, to tell what a non-TLS peer is.</summary>
internal sealed class RecordingStream : Stream
{
    private const int Keep = 64;
    private readonly Stream _inner;
    private readonly MemoryStream _captured = new();

    public RecordingStream(Stream inner) => _inner = inner;

    public byte[] Captured => _captured.ToArray();

    /// <summary>The peer closed its side (a read returned 0).</summary>
    public bool SawEnd { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = _inner.Read(buffer, offset, count);
        if (n == 0 && count > 0) SawEnd = true;
        if (n > 0 && _captured.Length < Keep) _captured.Write(buffer, offset, (int)Math.Min(n, Keep - _captured.Length));
        return n;
    }

    /// <summary>After a failure, keep what the peer already sent beyond what TLS parsing consumed (no waiting).</summary>
    public void TakeAvailable(System.Net.Sockets.Socket socket)
    {
        try
        {
            var room = (int)(Keep - _captured.Length);
            if (room <= 0 || socket.Available == 0) return;
            var buffer = new byte[Math.Min(room, socket.Available)];
            var n = socket.Receive(buffer);
            _captured.Write(buffer, 0, n);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // Only a better message was at stake.
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
    public override void Flush() => _inner.Flush();
    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>A TLS record starts with a content type 20–23 and major version 3.</summary>
    public static bool StartsLikeTls(byte[] bytes) => bytes.Length >= 2 && bytes[0] is >= 20 and <= 23 && bytes[1] == 3;

    /// <summary>The bytes as printable ASCII (others as '.'), at most 40 characters, safe to put in a report.</summary>
    public static string Printable(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(40)) text.Append(b is >= 32 and < 127 ? (char)b : '.');
        return text.ToString().TrimEnd('.');
    }
}
