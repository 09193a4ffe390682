using System.Diagnostics;

namespace CertLint.Tests.Pki;

/// <summary>The openssl command (installed by .ci/run), for material the BCL cannot write; fails the test on a non-zero exit.</summary>
internal static class OpenSslCli
{
    public static void Run(string arguments)
    {
        var start = new ProcessStartInfo("openssl", arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["OPENSSL_CONF"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, stderr.Result);
    }
}
