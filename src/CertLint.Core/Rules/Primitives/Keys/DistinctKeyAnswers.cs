using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Runtime.CompilerServices;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// One answer per distinct SubjectPublicKeyInfo of an inventory, for the point checks: a certificate and its key file
/// hold the same key, and the field arithmetic (BigInteger allocations, a scalar multiplication) is worth doing once.
/// The SPKI's SHA-256 names the whole encoding: algorithm, parameters and key.
/// </summary>
internal sealed class DistinctKeyAnswers(Func<PublicKeyInfo, string?> problem)
{
    private readonly ConditionalWeakTable<CertificateInventory, ConcurrentDictionary<string, string?>> _cache = new();

    public string? Of(PublicKeyInfo key, CertificateInventory inventory) =>
        _cache.GetValue(inventory, static _ => new ConcurrentDictionary<string, string?>(StringComparer.Ordinal))
            .GetOrAdd(key.Sha256, static (_, state) => state.problem(state.key), (key, problem));

    /// <summary>The SPKI's algorithm parameters and key bits; false when it does not decode (the parser reported that).</summary>
    public static bool TryRead(PublicKeyInfo key, out ReadOnlyMemory<byte> parameters, out ReadOnlyMemory<byte> bits)
    {
        try
        {
            var seq = new AsnReader(key.Spki, AsnEncodingRules.BER).ReadSequence();
            (_, parameters) = Asn1Helpers.ReadAlgorithmIdentifier(seq);
            bits = Asn1Helpers.ReadBitString(seq, out _);
            return true;
        }
        catch (AsnContentException)
        {
            parameters = bits = default;
            return false;
        }
    }
}
