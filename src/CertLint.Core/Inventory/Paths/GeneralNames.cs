using System.Formats.Asn1;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Inventory.Paths;

/// <summary>GeneralName forms by their context tag (RFC 5280 §4.2.1.6).</summary>
internal enum NameForm
{
    OtherName = 0,
    Rfc822 = 1,
    Dns = 2,
    X400 = 3,
    Directory = 4,
    EdiParty = 5,
    Uri = 6,
    Ip = 7,
    RegisteredId = 8,
}

/// <summary>
/// One name as name constraints see it. <see cref="Text"/> is the IA5 text (DNS, e-mail, URI) or a display form;
/// <see cref="Bytes"/> the address for iPAddress; <see cref="Key"/> the normalised DN for directoryName.
/// </summary>
internal sealed record GeneralName(NameForm Form, string Text, byte[]? Bytes = null, string? Key = null)
{
    public static string FormName(NameForm form) => form switch
    {
        NameForm.Rfc822 => "rfc822Name",
        NameForm.Dns => "dNSName",
        NameForm.Directory => "directoryName",
        NameForm.Uri => "uniformResourceIdentifier",
        NameForm.Ip => "iPAddress",
        NameForm.OtherName => "otherName",
        NameForm.X400 => "x400Address",
        NameForm.EdiParty => "ediPartyName",
        _ => "registeredID",
    };

    public override string ToString() => $"{FormName(Form)} {Text}";
}

/// <summary>Reads GeneralName values, keeping every form (unlike the SAN model, which keeps the forms rules read).</summary>
internal static class GeneralNames
{
    private static readonly Asn1Tag SequenceTag = Asn1Tag.Sequence;

    /// <summary>Reads the next GeneralName. Malformed content throws <see cref="AsnContentException"/>.</summary>
    public static GeneralName Read(AsnReader reader)
    {
        var tag = reader.PeekTag();
        if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue > 8) throw new AsnContentException("not a GeneralName");
        var form = (NameForm)tag.TagValue;
        switch (form)
        {
            case NameForm.Rfc822 or NameForm.Dns or NameForm.Uri:
                return new GeneralName(form, reader.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            case NameForm.Ip:
                var bytes = Asn1Helpers.ReadOctetString(reader, tag).ToArray();
                return new GeneralName(form, IpText(bytes), bytes);
            case NameForm.Directory:
                // directoryName [4] is EXPLICIT (Name is a CHOICE).
                var inner = reader.ReadSequence(tag);
                var dn = NameParser.Read(inner);
                inner.ThrowIfNotEmpty();
                return new GeneralName(form, dn.Text.Length == 0 ? "(empty)" : dn.Text, Key: dn.NormalizedKey);
            default:
                return new GeneralName(form, Hex.Upper(reader.ReadEncodedValue().Span));
        }
    }

    /// <summary>The names of a GeneralNames SEQUENCE (a SAN extension's value).</summary>
    public static List<GeneralName> ReadSequence(ReadOnlyMemory<byte> value)
    {
        var names = new List<GeneralName>();
        var seq = new AsnReader(value, AsnEncodingRules.BER).ReadSequence(SequenceTag);
        while (seq.HasData) names.Add(Read(seq));
        return names;
    }

    public static string IpText(byte[] bytes) => bytes.Length is 4 or 16
        ? new System.Net.IPAddress(bytes).ToString()
        : bytes.Length is 8 or 32
            ? $"{new System.Net.IPAddress(bytes.AsSpan(0, bytes.Length / 2))}/{new System.Net.IPAddress(bytes.AsSpan(bytes.Length / 2))}"
            : Hex.Upper(bytes);
}
