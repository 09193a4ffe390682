using System.Runtime.InteropServices;

namespace CertLint.Discovery;

/// <summary>The type of a directory entry, as lstat(2) sees it (symlinks are not followed).</summary>
public enum EntryType
{
    Missing,
    Regular,
    Directory,
    Symlink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

/// <summary>
/// Tells regular files from FIFOs, sockets and devices before anything opens them (opening a FIFO blocks forever).
/// .NET has no public API for this, so on Unix it asks the runtime's own native shim (libSystem.Native, always
/// shipped with .NET), whose FileStatus keeps Mode as the second int32 on every platform. Windows has no FIFOs:
/// there, and if the shim is unavailable, FileSystemInfo is used.
/// </summary>
public static class FileTypeProbe
{
    private const int TypeMask = 0xF000;

    public static EntryType GetEntryType(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                return NativeLStat(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // fall through to the managed view
            }
        }
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return EntryType.Symlink;
        if (Directory.Exists(path)) return EntryType.Directory;
        return info.Exists ? EntryType.Regular : EntryType.Missing;
    }

    /// <summary>The type of what a path names after following symbolic links (stat(2)); Missing for a broken or looping link.</summary>
    public static EntryType GetTargetType(string path) => GetTargetType(path, out _);

    /// <summary>As <see cref="GetTargetType(string)"/>, with the size stat(2) gave (-1 when the managed view answered).</summary>
    internal static EntryType GetTargetType(string path, out long size)
    {
        size = -1;
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                return NativeStat(path, follow: true, out size);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // fall through to the managed view
            }
        }
        var type = GetEntryType(path);
        if (type != EntryType.Symlink) return type;
        try
        {
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? EntryType.Missing : GetEntryType(target.FullName);
        }
        catch (IOException)
        {
            return EntryType.Missing; // ELOOP
        }
    }

    private static EntryType NativeLStat(string path) => NativeStat(path, follow: false, out _);

    private static EntryType NativeStat(string path, bool follow, out long fileSize)
    {
        fileSize = -1;
        // On the stack: every certificate input is probed before it is read (20,000 files, three arrays each, before).
        Span<byte> status = stackalloc byte[256]; // larger than FileStatus in any .NET version
        var size = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        Span<byte> name = size <= 1024 ? stackalloc byte[1024] : new byte[size];
        name[System.Text.Encoding.UTF8.GetBytes(path, name)] = 0;
        ref var pathBytes = ref MemoryMarshal.GetReference(name);
        ref var statusBytes = ref MemoryMarshal.GetReference(status);
        if ((follow ? SystemNativeStat(ref pathBytes, ref statusBytes) : SystemNativeLStat(ref pathBytes, ref statusBytes)) != 0) return EntryType.Missing;
        var mode = MemoryMarshal.Read<int>(status[4..]);
        fileSize = MemoryMarshal.Read<long>(status[16..]); // FileStatus: Flags, Mode, Uid, Gid (int32 each), then Size (int64)
        return (mode & TypeMask) switch
        {
            0x8000 => EntryType.Regular,
            0x4000 => EntryType.Directory,
            0xA000 => EntryType.Symlink,
            0x1000 => EntryType.Fifo,
            0xC000 => EntryType.Socket,
            0x2000 => EntryType.CharacterDevice,
            0x6000 => EntryType.BlockDevice,
            _ => EntryType.Other,
        };
    }

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks for the whole engine.
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativeLStat(ref byte nullTerminatedUtf8Path, ref byte status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativeStat(ref byte nullTerminatedUtf8Path, ref byte status);
#pragma warning restore SYSLIB1054
}
