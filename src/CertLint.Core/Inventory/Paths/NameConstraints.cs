using System.Formats.Asn1;

namespace CertLint.Inventory.Paths;

/// <summary>One GeneralSubtree: its base name, and whether CertLint can check it (min 0, no max, supported form).</summary>
internal sealed record Subtree(GeneralName Base, string? Unsupported);

/// <summary>
/// A nameConstraints extension (RFC 5280 §4.2.1.10), parsed. Matching of one name against one subtree is
/// <see cref="NameMatcher"/>'s; combining the constraints of every CA on a path is <see cref="NameConstraintChecker"/>'s.
/// </summary>
internal sealed class NameConstraints
{
    private static readonly Asn1Tag Permitted = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Excluded = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag Minimum = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag Maximum = new(TagClass.ContextSpecific, 1);

    public required IReadOnlyList<Subtree> PermittedSubtrees { get; init; }
    public required IReadOnlyList<Subtree> ExcludedSubtrees { get; init; }
    public required bool Critical { get; init; }

    /// <summary>Name forms this extension constrains (permitted or excluded) that CertLint cannot check, with why.</summary>
    public IEnumerable<Subtree> UncheckableSubtrees => PermittedSubtrees.Concat(ExcludedSubtrees).Where(s => s.Unsupported is not null);

    /// <summary>Parses the extension value; throws <see cref="AsnContentException"/> when malformed or empty.</summary>
    public static NameConstraints Parse(ReadOnlyMemory<byte> value, bool critical)
    {
        var seq = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
        var permitted = seq.HasData && seq.PeekTag().HasSameClassAndValue(Permitted) ? ReadSubtrees(seq.ReadSequence(Permitted)) : null;
        var excluded = seq.HasData && seq.PeekTag().HasSameClassAndValue(Excluded) ? ReadSubtrees(seq.ReadSequence(Excluded)) : null;
        seq.ThrowIfNotEmpty();
        // RFC 5280: "Conforming CAs MUST NOT issue certificates where name constraints is an empty sequence",
        // and GeneralSubtrees is SIZE (1..MAX).
        if (permitted is null && excluded is null) throw new AsnContentException("nameConstraints is empty");
        if (permitted is { Count: 0 } || excluded is { Count: 0 }) throw new AsnContentException("nameConstraints has an empty list of subtrees");
        return new NameConstraints { PermittedSubtrees = permitted ?? [], ExcludedSubtrees = excluded ?? [], Critical = critical };
    }

    private static List<Subtree> ReadSubtrees(AsnReader reader)
    {
        var list = new List<Subtree>();
        while (reader.HasData)
        {
            var subtree = reader.ReadSequence();
            var name = GeneralNames.Read(subtree);
            string? unsupported = null;
            if (subtree.HasData && subtree.PeekTag().HasSameClassAndValue(Minimum))
            {
                if (!subtree.TryReadInt32(out var min, Minimum) || min != 0) unsupported = "minimum other than 0";
            }
            if (subtree.HasData && subtree.PeekTag().HasSameClassAndValue(Maximum))
            {
                subtree.ReadEncodedValue();
                unsupported = "a maximum";
            }
            subtree.ThrowIfNotEmpty();
            unsupported ??= name.Form switch
            {
                NameForm.Dns or NameForm.Rfc822 or NameForm.Uri or NameForm.Directory => null,
                NameForm.Ip => name.Bytes!.Length is 8 or 32 ? MaskProblem(name.Bytes) : "an iPAddress constraint that is not address and mask (8 or 32 octets)",
                _ => $"the {GeneralName.FormName(name.Form)} name form",
            };
            list.Add(new Subtree(name, unsupported));
        }
        return list;
    }

    /// <summary>The mask must be contiguous ones then zeros (RFC 4632 CIDR); webpki and Go reject anything else.</summary>
    private static string? MaskProblem(byte[] constraint)
    {
        var half = constraint.Length / 2;
        var seenZero = false;
        for (var i = half; i < constraint.Length; i++)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var one = (constraint[i] >> bit & 1) == 1;
                if (one && seenZero) return "an iPAddress constraint whose mask is not contiguous";
                if (!one) seenZero = true;
            }
        }
        return null;
    }
}
