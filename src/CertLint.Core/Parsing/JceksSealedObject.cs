namespace CertLint.Parsing;

/// <summary>
/// Steps over the Java-serialised javax.crypto.SealedObject of a JCEKS secret-key entry (Java Object Serialization
/// Specification §6.4 grammar) without deserialising anything: the stream header, then one object whose classes are
/// plain Serializable (no writeObject data, not Externalizable), whose fields are primitives, strings, byte arrays or
/// null. That is what the JDK writes (SealedObjectForKeyProtector over SealedObject: encodedParams, encryptedContent,
/// paramsAlg, sealAlg); anything else is refused as a format error. Bounded: nesting depth, handles and every length
/// inside the file. Only where the object ends is learnt; the sealed bytes are skipped, never read.
/// </summary>
internal static class JceksSealedObject
{
    private const int MaxDepth = 8;
    private const int MaxHandles = 64;
    private const int MaxFields = 32;

    private const byte Null = 0x70, Reference = 0x71, ClassDesc = 0x72, Object = 0x73, String = 0x74, Array = 0x75, EndBlockData = 0x78;
    private const byte WriteMethod = 0x01, Externalizable = 0x04;

    private sealed record Field(char Type);
    private sealed record Desc(string Name, byte Flags, List<Field> Fields, Desc? Super);

    /// <summary>Moves <paramref name="r"/> past one serialised SealedObject (its own stream header included).</summary>
    public static void Skip(JksParser.Reader r)
    {
        if (r.U16() != 0xACED || r.U16() != 5) throw new FormatException("a JCEKS secret-key entry that is not a Java serialisation stream version 5");
        var handles = new List<object?>();
        if (r.U8() != Object) throw new FormatException("a JCEKS secret-key entry that is not a serialised object");
        ReadObject(r, handles, 0);
    }

    private static void ReadObject(JksParser.Reader r, List<object?> handles, int depth)
    {
        var desc = ReadDesc(r, handles, depth) ?? throw Unsupported("an object without a class");
        Assign(handles, null);
        var chain = new List<Desc>();
        for (var d = desc; d is not null; d = d.Super) chain.Insert(0, d);
        foreach (var d in chain)
        {
            if ((d.Flags & (WriteMethod | Externalizable)) != 0) throw Unsupported($"class {d.Name} with custom serialised data");
            foreach (var field in d.Fields) ReadValue(r, field.Type, handles, depth + 1);
        }
    }

    private static Desc? ReadDesc(JksParser.Reader r, List<object?> handles, int depth)
    {
        if (depth > MaxDepth) throw Unsupported("nesting deeper than " + MaxDepth);
        switch (r.U8())
        {
            case Null:
                return null;
            case Reference:
                return Referenced(r, handles) as Desc ?? throw Unsupported("a class reference to something else");
            case ClassDesc:
                var name = Utf(r, r.U16());
                r.Skip(8); // serialVersionUID
                var slot = Assign(handles, null);
                var flags = r.U8();
                var count = r.U16();
                if (count > MaxFields) throw Unsupported($"more than {MaxFields} fields");
                var fields = new List<Field>();
                for (var i = 0; i < count; i++)
                {
                    var type = (char)r.U8();
                    r.Skip(r.U16()); // field name
                    if (type is '[' or 'L') ReadContent(r, handles, depth + 1); // its class name: a string or a reference
                    else if (Size(type) is null) throw Unsupported($"field type '{type}'");
                    fields.Add(new Field(type));
                }
                if (r.U8() != EndBlockData) throw Unsupported("class annotations");
                var desc = new Desc(name, flags, fields, ReadDesc(r, handles, depth + 1));
                handles[slot] = desc;
                return desc;
            default:
                throw Unsupported("a class descriptor of another kind");
        }
    }

    private static void ReadValue(JksParser.Reader r, char type, List<object?> handles, int depth)
    {
        if (Size(type) is { } size) r.Skip(size);
        else ReadContent(r, handles, depth);
    }

    private static void ReadContent(JksParser.Reader r, List<object?> handles, int depth)
    {
        if (depth > MaxDepth) throw Unsupported("nesting deeper than " + MaxDepth);
        switch (r.U8())
        {
            case Null:
                return;
            case Reference:
                Referenced(r, handles);
                return;
            case String:
                r.Skip(r.U16());
                Assign(handles, null);
                return;
            case Array:
                var desc = ReadDesc(r, handles, depth) ?? throw Unsupported("an array without a class");
                Assign(handles, null);
                var length = r.U32();
                if (desc.Name.Length != 2 || desc.Name[0] != '[' || Size(desc.Name[1]) is not { } element) throw Unsupported($"an array of {desc.Name}");
                var bytes = (ulong)length * element;
                if (bytes > uint.MaxValue) throw new FormatException("truncated JCEKS keystore");
                r.Skip((uint)bytes);
                return;
            case Object:
                ReadObject(r, handles, depth);
                return;
            default:
                throw Unsupported("content of another kind");
        }
    }

    private static uint? Size(char type) => type switch
    {
        'B' or 'Z' => 1,
        'C' or 'S' => 2,
        'I' or 'F' => 4,
        'J' or 'D' => 8,
        _ => null,
    };

    private static int Assign(List<object?> handles, object? value)
    {
        if (handles.Count == MaxHandles) throw Unsupported($"more than {MaxHandles} objects");
        handles.Add(value);
        return handles.Count - 1;
    }

    private static object? Referenced(JksParser.Reader r, List<object?> handles)
    {
        var handle = r.U32() - 0x7E0000u;
        return handle < (uint)handles.Count ? handles[(int)handle] : throw Unsupported("a reference to no earlier object");
    }

    private static string Utf(JksParser.Reader r, uint length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = r.U8();
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    private static FormatException Unsupported(string what) =>
        new($"a JCEKS secret-key entry whose serialised SealedObject holds {what}, which CertLint does not read");
}
