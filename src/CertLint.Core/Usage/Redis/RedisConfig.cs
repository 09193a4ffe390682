using CertLint.Model;

namespace CertLint.Usage.Redis;

/// <summary>One redis.conf directive: name (lower-cased: Redis's are case-insensitive), arguments, where.</summary>
internal sealed record RedisDirective(string Name, IReadOnlyList<string> Args, SourceLocation At);

/// <summary>
/// redis.conf's syntax (Redis and Valkey): one directive per line, words split on spaces, double or single quotes
/// grouping, '#' starting a comment line. `include PATH` (a glob in the file name from Redis 7) is read in place,
/// relative to the including file's folder, absolute paths by their tail, bounded like nginx includes. An unterminated
/// quote is a parse issue at the line, never the text.
/// </summary>
internal sealed class RedisConfig(ConfigSource main, ConfigReadResult result)
{
    private readonly ConfigIncludes<RedisDirective> _includes = new(result);

    public List<RedisDirective> Parse() => _includes.Parse(main, 0, Parse);

    private List<RedisDirective> Parse(ConfigSource source, int depth)
    {
        var directives = new List<RedisDirective>();
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (ConfigWords.Split(lines[i].TrimEnd('\r'), inlineComments: false, out var error) is not { } words)
            {
                result.Error(source.At(i + 1), error!);
                continue;
            }
            if (words.Count == 0) continue;
            var name = words[0].ToLowerInvariant();
            if (name == "include" && words.Count == 2) _includes.Expand(source, i + 1, new IncludeLine("include", words[1]), IncludePaths(source, words[1]), depth, directives, Parse);
            else directives.Add(new RedisDirective(name, words.Skip(1).ToList(), source.At(i + 1)));
        }
        return directives;
    }

    private static List<string> IncludePaths(ConfigSource source, string written) =>
        UsagePaths.Locate(written, source) is { } full ? UsagePaths.IncludeGlob(full, source.Root, ConfigIncludes<RedisDirective>.MaxFiles) : [];
}
