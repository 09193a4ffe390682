using System.Security.Cryptography;

namespace CertLint.Parsing;

/// <summary>
/// d·G on a named curve, as an uncompressed point (04 || X || Y): what a private EC key's public point must be.
/// <para>
/// On Linux this calls the libcrypto that .NET itself uses for EC keys, directly: one EC_POINT_mul on a group kept per
/// curve. Going through <see cref="ECDsa"/> instead (import D, export Q) builds a whole key object per call and cost
/// about 100–200 µs against 17–24 µs (a 10,000-key run spent a third of its CPU time there; docs/performance.md,
/// "Session 22"). OpenSSL multiplies the generator by a secret scalar in constant time whatever the BIGNUM flags
/// (ecp_nistz256's table walk; elsewhere its Montgomery ladder). The scalar is copied into a BIGNUM freed with
/// BN_clear_free. Elsewhere, or when libcrypto or the curve is not found, the <see cref="ECDsa"/> route is taken.
/// </para>
/// </summary>
internal static unsafe class EcGeneratorMultiple
{
    private const int PointConversionUncompressed = 4;
    private const int MaxCurves = 64;

    private static readonly Lazy<EcFunctions?> Native = new(EcFunctions.Bind);
    private static readonly Dictionary<string, nint> Groups = new(StringComparer.Ordinal);
    private static readonly Lock GroupsLock = new();

    /// <summary>d·G uncompressed, or null when neither route knows the curve (the caller then judges nothing).</summary>
    /// <param name="curveOid">The namedCurve OID.</param>
    /// <param name="scalar">d, big-endian, 1 ≤ d &lt; order: <paramref name="fieldBytes"/> long, or one byte more when
    /// the order needs it (secp160r1, secp224k1).</param>
    /// <param name="fieldBytes">The curve's coordinate length.</param>
    public static byte[]? Multiply(string curveOid, ReadOnlySpan<byte> scalar, int fieldBytes) =>
        Multiply(curveOid, scalar, fieldBytes, managed: false);

    /// <summary>As above; <paramref name="managed"/> takes the <see cref="ECDsa"/> route (tests compare the two).</summary>
    internal static byte[]? Multiply(string curveOid, ReadOnlySpan<byte> scalar, int fieldBytes, bool managed)
    {
        if (!managed && Native.Value is { } lib && Group(lib, curveOid) is var group and not 0)
        {
            return lib.Multiply(group, scalar, 1 + (2 * fieldBytes));
        }
        return Managed(curveOid, scalar);
    }

    /// <summary>Whether the direct libcrypto route is in use here (for the tests that compare the two).</summary>
    internal static bool NativeAvailable => Native.Value is not null;

    private static byte[]? Managed(string curveOid, ReadOnlySpan<byte> scalar)
    {
        var d = scalar.ToArray();
        try
        {
            using var ec = ECDsa.Create(new ECParameters { Curve = ECCurve.CreateFromValue(curveOid), D = d });
            var q = ec.ExportParameters(false).Q;
            return [PointConversionUncompressed, .. q.X!, .. q.Y!];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }

    /// <summary>The EC_GROUP of a curve OID (0: libcrypto does not know it). Groups live as long as the process.</summary>
    private static nint Group(EcFunctions lib, string curveOid)
    {
        lock (GroupsLock)
        {
            if (Groups.TryGetValue(curveOid, out var known)) return known;
            var group = lib.GroupOf(curveOid);
            if (Groups.Count < MaxCurves)
            {
                Groups[curveOid] = group;
                return group;
            }
            if (group != 0) lib.FreeGroup(group);
            return 0;
        }
    }

    /// <summary>The few libcrypto entry points needed, resolved once; null when any is missing.</summary>
    private sealed class EcFunctions
    {
        private delegate* unmanaged<byte*, int> _txt2nid;
        private delegate* unmanaged<int, nint> _groupNew;
        private delegate* unmanaged<nint, void> _groupFree;
        private delegate* unmanaged<nint, nint> _pointNew;
        private delegate* unmanaged<nint, void> _pointFree;
        private delegate* unmanaged<byte*, int, nint, nint> _bin2bn;
        private delegate* unmanaged<nint, void> _bnClearFree;
        private delegate* unmanaged<nint, nint, nint, nint, nint, nint, int> _mul;
        private delegate* unmanaged<nint, nint, int, byte*, nuint, nint, nuint> _point2oct;
        private delegate* unmanaged<void> _errClear;

        public static EcFunctions? Bind()
        {
            static bool Get(string name, out nint address) => LibCrypto.TryGetExport(name, out address);
            if (!Get("OBJ_txt2nid", out var txt2nid) || !Get("EC_GROUP_new_by_curve_name", out var groupNew)
                || !Get("EC_GROUP_free", out var groupFree) || !Get("EC_POINT_new", out var pointNew)
                || !Get("EC_POINT_free", out var pointFree) || !Get("BN_bin2bn", out var bin2bn)
                || !Get("BN_clear_free", out var bnClearFree) || !Get("EC_POINT_mul", out var mul)
                || !Get("EC_POINT_point2oct", out var point2oct) || !Get("ERR_clear_error", out var errClear))
            {
                return null;
            }
            return new EcFunctions
            {
                _txt2nid = (delegate* unmanaged<byte*, int>)txt2nid,
                _groupNew = (delegate* unmanaged<int, nint>)groupNew,
                _groupFree = (delegate* unmanaged<nint, void>)groupFree,
                _pointNew = (delegate* unmanaged<nint, nint>)pointNew,
                _pointFree = (delegate* unmanaged<nint, void>)pointFree,
                _bin2bn = (delegate* unmanaged<byte*, int, nint, nint>)bin2bn,
                _bnClearFree = (delegate* unmanaged<nint, void>)bnClearFree,
                _mul = (delegate* unmanaged<nint, nint, nint, nint, nint, nint, int>)mul,
                _point2oct = (delegate* unmanaged<nint, nint, int, byte*, nuint, nint, nuint>)point2oct,
                _errClear = (delegate* unmanaged<void>)errClear,
            };
        }

        public nint GroupOf(string curveOid)
        {
            // A dotted OID of digits and dots only: anything else is no curve (and never reaches OpenSSL's name table).
            if (curveOid.Length is 0 or > 64 || curveOid.Any(c => c is not (>= '0' and <= '9') and not '.')) return 0;
            Span<byte> text = stackalloc byte[curveOid.Length + 1];
            for (var i = 0; i < curveOid.Length; i++) text[i] = (byte)curveOid[i];
            text[^1] = 0;
            fixed (byte* p = text)
            {
                var nid = _txt2nid(p);
                var group = nid == 0 ? 0 : _groupNew(nid);
                if (group == 0) _errClear();
                return group;
            }
        }

        public void FreeGroup(nint group) => _groupFree(group);

        public byte[]? Multiply(nint group, ReadOnlySpan<byte> scalar, int pointBytes)
        {
            var point = _pointNew(group);
            nint bn = 0;
            try
            {
                fixed (byte* d = scalar) bn = _bin2bn(d, scalar.Length, 0);
                if (point == 0 || bn == 0 || _mul(group, point, bn, 0, 0, 0) != 1) return Failed();
                var result = new byte[pointBytes];
                fixed (byte* r = result)
                {
                    return _point2oct(group, point, PointConversionUncompressed, r, (nuint)pointBytes, 0) == (nuint)pointBytes ? result : Failed();
                }
            }
            finally
            {
                if (bn != 0) _bnClearFree(bn);
                if (point != 0) _pointFree(point);
            }
        }

        // OpenSSL's per-thread error queue is shared with .NET's own crypto calls: leave nothing in it.
        private byte[]? Failed()
        {
            _errClear();
            return null;
        }
    }
}
