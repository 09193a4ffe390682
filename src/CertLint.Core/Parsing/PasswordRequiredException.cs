namespace CertLint.Parsing;

/// <summary>
/// Thrown by parsers when an object is encrypted and no candidate password opened it; FileParser turns it into
/// ParseIssueKind.PasswordRequired, appending how to supply a password.
/// </summary>
public sealed class PasswordRequiredException(string what) : Exception($"{what} is encrypted");
