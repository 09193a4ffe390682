using System.Runtime.InteropServices;

namespace CertLint.Discovery;

/// <summary>
/// Opens, reads and closes a file with the runtime's native shim (libSystem.Native, which <see cref="FileTypeProbe"/>
/// already asks), for <see cref="BoundedFile"/>'s inputs on Unix: File.OpenHandle adds an fstat, an advisory flock
/// and its unlock, a posix_fadvise and a second fstat to every file, and a finalizable handle object; on 20,000
/// certificate and key files those were half the system calls of the parse. Any failure returns -1: the caller then
/// reads the file the managed way, which reports why exactly as before.
/// </summary>
internal static class NativeFile
{
    private const int ReadOnlyCloseOnExec = 0x0010; // PAL_O_RDONLY (0) | PAL_O_CLOEXEC (0x10)

    /// <summary>A file descriptor open for reading, or -1 (Windows, a missing shim, or any error).</summary>
    public static nint Open(string path)
    {
        if (OperatingSystem.IsWindows()) return -1;
        var size = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        Span<byte> name = size <= 1024 ? stackalloc byte[1024] : new byte[size];
        name[System.Text.Encoding.UTF8.GetBytes(path, name)] = 0;
        try
        {
            return SystemNativeOpen(ref MemoryMarshal.GetReference(name), ReadOnlyCloseOnExec, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>Bytes read into <paramref name="into"/> from <paramref name="offset"/> (0 at the end), or -1 on an error.</summary>
    public static int Read(nint fd, Span<byte> into, long offset) =>
        SystemNativePRead(fd, ref MemoryMarshal.GetReference(into), into.Length, offset);

    /// <summary>Closes a descriptor of <see cref="Open"/>; a read-only file has nothing to flush, so a failed close loses nothing.</summary>
    public static void Close(nint fd) => _ = SystemNativeClose(fd);

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks for the whole engine.
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Open")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint SystemNativeOpen(ref byte nullTerminatedUtf8Path, int flags, int mode);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_PRead")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativePRead(nint fd, ref byte buffer, int bufferSize, long fileOffset);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativeClose(nint fd);
#pragma warning restore SYSLIB1054
}
