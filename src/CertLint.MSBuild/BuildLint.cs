using CertLint.Engine;

namespace CertLint.MSBuild;

/// <summary>
/// One lint of a project as the build sees it: settings to request, Core, reports, findings to the log, and every
/// failure as a build error, never an exception. The task and the native tool (`certlint msbuild`) both run this.
/// </summary>
internal static class BuildLint
{
    /// <summary>True when the lint logged no error.</summary>
    public static bool Run(TaskSettings settings, IBuildLog log, Func<LintRequest, CancellationToken, LintResult> runEngine,
        CancellationToken cancellationToken)
    {
        try
        {
            var request = TaskRequest.Build(settings);
            if (request is null)
            {
                LogEmpty(log, settings, "discovery is off (CertLintDiscovery=false) and no @(CertLintFile) item names a file");
                return !log.HasLoggedErrors;
            }
            var result = runEngine(request, cancellationToken);
            CoreEntry.WriteReports(result, request);
            new FindingLogger(log).LogResult(result);
            if (result.IsEmpty) LogEmpty(log, settings, $"no certificate, key or keystore was found under {request.WorkingDirectory} (nor in the @(CertLintFile) items)");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Message("CertLint: cancelled.", high: true);
            return false;
        }
        catch (ConfigurationException e)
        {
            foreach (var error in e.All)
                log.Error(ErrorCodes.Configuration, null, null, error.File, error.Line, error.Column, error.Problem);
        }
        catch (UserErrorException e)
        {
            log.Error(ErrorCodes.Configuration, null, null, null, 0, 0, e.Message);
        }
        catch (Exception e)
        {
            // A bug in CertLint must not take MSBuild down with a stack trace in its face; the trace goes to the log.
            log.Error(ErrorCodes.Internal, null, null, null, 0, 0, $"CertLint failed unexpectedly: {e.GetType().Name}: {e.Message}");
            log.Detail(e.ToString());
        }
        return !log.HasLoggedErrors;
    }

    /// <summary>An empty lint: an error unless $(CertLintAllowEmpty) is true, then a message.</summary>
    private static void LogEmpty(IBuildLog log, TaskSettings settings, string why)
    {
        if (settings.AllowEmpty)
        {
            log.Message($"CertLint: nothing to lint: {why} (CertLintAllowEmpty=true).");
            return;
        }
        log.Error(ErrorCodes.EmptyScan, null, null, null, 0, 0,
            $"CertLint: nothing to lint: {why}. Point the lint at the certificates (CertLintFile items, CertLintDiscovery, CertLintExclude, " +
            "paths in .certlint.yml), or set CertLintAllowEmpty to true if the project has none.");
    }
}
