using System.Reflection;

namespace CertLint.Rules.Loading.Precompiled;

/// <summary>
/// An embedded resource's bytes read where the runtime already keeps them (the loaded module's image, which lives as
/// long as the process), not copied onto the heap: the pre-parsed rule packs (0.5 MB) and the Public Suffix List
/// (0.25 MB) were two large fresh arrays, and so fresh pages to fault in, in every run. A runtime that hands out some
/// other stream gets a copy, as before.
/// </summary>
internal sealed unsafe class EmbeddedBytes
{
    private readonly byte* _pointer;
    private readonly byte[]? _copy;

    public EmbeddedBytes(byte[] bytes)
    {
        _copy = bytes;
        Length = bytes.Length;
    }

    private EmbeddedBytes(byte* pointer, int length)
    {
        _pointer = pointer;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The bytes: valid for the life of the process (the image is never unloaded) or of this object's copy.</summary>
    public ReadOnlySpan<byte> Span => _copy ?? new ReadOnlySpan<byte>(_pointer, Length);

    /// <summary>The named resource of <paramref name="assembly"/>; null when it has none by that name.</summary>
    public static EmbeddedBytes? Open(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        if (stream is UnmanagedMemoryStream image && image.Length <= int.MaxValue)
            return new EmbeddedBytes(image.PositionPointer, (int)image.Length);
        var copy = new byte[stream.Length];
        stream.ReadExactly(copy);
        return new EmbeddedBytes(copy);
    }
}
