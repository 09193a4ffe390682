using System.Buffers;
using System.Security.Cryptography;

namespace CertLint.Discovery;

/// <summary>Why <see cref="BoundedFile"/> did not return a file's bytes.</summary>
public enum ReadFailure
{
    None,
    /// <summary>Missing, a directory, a FIFO, a socket or a device (after following symbolic links).</summary>
    NotRegular,
    /// <summary>Larger than the limit (by its size, or by what a read returned).</summary>
    TooLarge,
    /// <summary>Permission denied or another I/O error.</summary>
    IoError,
}

/// <summary>
/// The outcome of one bounded read: the bytes, or a failure with a message that never quotes the content. Size: the
/// bytes read into a rented buffer (<see cref="BoundedFile.ReadRented"/>), or the size of a file too large.
/// </summary>
public readonly record struct BoundedRead(byte[]? Bytes, ReadFailure Failure, string? Problem, long Size = 0)
{
    public bool Ok => Bytes is not null;
}

/// <summary>
/// The one way CertLint reads a whole file that a pull request may have written (configuration, rule and baseline
/// files, certificate inputs): the path must name a regular file after symbolic links are followed, so a FIFO or
/// device is refused before it is opened (opening a FIFO blocks; /dev/zero never ends), and the read stops at the
/// limit whatever the size said (a file may grow, /proc files report 0), so memory stays bounded.
/// </summary>
public static class BoundedFile
{
    /// <summary>The limit for configuration, rule, documentation and baseline files.</summary>
    public const int ConfigMaxBytes = 1024 * 1024;

    public static BoundedRead Read(string path, long maxBytes) => Read(path, maxBytes, rented: false);

    /// <summary>
    /// The first <paramref name="maxBytes"/> bytes of a regular file, however long it is (Size: the bytes read): for
    /// saying what a file over a limit looks like without reading it all. Same refusals as <see cref="Read(string, long)"/>.
    /// </summary>
    public static BoundedRead ReadPrefix(string path, int maxBytes) => Read(path, maxBytes, rented: false, prefix: true);

    /// <summary>
    /// Like <see cref="Read(string, long)"/>, into a buffer rented from <see cref="ArrayPool{T}.Shared"/>: the file's
    /// bytes are the first <see cref="BoundedRead.Size"/> of <see cref="BoundedRead.Bytes"/>. For a caller that is done
    /// with the bytes once it has parsed them (certificate inputs: 20,000 files must not cost 20,000 new arrays, each
    /// garbage a moment later). Give the buffer back with <see cref="Return"/>.
    /// </summary>
    public static BoundedRead ReadRented(string path, long maxBytes) => Read(path, maxBytes, rented: true);

    /// <summary>Zeroes what a <see cref="ReadRented"/> buffer held (it may be a private key) and returns it to the pool.</summary>
    public static void Return(BoundedRead read)
    {
        if (read.Bytes is not { } buffer) return;
        CryptographicOperations.ZeroMemory(buffer.AsSpan(0, (int)read.Size));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static BoundedRead Read(string path, long maxBytes, bool rented, bool prefix = false)
    {
        var problem = FileTypeProbe.GetTargetType(path, out var statSize) switch
        {
            EntryType.Regular => null,
            EntryType.Missing => "file not found (or a broken or looping symbolic link)",
            EntryType.Directory => "is a directory, not a file",
            EntryType.Fifo => "is a FIFO (named pipe), not a regular file; not read",
            EntryType.Socket => "is a socket, not a regular file; not read",
            EntryType.CharacterDevice or EntryType.BlockDevice => "is a device, not a regular file; not read",
            _ => "is not a regular file; not read",
        };
        if (problem is not null) return new BoundedRead(null, ReadFailure.NotRegular, problem);
        // The size stat(2) just gave stands in for the fstat of an opened handle (it is only a hint either way).
        if (statSize >= 0 && NativeFile.Open(path) is var fd and >= 0)
        {
            try
            {
                if (ReadOpened(new NativeSource(fd), statSize, maxBytes, rented, prefix) is { } done) return done;
            }
            finally
            {
                NativeFile.Close(fd);
            }
        }
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
            return ReadOpened(new HandleSource(handle), RandomAccess.GetLength(handle), maxBytes, rented, prefix)!.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                _ => "I/O error: " + e.Message,
            };
            return new BoundedRead(null, ReadFailure.IoError, $"could not read: {reason}");
        }
    }

    /// <summary>Reads from an open file at an offset: the bytes read (0 at its end), or -1 when the read failed.</summary>
    private interface IReadAt
    {
        int Read(Span<byte> into, long offset);
    }

    private readonly struct NativeSource(nint fd) : IReadAt
    {
        public int Read(Span<byte> into, long offset) => NativeFile.Read(fd, into, offset);
    }

    /// <summary>A managed handle's reads throw on failure (the caller turns that into the file's problem).</summary>
    private readonly struct HandleSource(Microsoft.Win32.SafeHandles.SafeFileHandle handle) : IReadAt
    {
        public int Read(Span<byte> into, long offset) => RandomAccess.Read(handle, into, offset);
    }

    /// <summary>
    /// The bytes of an open file whose size was said to be <paramref name="length"/>, or null when a read failed (the
    /// caller then reads it again the managed way, which says why).
    /// </summary>
    private static BoundedRead? ReadOpened<T>(T file, long length, long maxBytes, bool rented, bool prefix) where T : struct, IReadAt
    {
        if (length > maxBytes && !prefix) return TooLarge(length, maxBytes);
        // A whole read goes one byte past the limit to catch a file longer than it said; a prefix read stops at it.
        var limit = prefix ? maxBytes : maxBytes + 1;
        byte[]? buffer = null;
        var read = 0;
        try
        {
            // Trust the size only as a hint: read one byte past the limit to catch a file that is longer than it said
            // (an empty file costs a 1-byte probe, not a page: 200,000 of them are a real repository's worth). A rented
            // buffer has room for one byte more than the size said, so a file that kept its size is read in one go.
            var size = (int)Math.Min(limit, rented ? length + 1 : length == 0 ? 1 : Math.Max(length, 4096));
            buffer = rented ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
            while (true)
            {
                var room = (int)Math.Min(buffer.Length, limit);
                if (read == room)
                {
                    if (read > maxBytes) return TooLarge(read, maxBytes);
                    if (read == limit) break; // a prefix read has its bytes
                    Grow(ref buffer, read, (int)Math.Min(limit, Math.Max(4096L, (long)buffer.Length * 2)), rented);
                    continue;
                }
                var n = file.Read(buffer.AsSpan(read, room - read), read);
                if (n < 0) return null;
                if (n == 0) break;
                read += n;
                // Exactly the size it said, with room for more: a regular file's read stops short only at its end, so
                // no second read to see zero bytes (one system call per input file; a longer file fills the room).
                if (read == length && read < room) break;
            }
            if (read > maxBytes) return TooLarge(read, maxBytes);
            if (rented)
            {
                var done = new BoundedRead(buffer, ReadFailure.None, null, read);
                buffer = null; // the caller's now
                return done;
            }
            if (read == 0) return new BoundedRead([], ReadFailure.None, null);
            if (read != buffer.Length) Array.Resize(ref buffer, read);
            return new BoundedRead(buffer, ReadFailure.None, null);
        }
        finally
        {
            if (rented && buffer is not null) Return(new BoundedRead(buffer, ReadFailure.None, null, read));
        }
    }

    private static void Grow(ref byte[] buffer, int used, int size, bool rented)
    {
        if (!rented)
        {
            Array.Resize(ref buffer, size);
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(larger);
        Return(new BoundedRead(buffer, ReadFailure.None, null, used));
        buffer = larger;
    }

    /// <summary>Size is the file's size, or the limit + 1 when a read went past the limit (the true size is not known).</summary>
    private static BoundedRead TooLarge(long length, long maxBytes) => new(null, ReadFailure.TooLarge,
        length > maxBytes + 1 ? $"file is {length} bytes; the limit is {maxBytes} bytes" : $"file is larger than the limit of {maxBytes} bytes",
        length);

    /// <summary>The text of a configuration-sized file: UTF-8, or UTF-16 by its byte order mark (YAML 1.2 allows both); a mark is dropped.</summary>
    public static string DecodeText(byte[] bytes) => TextMarks.Decode(bytes, TextMarks.Of(bytes));
}
