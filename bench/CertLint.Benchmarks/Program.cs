using BenchmarkDotNet.Running;
using CertLint.Benchmarks;

// `corpus DIR COUNT` generates the benchmark corpus; anything else runs the BenchmarkDotNet micro-benchmarks.
if (args.Length >= 1 && args[0] == "corpus")
{
    if (args.Length < 3 || !int.TryParse(args[2], out var count) || count < 1)
    {
        Console.Error.WriteLine("usage: corpus DIR COUNT [--now ISO]");
        return 2;
    }
    var now = args.Length >= 5 && args[3] == "--now" ? DateTimeOffset.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    var stats = CorpusGenerator.Generate(args[1], count, now);
    Console.WriteLine(stats);
    return 0;
}
if (args.Length >= 3 && args[0] == "rsa-corpus" && int.TryParse(args[2], out var rsaCount) && rsaCount > 0)
{
    Console.WriteLine($"{RsaCorpus.Generate(args[1], rsaCount, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero))} RSA 2048 certificates and public keys");
    return 0;
}
if (args.Length >= 2 && args[0] == "stages")
{
    StageProfile.Run(Path.GetFullPath(args[1]), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    return 0;
}
if (args.Length >= 1 && args[0] == "batch-gcd")
{
    BatchGcdProfile.Run();
    return 0;
}
if (args.Length >= 2 && args[0] == "weak-keys")
{
    WeakKeyProfile.Run(Path.GetFullPath(args[1]), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(CorpusGenerator).Assembly).Run(args);
return 0;
