namespace CertLint.Rules;

/// <summary>
/// Names (not ids: a rule's id lives in its YAML only) of the built-in rules the engine, handshake and report code
/// look up; <see cref="Loading.RuleLoader.IdOf"/> gives the id. A test checks that each names a loaded rule.
/// </summary>
public static class BuiltInRules
{
    public const string ParseError = "parse-error";
    public const string ChainIncomplete = "chain-incomplete";
    public const string ChainInvalid = "chain-invalid";
    public const string ServerChainIncomplete = "tls-server-chain-incomplete";
}
