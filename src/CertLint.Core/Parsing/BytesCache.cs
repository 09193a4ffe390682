using System.Collections.Concurrent;

namespace CertLint.Parsing;

/// <summary>
/// Immutable values derived from a few bytes (an OID's string, an AlgorithmIdentifier's hex, an issuer's decoded name),
/// shared by every certificate that carries the same bytes: 10,000 leaves of one CA repeat them all. Looked up by span
/// without allocating; bounded in entries and key length, so a hostile repository cannot grow it: once full, values
/// are computed as before and not kept. Thread-safe.
/// </summary>
internal sealed class BytesCache<TValue>(int maxEntries, int maxKeyLength) where TValue : class
{
    private readonly ConcurrentDictionary<byte[], TValue>.AlternateLookup<ReadOnlySpan<byte>> _entries =
        new ConcurrentDictionary<byte[], TValue>(BytesComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();
    private int _count;

    public bool TryGet(ReadOnlySpan<byte> key, out TValue value)
    {
        var found = _entries.TryGetValue(key, out var v);
        value = v!;
        return found;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> while there is room; returns the value.</summary>
    public TValue Add(ReadOnlySpan<byte> key, TValue value)
    {
        if (key.Length > maxKeyLength || Volatile.Read(ref _count) >= maxEntries) return value;
        if (_entries.TryAdd(key, value)) Interlocked.Increment(ref _count);
        return value;
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly BytesComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] key) => Hash(key);
        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);
        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);
        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> key)
        {
            var hash = new HashCode();
            hash.AddBytes(key);
            return hash.ToHashCode();
        }
    }
}

/// <summary>OID strings by their content octets: reading a known OID costs a lookup instead of a new string.</summary>
internal static class KnownOids
{
    private static readonly BytesCache<string> Strings = new(maxEntries: 4096, maxKeyLength: 64);

    /// <summary>
    /// Reads a universal OBJECT IDENTIFIER at the start of <paramref name="source"/> as AsnDecoder.ReadObjectIdentifier
    /// would (the cached string was made by it from the same content octets); false when the next tag is not one.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out string oid, out int consumed) =>
        TryRead(source, System.Formats.Asn1.AsnEncodingRules.BER, out oid, out consumed);

    /// <summary>As <see cref="TryRead(ReadOnlySpan{byte}, out string, out int)"/>, the length checked under <paramref name="rules"/> (DER: definite, minimal).</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, System.Formats.Asn1.AsnEncodingRules rules, out string oid, out int consumed)
    {
        oid = "";
        consumed = 0;
        if (source.IsEmpty || source[0] != 0x06) return false; // universal, primitive, number 6
        System.Formats.Asn1.AsnDecoder.ReadEncodedValue(source, rules, out var offset, out var length, out var used);
        var content = source.Slice(offset, length);
        if (!Strings.TryGet(content, out oid))
        {
            oid = System.Formats.Asn1.AsnDecoder.ReadObjectIdentifier(source, rules, out used);
            Strings.Add(content, oid);
        }
        consumed = used;
        return true;
    }
}
