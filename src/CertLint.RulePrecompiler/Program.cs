using CertLint.Rules.Loading.Precompiled;

// certlint-rule-precompiler OUT.bin LIST: LIST has one "LOGICAL-NAME<TAB>PATH" line per built-in rule file.
// Writes to a temporary file first, so an interrupted build never leaves a truncated OUT.bin behind.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CertLint.RulePrecompiler OUT.bin LIST");
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
