using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tests.Pki;

/// <summary>DER builders for the path-validation extensions CertificateRequest has no helper for (tests only).</summary>
public static class PathExtensions
{
    private static readonly Asn1Tag Rfc822 = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag Dns = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag Uri = new(TagClass.ContextSpecific, 6);
    private static readonly Asn1Tag Ip = new(TagClass.ContextSpecific, 7);
    private static readonly Asn1Tag RegisteredId = new(TagClass.ContextSpecific, 8);

    /// <summary>
    /// nameConstraints from "dns:example.com", "ip:10.0.0.0/8", "email:.example.com", "uri:.example.com",
    /// "dn:CN=x,O=y" (X500 text) and "rid:1.2.3" (registeredID, which CertLint cannot check).
    /// </summary>
    public static X509Extension NameConstraints(string[] permitted, string[]? excluded = null, bool critical = true)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            if (permitted.Length > 0) Subtrees(w, 0, permitted);
            if (excluded is { Length: > 0 }) Subtrees(w, 1, excluded);
        }
        return new X509Extension("2.5.29.30", w.Encode(), critical);
    }

    private static void Subtrees(AsnWriter w, int tag, string[] names)
    {
        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, tag, isConstructed: true)))
        {
            foreach (var name in names)
            {
                using (w.PushSequence()) GeneralName(w, name);
            }
        }
    }

    public static void GeneralName(AsnWriter w, string name)
    {
        var colon = name.IndexOf(':');
        var (kind, value) = (name[..colon], name[(colon + 1)..]);
        switch (kind)
        {
            case "dns": w.WriteCharacterString(UniversalTagNumber.IA5String, value, Dns); break;
            case "email": w.WriteCharacterString(UniversalTagNumber.IA5String, value, Rfc822); break;
            case "uri": w.WriteCharacterString(UniversalTagNumber.IA5String, value, Uri); break;
            case "rid": w.WriteObjectIdentifier(value, RegisteredId); break;
            case "smtputf8": // otherName id-on-SmtpUTF8Mailbox (RFC 8398): [0] { type-id, [0] EXPLICIT UTF8String }
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    w.WriteObjectIdentifier("1.3.6.1.5.5.7.8.9");
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))) w.WriteCharacterString(UniversalTagNumber.UTF8String, value);
                }
                break;
            case "dn":
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true))) w.WriteEncodedValue(new X500DistinguishedName(value).RawData);
                break;
            case "ip":
                var slash = value.IndexOf('/');
                var address = IPAddress.Parse(slash < 0 ? value : value[..slash]).GetAddressBytes();
                if (slash < 0)
                {
                    w.WriteOctetString(address, Ip);
                    break;
                }
                var bits = int.Parse(value[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                var mask = new byte[address.Length];
                for (var i = 0; i < bits; i++) mask[i / 8] |= (byte)(0x80 >> (i % 8));
                w.WriteOctetString([.. address, .. mask], Ip);
                break;
            default: throw new ArgumentException(name);
        }
    }

    /// <summary>subjectAltName with any GeneralName forms, in the same notation as <see cref="NameConstraints"/>.</summary>
    public static X509Extension SubjectAltName(params string[] names)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var name in names) GeneralName(w, name);
        }
        return new X509Extension("2.5.29.17", w.Encode(), false);
    }

    public static X509Extension Policies(params string[] oids)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var oid in oids)
            {
                using (w.PushSequence()) w.WriteObjectIdentifier(oid);
            }
        }
        return new X509Extension("2.5.29.32", w.Encode(), false);
    }

    public static X509Extension PolicyMappings(params (string IssuerDomain, string SubjectDomain)[] mappings)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var (issuer, subject) in mappings)
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier(issuer);
                    w.WriteObjectIdentifier(subject);
                }
            }
        }
        return new X509Extension("2.5.29.33", w.Encode(), true);
    }

    public static X509Extension PolicyConstraints(int? requireExplicitPolicy, int? inhibitPolicyMapping)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            if (requireExplicitPolicy is int r) w.WriteInteger(r, new Asn1Tag(TagClass.ContextSpecific, 0));
            if (inhibitPolicyMapping is int i) w.WriteInteger(i, new Asn1Tag(TagClass.ContextSpecific, 1));
        }
        return new X509Extension("2.5.29.36", w.Encode(), true);
    }

    public static X509Extension InhibitAnyPolicy(int skipCerts)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteInteger(skipCerts);
        return new X509Extension("2.5.29.54", w.Encode(), true);
    }

    /// <summary>An extension no verifier knows, with an empty SEQUENCE as value.</summary>
    public static X509Extension Private(string oid, bool critical) => new(oid, [0x30, 0x00], critical);
}
