using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Pki.Raw;

/// <summary>Extension values (the DER inside extnValue) of RFC 5280's extensions, correct or deliberately wrong.</summary>
public static class Ext
{
    /// <summary>BasicConstraints; <paramref name="ca"/> null leaves cA out, <paramref name="explicitFalse"/> writes cA FALSE (not DER).</summary>
    public static byte[] BasicConstraints(bool? ca, long? pathLen = null, bool explicitFalse = false)
    {
        var parts = new List<byte[]>();
        if (ca == true) parts.Add(Bool(true));
        else if (explicitFalse) parts.Add(Bool(false));
        if (pathLen is not null) parts.Add(Int(pathLen.Value));
        return Seq([.. parts]);
    }

    /// <summary>KeyUsage bits as numbered in RFC 5280 (0 = digitalSignature ... 8 = decipherOnly), minimal DER.</summary>
    public static byte[] KeyUsage(params int[] bits)
    {
        var value = 0;
        foreach (var bit in bits) value |= 1 << bit;
        var octets = value > 0xFF ? new[] { Reverse((byte)value), Reverse((byte)(value >> 8)) } : [Reverse((byte)value)];
        var last = octets[^1];
        var unused = last == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(last);
        return KeyUsageRaw((byte)unused, octets.Length == 1 && last == 0 ? [] : octets);
    }

    /// <summary>A KeyUsage BIT STRING with exactly this unused-bits count and these octets.</summary>
    public static byte[] KeyUsageRaw(byte unusedBits, params byte[] octets) => Tlv(BitString, [unusedBits, .. octets]);

    private static byte Reverse(byte b)
    {
        byte r = 0;
        for (var i = 0; i < 8; i++) r |= (byte)(((b >> i) & 1) << (7 - i));
        return r;
    }

    public const int DigitalSignature = 0, NonRepudiation = 1, KeyEncipherment = 2, DataEncipherment = 3, KeyAgreement = 4;
    public const int KeyCertSign = 5, CrlSign = 6, EncipherOnly = 7, DecipherOnly = 8;

    public static byte[] SubjectKeyId(byte[] keyId) => Octets(keyId);

    public static byte[] AuthorityKeyId(byte[]? keyId, byte[]? issuerNames = null, byte[]? serial = null)
    {
        var parts = new List<byte[]>();
        if (keyId is not null) parts.Add(Tlv(0x80, keyId));
        if (issuerNames is not null) parts.Add(Tlv(0xA1, issuerNames));
        if (serial is not null) parts.Add(Tlv(0x82, serial));
        return Seq([.. parts]);
    }

    /// <summary>GeneralNames (SAN, IAN, ...): a SEQUENCE of the given GeneralName TLVs (see <see cref="Gn"/>).</summary>
    public static byte[] GeneralNames(params byte[][] names) => Seq(names);

    public static byte[] Eku(params string[] oids) => Seq(oids.Select(ObjectId).ToArray());

    /// <summary>CertificatePolicies from PolicyInformation TLVs (see <see cref="Policy"/>).</summary>
    public static byte[] Policies(params byte[][] policies) => Seq(policies);

    public static byte[] Policy(string oid, params byte[][] qualifiers) =>
        qualifiers.Length == 0 ? Seq(ObjectId(oid)) : Seq(ObjectId(oid), Seq(qualifiers));

    public static byte[] CpsQualifier(string uri) => Seq(ObjectId(Oids.QualifierCps), String(Ia5String, uri));

    /// <summary>A userNotice qualifier; <paramref name="explicitText"/> is a string TLV (<c>Der.String(tag, text)</c>).</summary>
    public static byte[] UserNotice(byte[]? explicitText, (string Organization, int[] Numbers)? noticeRef = null)
    {
        var parts = new List<byte[]>();
        if (noticeRef is { } r) parts.Add(Seq(String(Utf8String, r.Organization), Seq(r.Numbers.Select(n => Int(n)).ToArray())));
        if (explicitText is not null) parts.Add(explicitText);
        return Seq(ObjectId(Oids.QualifierUserNotice), Seq([.. parts]));
    }

    public static byte[] Qualifier(string oid, byte[] value) => Seq(ObjectId(oid), value);

    public static byte[] PolicyMappings(params (string IssuerDomain, string SubjectDomain)[] pairs) =>
        Seq(pairs.Select(p => Seq(ObjectId(p.IssuerDomain), ObjectId(p.SubjectDomain))).ToArray());

    public static byte[] PolicyConstraints(long? requireExplicit, long? inhibitMapping)
    {
        var parts = new List<byte[]>();
        if (requireExplicit is { } r) parts.Add(Tlv(0x80, Int(r).AsSpan(2)));
        if (inhibitMapping is { } i) parts.Add(Tlv(0x81, Int(i).AsSpan(2)));
        return Seq([.. parts]);
    }

    public static byte[] InhibitAnyPolicy(long skipCerts) => Int(skipCerts);

    /// <summary>NameConstraints from GeneralSubtree TLVs (see <see cref="Subtree"/>); null leaves a list out.</summary>
    public static byte[] NameConstraints(byte[][]? permitted, byte[][]? excluded)
    {
        var parts = new List<byte[]>();
        if (permitted is not null) parts.Add(Context(0, true, permitted));
        if (excluded is not null) parts.Add(Context(1, true, excluded));
        return Seq([.. parts]);
    }

    public static byte[] Subtree(byte[] generalName, long? minimum = null, long? maximum = null)
    {
        var parts = new List<byte[]> { generalName };
        if (minimum is { } min) parts.Add(Tlv(0x80, Int(min).AsSpan(2)));
        if (maximum is { } max) parts.Add(Tlv(0x81, Int(max).AsSpan(2)));
        return Seq([.. parts]);
    }

    /// <summary>CRLDistributionPoints / FreshestCRL from DistributionPoint TLVs (see <see cref="DistributionPoint"/>).</summary>
    public static byte[] CrlDistributionPoints(params byte[][] points) => Seq(points);

    public static byte[] DistributionPoint(byte[][]? fullName, bool reasons = false, byte[][]? crlIssuer = null)
    {
        var parts = new List<byte[]>();
        if (fullName is not null) parts.Add(Context(0, true, Context(0, true, fullName)));
        if (reasons) parts.Add(Tlv(0x81, [0x06, 0x40]));
        if (crlIssuer is not null) parts.Add(Context(2, true, crlIssuer));
        return Seq([.. parts]);
    }

    /// <summary>AuthorityInfoAccess / SubjectInfoAccess from (method OID, GeneralName TLV) pairs.</summary>
    public static byte[] InfoAccess(params (string Method, byte[] Location)[] entries) =>
        Seq(entries.Select(e => Seq(ObjectId(e.Method), e.Location)).ToArray());

    /// <summary>SubjectDirectoryAttributes with one attribute (dateOfBirth style GeneralizedTime value).</summary>
    public static byte[] SubjectDirectoryAttributes() =>
        Seq(Seq(ObjectId("1.3.6.1.5.5.7.9.1"), SetOf(Time(GeneralizedTime, "19800101120000Z"))));

    /// <summary>A SignedCertificateTimestampList with one v1 SCT per entry: from the log whose 32-octet ID is
    /// <c>Log</c> repeated, logged at <c>TimestampMs</c> (RFC 6962 §3.2-3.3; the signatures are not real).</summary>
    public static byte[] Scts(params (byte Log, long TimestampMs)[] entries)
    {
        var scts = entries.Select(e =>
        {
            var time = Enumerable.Range(0, 8).Select(i => (byte)(e.TimestampMs >> (56 - 8 * i))).ToArray();
            byte[] sct = [0, .. Enumerable.Repeat(e.Log, 32), .. time, 0, 0, 4, 3, 0, 2, 0x30, 0x00];
            return (byte[])[(byte)(sct.Length >> 8), (byte)sct.Length, .. sct];
        }).SelectMany(s => s).ToArray();
        return Octets([(byte)(scts.Length >> 8), (byte)scts.Length, .. scts]);
    }

    /// <summary>A SignedCertificateTimestampList: OCTET STRING holding a TLS vector of <paramref name="sctBytes"/> octets.</summary>
    public static byte[] SctList(int sctBytes)
    {
        var list = new byte[2 + (sctBytes == 0 ? 0 : sctBytes + 2)];
        var total = sctBytes == 0 ? 0 : sctBytes + 2;
        list[0] = (byte)(total >> 8);
        list[1] = (byte)total;
        if (sctBytes > 0)
        {
            list[2] = (byte)(sctBytes >> 8);
            list[3] = (byte)sctBytes;
        }
        return Octets(list);
    }
}

/// <summary>GeneralName TLVs (RFC 5280 §4.2.1.6), with any content.</summary>
public static class Gn
{
    public static byte[] Email(string value) => Tlv(0x81, System.Text.Encoding.UTF8.GetBytes(value));
    public static byte[] Dns(string value) => Tlv(0x82, System.Text.Encoding.UTF8.GetBytes(value));
    public static byte[] Uri(string value) => Tlv(0x86, System.Text.Encoding.UTF8.GetBytes(value));
    public static byte[] Ip(params byte[] address) => Tlv(0x87, address);
    public static byte[] RegisteredId(string oid) => Tlv(0x88, ObjectId(oid).AsSpan(2));
    public static byte[] DirName(byte[] name) => Context(4, true, name);
    public static byte[] OtherName(string oid, byte[] value) => Context(0, true, ObjectId(oid), Context(0, true, value));
    public static byte[] X400() => Context(3, true, Seq());
    public static byte[] EdiParty(string name) => Context(5, true, Context(1, true, String(Utf8String, name)));
}
