namespace CertLint.Rules.Fields;

/// <summary>The field catalog as rows for `certlint rules fields` and docs/writing-rules.md (name-attribute variants folded).</summary>
public static class FieldReference
{
    public static IEnumerable<string[]> SubjectRows() => FieldCatalog.All
        .Where(f => !IsAttributeVariant(f.Path))
        .Select(f => new[] { f.Path, TypeName(f.Type, f.Elements), string.Join(", ", f.Kinds.Order().Select(k => k.ToString().ToLowerInvariant())), f.Description });

    /// <summary>subject.cn, issuerName.o.count, ...: one row per pattern in the docs instead of one per attribute.</summary>
    public static bool IsAttributeVariant(string path)
    {
        var parts = path.Split('.');
        return parts.Length >= 2 && parts[0] is "subject" or "issuer" or "issuerName" && Names.DnAttributes.ContainsKey(parts[1]);
    }

    public static string TypeName(ResolvedField f) => TypeName(f.Type, f.Elements);

    private static string TypeName(FieldType type, FieldScope? elements) =>
        type == FieldType.Records && elements is not null ? $"records ({elements.Name})" : type.ToString().ToLowerInvariant();
}
