using System.Formats.Asn1;
using System.Net;
using System.Text.RegularExpressions;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>GeneralName (RFC 5280 §4.2.1.6) as a typed text entry with a syntax check per type.</summary>
internal static partial class GeneralNames
{
    public static IReadOnlyList<GeneralNameEntry> ReadAll(AsnCursor seq)
    {
        var list = new List<GeneralNameEntry>();
        while (seq.HasData) list.Add(Read(ref seq, constraint: false));
        return list;
    }

    /// <summary>Only the entries' values (authorityCertIssuer), in order.</summary>
    public static List<string> ReadValues(AsnCursor seq)
    {
        var list = new List<string>();
        while (seq.HasData) list.Add(Read(ref seq, constraint: false).Value);
        return list;
    }

    /// <param name="reader">Positioned on a GeneralName.</param>
    /// <param name="constraint">A nameConstraints base: an IP is address+mask, names may start with '.'.</param>
    public static GeneralNameEntry Read(ref AsnCursor reader, bool constraint)
    {
        var encoded = reader.ReadEncodedValue();
        var tag = Asn1Tag.Decode(encoded.Span, out _);
        if (tag.TagClass != TagClass.ContextSpecific) throw new AsnContentException("a GeneralName must be context-tagged");
        var content = AsnCursor.Content(encoded);
        switch (tag.TagValue)
        {
            case 0:
                var other = new AsnCursor(encoded).ReadSequence(tag);
                var typeId = other.ReadObjectIdentifier();
                return new GeneralNameEntry("otherName", typeId, true) { Mailbox = typeId == SmtpUtf8MailboxOid ? SmtpUtf8Mailbox(other) : null };
            case 1: return Ia5("email", content, constraint);
            case 2: return Ia5("dns", content, constraint);
            case 3: return new GeneralNameEntry("x400", Hex.Upper(content.Span), true);
            case 4:
                var dn = NameParser.Read(new AsnReader(encoded, AsnEncodingRules.BER).ReadSequence(tag));
                return new GeneralNameEntry("dirName", dn.Text, true) { DirNameEmails = EmailAddresses(dn) };
            case 5: return new GeneralNameEntry("ediParty", Hex.Upper(content.Span), true);
            case 6: return Ia5("uri", content, constraint);
            case 7:
                var b = content.Span;
                var ok = constraint ? b.Length is 8 or 32 : b.Length is 4 or 16;
                var text = b.Length is 4 or 16 ? new IPAddress(b).ToString()
                    : b.Length is 8 or 32 ? $"{new IPAddress(b[..(b.Length / 2)])}/{new IPAddress(b[(b.Length / 2)..])}" : Hex.Upper(b);
                return new GeneralNameEntry("ip", text, ok);
            case 8:
                return new GeneralNameEntry("registeredId", new AsnCursor(encoded).ReadObjectIdentifier(tag), true);
            default:
                throw new AsnContentException($"unknown GeneralName [{tag.TagValue}]");
        }
    }

    /// <summary>id-on-SmtpUTF8Mailbox (RFC 8398 §3): an internationalized mailbox address.</summary>
    private const string SmtpUtf8MailboxOid = "1.3.6.1.5.5.7.8.9";

    /// <summary>The otherName value [0] EXPLICIT UTF8String of an SmtpUTF8Mailbox; null when it is not one (the entry itself stays).</summary>
    /// <summary>The emailAddress attribute values of a directoryName; null when it has none.</summary>
    private static string[]? EmailAddresses(DistinguishedName dn)
    {
        List<string>? values = null;
        var attributes = dn.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Oid == Oids.EmailAddress) (values ??= []).Add(attributes[i].Value);
        }
        return values?.ToArray();
    }

    private static string? SmtpUtf8Mailbox(AsnCursor other)
    {
        try
        {
            var value = other.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true));
            return value.ReadCharacterString(UniversalTagNumber.UTF8String);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static GeneralNameEntry Ia5(string type, ReadOnlyMemory<byte> content, bool constraint)
    {
        var span = content.Span;
        var ascii = true;
        foreach (var c in span) ascii &= c < 0x80;
        var text = System.Text.Encoding.Latin1.GetString(span);
        var valid = ascii && type switch
        {
            "dns" => constraint ? text.Length == 0 || Dns().IsMatch(text.TrimStart('.')) : Dns().IsMatch(text) || Wildcard().IsMatch(text),
            "email" => constraint ? text.Length > 0 : Email().IsMatch(text),
            _ => constraint ? text.Length > 0 : Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme.Length > 0 && !text.Contains(' '),
        };
        return new GeneralNameEntry(type, text, valid);
    }

    // RFC 1034 §3.5 preferred name syntax, as RFC 5280 §4.2.1.6 requires (labels of letters, digits, hyphens; 63 octets each).
    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex Dns();

    [GeneratedRegex(@"^\*\.([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex Wildcard();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$")]
    private static partial Regex Email();
}
