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

/// <summary>The outcome of one bounded read: the bytes, or a failure with a message that never quotes the content.</summary>
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

    public static BoundedRead Read(string path, long maxBytes)
    {
        var problem = FileTypeProbe.GetTargetType(path) switch
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
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            if (length > maxBytes) return TooLarge(length, maxBytes);
            // Trust the size only as a hint: read one byte past the limit to catch a file that is longer than it said
            // (an empty file costs a 1-byte probe, not a page: 200,000 of them are a real repository's worth).
            var buffer = new byte[(int)Math.Min(maxBytes + 1, length == 0 ? 1 : Math.Max(length, 4096))];
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (read > maxBytes) return TooLarge(read, maxBytes);
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, Math.Max(4096L, (long)buffer.Length * 2)));
                }
                var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                if (n == 0) break;
                read += n;
            }
            if (read > maxBytes) return TooLarge(read, maxBytes);
            if (read == 0) return new BoundedRead([], ReadFailure.None, null);
            if (read != buffer.Length) Array.Resize(ref buffer, read);
            return new BoundedRead(buffer, ReadFailure.None, null);
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

    /// <summary>Size is the file's size, or the limit + 1 when a read went past the limit (the true size is not known).</summary>
    private static BoundedRead TooLarge(long length, long maxBytes) => new(null, ReadFailure.TooLarge,
        length > maxBytes + 1 ? $"file is {length} bytes; the limit is {maxBytes} bytes" : $"file is larger than the limit of {maxBytes} bytes",
        length);

    /// <summary>UTF-8 text (a byte order mark is dropped) of a configuration-sized file.</summary>
    public static string DecodeText(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        return System.Text.Encoding.UTF8.GetString(span);
    }
}
