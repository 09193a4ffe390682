using System.Runtime.InteropServices;

namespace CertLint.Parsing;

/// <summary>
/// The libcrypto that .NET itself uses on Linux, loaded once for the few computations Core asks of it directly
/// (<see cref="EcGeneratorMultiple"/>'s d·G, <see cref="ModularExponent"/>'s modular exponentiation): where .NET's
/// managed route costs ten to twenty times as much. Each caller binds the exports it needs and falls back to its
/// managed route when one is missing, on other systems, or when no library of a known name loads.
/// </summary>
internal static class LibCrypto
{
    // The names .NET's own OpenSSL shim tries, newest first.
    private static readonly string[] Names = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"];

    private static readonly Lazy<nint> Handle = new(Load);

    /// <summary>The address of <paramref name="name"/> in the loaded libcrypto; false when there is none.</summary>
    public static bool TryGetExport(string name, out nint address)
    {
        address = 0;
        return Handle.Value != 0 && NativeLibrary.TryGetExport(Handle.Value, name, out address);
    }

    private static nint Load()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        foreach (var name in Names)
        {
            if (NativeLibrary.TryLoad(name, out var handle)) return handle;
        }
        return 0;
    }
}
