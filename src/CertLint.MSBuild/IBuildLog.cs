namespace CertLint.MSBuild;

/// <summary>What the lint tells the build: the task writes it to MSBuild's logger, the native tool as canonical lines.</summary>
internal interface IBuildLog
{
    bool HasLoggedErrors { get; }

    /// <summary>A build error; a null file means the project itself.</summary>
    void Error(string code, string? helpKeyword, string? helpLink, string? file, int line, int column, string message);

    void Warning(string code, string? helpKeyword, string? helpLink, string? file, int line, int column, string message);

    /// <summary>A finding below warning: a high-importance message at its file and line.</summary>
    void Note(string code, string? helpKeyword, string? file, int line, int column, string message);

    /// <summary>Normal importance (high: also at minimal verbosity).</summary>
    void Message(string text, bool high = false);

    /// <summary>Low importance: only in detailed logs.</summary>
    void Detail(string text);
}
