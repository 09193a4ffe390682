using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>
/// A forward reader like <see cref="AsnReader"/>, as a struct: every operation is the same <see cref="AsnDecoder"/>
/// call AsnReader makes with the same rule set (same checks, same exceptions), but entering a SEQUENCE allocates
/// nothing. The certificate parser and the profile details decode a certificate's every part and extension, and one
/// AsnReader object per nested structure was their largest allocation (about 2 KB, some 50 objects, per certificate).
/// Known OIDs come from <see cref="KnownOids"/> without a new string. BER unless told otherwise.
/// </summary>
internal struct AsnCursor(ReadOnlyMemory<byte> data, AsnEncodingRules rules = AsnEncodingRules.BER)
{
    private readonly AsnEncodingRules _rules = rules;
    private ReadOnlyMemory<byte> _data = data;

    public readonly AsnEncodingRules RuleSet => _rules;

    public readonly bool HasData => !_data.IsEmpty;

    public readonly Asn1Tag PeekTag() => Asn1Tag.Decode(_data.Span, out _);

    /// <summary>The next value's tag is <paramref name="tag"/> (class and number); false at the end.</summary>
    public readonly bool NextIs(Asn1Tag tag) => HasData && PeekTag().HasSameClassAndValue(tag);

    public readonly void ThrowIfNotEmpty()
    {
        if (HasData) throw new AsnContentException("The last expected value has been read, but the reader still has pending data.");
    }

    public readonly ReadOnlyMemory<byte> PeekEncodedValue()
    {
        AsnDecoder.ReadEncodedValue(_data.Span, _rules, out _, out _, out var consumed);
        return _data[..consumed];
    }

    public ReadOnlyMemory<byte> ReadEncodedValue()
    {
        AsnDecoder.ReadEncodedValue(_data.Span, _rules, out _, out _, out var consumed);
        var encoded = _data[..consumed];
        _data = _data[consumed..];
        return encoded;
    }

    public AsnCursor ReadSequence(Asn1Tag? tag = null)
    {
        AsnDecoder.ReadSequence(_data.Span, _rules, out var offset, out var length, out var consumed, tag);
        var contents = _data.Slice(offset, length);
        _data = _data[consumed..];
        return new AsnCursor(contents, _rules);
    }

    public AsnCursor ReadSetOf(Asn1Tag? tag = null)
    {
        AsnDecoder.ReadSetOf(_data.Span, _rules, out var offset, out var length, out var consumed, skipSortOrderValidation: true, tag);
        var contents = _data.Slice(offset, length);
        _data = _data[consumed..];
        return new AsnCursor(contents, _rules);
    }

    public string ReadObjectIdentifier(Asn1Tag? tag = null)
    {
        var span = _data.Span;
        if (tag is null && KnownOids.TryRead(span, _rules, out var known, out var knownLength))
        {
            _data = _data[knownLength..];
            return known;
        }
        var oid = AsnDecoder.ReadObjectIdentifier(span, _rules, out var consumed, tag);
        _data = _data[consumed..];
        return oid;
    }

    public bool ReadBoolean(Asn1Tag? tag = null)
    {
        var value = AsnDecoder.ReadBoolean(_data.Span, _rules, out var consumed, tag);
        _data = _data[consumed..];
        return value;
    }

    public bool TryReadInt32(out int value, Asn1Tag? tag = null)
    {
        var ok = AsnDecoder.TryReadInt32(_data.Span, _rules, out value, out var consumed, tag);
        _data = _data[consumed..];
        return ok;
    }

    public DateTimeOffset ReadUtcTime(int twoDigitYearMax, Asn1Tag? tag = null)
    {
        var value = AsnDecoder.ReadUtcTime(_data.Span, _rules, out var consumed, twoDigitYearMax, tag);
        _data = _data[consumed..];
        return value;
    }

    public DateTimeOffset ReadGeneralizedTime(Asn1Tag? tag = null)
    {
        var value = AsnDecoder.ReadGeneralizedTime(_data.Span, _rules, out var consumed, tag);
        _data = _data[consumed..];
        return value;
    }

    public bool TryReadInt64(out long value, Asn1Tag? tag = null)
    {
        var ok = AsnDecoder.TryReadInt64(_data.Span, _rules, out value, out var consumed, tag);
        _data = _data[consumed..];
        return ok;
    }

    public string ReadCharacterString(UniversalTagNumber type, Asn1Tag? tag = null)
    {
        if (type == UniversalTagNumber.UniversalString) return ReadUniversalString(tag ?? new Asn1Tag(type));
        if (type == UniversalTagNumber.T61String) return ReadTeletexString(tag ?? new Asn1Tag(type));
        var text = AsnDecoder.ReadCharacterString(_data.Span, _rules, type, out var consumed, tag);
        _data = _data[consumed..];
        return text;
    }

    /// <summary>
    /// UniversalString is UCS-4, big-endian (X.690 §8.23.7). .NET's string reader has no UniversalString (it throws
    /// ArgumentOutOfRangeException, which made a name with one a parse-error as a whole), so it is decoded here; bad
    /// content (a length not a multiple of four, a value outside Unicode) is an <see cref="AsnContentException"/>, as
    /// for the other string types.
    /// </summary>
    private string ReadUniversalString(Asn1Tag expected)
    {
        var next = PeekTag();
        if (!next.HasSameClassAndValue(expected) || next.IsConstructed)
            throw new AsnContentException($"Expected a primitive {expected}, found {next}.");
        var content = Content(PeekEncodedValue()).Span;
        if (content.Length % 4 != 0) throw new AsnContentException("A UniversalString's length is not a multiple of four.");
        string text;
        try
        {
            text = Ucs4.GetString(content);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new AsnContentException("A UniversalString holds a value that is not a Unicode scalar value.", e);
        }
        ReadEncodedValue();
        return text;
    }

    /// <summary>
    /// TeletexString is in practice Latin-1 (OpenSSL treats it so). .NET's string reader has no TeletexString either
    /// (its typed readers refuse a universal tag other than their own, which made a name with one unparsable).
    /// </summary>
    private string ReadTeletexString(Asn1Tag expected)
    {
        var next = PeekTag();
        if (!next.HasSameClassAndValue(expected) || next.IsConstructed)
            throw new AsnContentException($"Expected a primitive {expected}, found {next}.");
        return System.Text.Encoding.Latin1.GetString(Content(ReadEncodedValue()).Span);
    }

    private static readonly System.Text.UTF32Encoding Ucs4 = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    /// <summary>Contents of a primitive OCTET STRING without copying (constructed BER forms are copied).</summary>
    public ReadOnlyMemory<byte> ReadOctetString(Asn1Tag? tag = null)
    {
        if (AsnDecoder.TryReadPrimitiveOctetString(_data.Span, _rules, out var value, out var consumed, tag))
        {
            // A primitive value's contents end where its encoding ends.
            var contents = _data.Slice(consumed - value.Length, value.Length);
            _data = _data[consumed..];
            return contents;
        }
        var copy = AsnDecoder.ReadOctetString(_data.Span, _rules, out consumed, tag);
        _data = _data[consumed..];
        return copy;
    }

    /// <summary>Contents of a primitive BIT STRING without copying (constructed BER forms are copied).</summary>
    public ReadOnlyMemory<byte> ReadBitString(out int unusedBits, Asn1Tag? tag = null)
    {
        if (AsnDecoder.TryReadPrimitiveBitString(_data.Span, _rules, out unusedBits, out var value, out var consumed, tag))
        {
            var contents = _data.Slice(consumed - value.Length, value.Length);
            _data = _data[consumed..];
            return contents;
        }
        var copy = AsnDecoder.ReadBitString(_data.Span, _rules, out unusedBits, out consumed, tag);
        _data = _data[consumed..];
        return copy;
    }

    /// <summary>The content octets of any encoded value, whatever its tag.</summary>
    public static ReadOnlyMemory<byte> Content(ReadOnlyMemory<byte> encoded)
    {
        AsnDecoder.ReadEncodedValue(encoded.Span, AsnEncodingRules.BER, out var offset, out var length, out _);
        return encoded.Slice(offset, length);
    }
}
