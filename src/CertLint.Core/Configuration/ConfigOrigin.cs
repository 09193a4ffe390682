using CertLint.Engine;

namespace CertLint.Configuration;

/// <summary>A place in a configuration file, kept so errors found later (unknown rule, bad parameter) can point at it.</summary>
public sealed record ConfigOrigin(string File, int Line, int Column)
{
    public ConfigurationException Error(string message, string? key = null, string? suggestion = null) =>
        new(File, Line, Column, message) { Key = key, Suggestion = suggestion };
}
