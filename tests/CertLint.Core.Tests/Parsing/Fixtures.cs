using System.Reflection;
using CertLint.Model;

namespace CertLint.Core.Tests.Parsing;

/// <summary>Access to tests/fixtures (made by tests/fixtures/make-fixtures.sh).</summary>
internal static class Fixtures
{
    public static readonly string RepoRoot = typeof(Fixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CertLintRepoRoot").Value!;

    public static readonly string Directory = Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>An instant inside every fixture's validity (made 2026-11-28, valid 30000 days): path validation checks issuers' dates.</summary>
    public static readonly DateTimeOffset ValidAt = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static SourceFile Source(string name) => new(PathOf(name), name, new FileInfo(PathOf(name)).Length, null);

    public static SourceLocation Location(string name) => new(Source(name));
}

/// <summary>Password sources for tests: the env var is injected through LintSettings.Environment, never the process environment.</summary>
internal static class TestPasswords
{
    public const string FixturePassword = "fixture-password";

    public static CertLint.Parsing.IPasswordSource With(string? password, string variable = "CERTLINT_PASSWORD") =>
        new CertLint.Parsing.SettingsPasswordSource(new CertLint.Configuration.LintSettings
        {
            Root = Fixtures.Directory,
            Paths = [Fixtures.Directory],
            Now = DateTimeOffset.UnixEpoch,
            Environment = name => name == variable ? password : null,
        });

    public static readonly CertLint.Parsing.IPasswordSource None = With(null);
    public static readonly CertLint.Parsing.IPasswordSource Fixture = With(FixturePassword);
}
