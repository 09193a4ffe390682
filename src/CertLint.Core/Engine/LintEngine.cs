namespace CertLint.Engine;

/// <summary>
/// The one pipeline every host runs: resolve settings → discover → parse → inventory → rules → findings.
/// </summary>
public sealed class LintEngine
{
    private readonly TimeProvider _time;

    public LintEngine(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public LintResult Run(LintRequest request, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        _ = request; _ = progress; _ = cancellationToken; _ = _time;
        throw new NotSupportedException("The engine pipeline is being wired (lead).");
    }
}
