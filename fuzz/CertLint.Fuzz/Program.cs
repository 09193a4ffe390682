using CertLint.Fuzz;
using SharpFuzz;

// Usage: dotnet CertLint.Fuzz.dll HARNESS            (under afl-fuzz: reads each input from stdin)
//        dotnet CertLint.Fuzz.dll HARNESS FILE...    (replays inputs, e.g. a crash afl-fuzz saved)
//        dotnet CertLint.Fuzz.dll seeds HARNESS DIR  (writes the seeds the harness makes itself: FuzzSeeds)
if (args is ["seeds", var seedHarness, var seedDir])
{
    foreach (var (name, bytes) in FuzzSeeds.For(seedHarness)) File.WriteAllBytes(Path.Combine(seedDir, name), bytes);
    return 0;
}
if (args.Length == 0 || !FuzzTargets.Harnesses.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: CertLint.Fuzz HARNESS [FILE...]; harnesses: {string.Join(", ", FuzzTargets.Harnesses)}");
    return 2;
}
var harness = args[0];
if (args.Length > 1)
{
    foreach (var file in args.Skip(1)) FuzzTargets.Run(harness, File.ReadAllBytes(file));
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    // afl-fuzz inputs are small; the bound keeps a stray huge input from dominating a campaign.
    using var buffer = new MemoryStream();
    var chunk = new byte[81920];
    int n;
    while ((n = stream.Read(chunk, 0, chunk.Length)) > 0 && buffer.Length < 1 << 20) buffer.Write(chunk, 0, n);
    FuzzTargets.Run(harness, buffer.ToArray());
});
return 0;
