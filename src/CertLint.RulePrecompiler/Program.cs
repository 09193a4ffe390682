using CertLint.Rules.Loading.Precompiled;
using CertLint.Rules.Primitives.DomainNames;

// certlint-rule-precompiler OUT.bin LIST: LIST has one "LOGICAL-NAME<TAB>PATH" line per built-in rule file.
// certlint-rule-precompiler --public-suffix-list OUT.bin LIST.dat: the Public Suffix List's lookup table.
// Writes to a temporary file first, so an interrupted build never leaves a truncated OUT.bin behind.
if (args.Length == 3 && args[0] == "--public-suffix-list")
{
    try
    {
        var table = PublicSuffixTable.Build(File.ReadAllBytes(args[2]));
        File.WriteAllBytes(args[1] + ".tmp", table);
        File.Move(args[1] + ".tmp", args[1], overwrite: true);
        Console.WriteLine($"CertLint.RulePrecompiler: {args[2]} -> {args[1]} ({table.Length} bytes)");
        return 0;
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"CertLint.RulePrecompiler: error: {e.Message}");
        return 1;
    }
}
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CertLint.RulePrecompiler OUT.bin LIST | --public-suffix-list OUT.bin LIST.dat");
    return 2;
}
try
{
    var files = File.ReadAllLines(args[1])
        .Where(l => l.Length > 0)
        .Select(l => l.Split('\t', 2))
        .Select(p => (Name: p[0], Yaml: File.ReadAllText(p[1])))
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToList();
    var temp = args[0] + ".tmp";
    // A file that does not parse is left out: CertLint parses it from its text and reports the error at its line.
    using (var output = File.Create(temp))
        YamlTreeCodec.Write(output, files, (name, e) => Console.WriteLine($"CertLint.RulePrecompiler: {name} left out (parsed at run time): {e.Message}"));
    File.Move(temp, args[0], overwrite: true);
    Console.WriteLine($"CertLint.RulePrecompiler: {files.Count} rule files -> {args[0]}");
    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"CertLint.RulePrecompiler: error: {e.Message}");
    return 1;
}
