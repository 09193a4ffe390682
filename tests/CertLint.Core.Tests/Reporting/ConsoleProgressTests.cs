using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class ConsoleProgressTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Test]
    public void Stays_silent_during_the_first_second_then_draws_and_erases_one_line()
    {
        var time = new ManualTime();
        var err = new StringWriter();
        var progress = new ConsoleProgress(err, time);
        progress.Report(new ScanProgress("parse", 1, 10, "certs/a.pem"));
        err.ToString().ShouldBeEmpty();

        time.Now += TimeSpan.FromSeconds(1.5);
        progress.Report(new ScanProgress("parse", 5, 10, "certs/b.pem"));
        err.ToString().ShouldBe("\rparse 5/10 certs/b.pem");

        progress.Report(new ScanProgress("parse", 6, 10, "certs/c.pem"));
        err.ToString().ShouldBe("\rparse 5/10 certs/b.pem", "redraws are throttled");

        time.Now += TimeSpan.FromMilliseconds(200);
        progress.Report(new ScanProgress("rules", 1, 2));
        err.ToString().ShouldEndWith("\r" + "rules 1/2".PadRight(22), customMessage: "the longer previous line is overwritten with spaces");

        progress.Dispose();
        err.ToString().ShouldEndWith("\r" + new string(' ', 22) + "\r");
        progress.Report(new ScanProgress("late", 1, 1));
        err.ToString().ShouldNotContain("late");
    }

    [Test]
    public void Long_paths_are_cut_from_the_left_to_one_line()
    {
        var line = ConsoleProgress.Format(new ScanProgress("parse", 1, 2, new string('d', 200) + "/end.pem"));
        line.Length.ShouldBeLessThanOrEqualTo(79);
        line.ShouldEndWith("/end.pem");
        line.ShouldStartWith("parse 1/2 ...");
    }

    [Test]
    public void A_quick_scan_prints_nothing()
    {
        var err = new StringWriter();
        using (var progress = new ConsoleProgress(err, new ManualTime()))
        {
            progress.Report(new ScanProgress("discover", 3, 0));
        }
        err.ToString().ShouldBeEmpty();
    }
}
