using CertLint.Engine;
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
        progress.Report(new ScanProgress("parse", 1, 10));
        err.ToString().ShouldBeEmpty();

        time.Now += TimeSpan.FromSeconds(1.5);
        progress.Report(new ScanProgress("discover", 1234, 0));
        err.ToString().ShouldBe("\rdiscover 1234");

        progress.Report(new ScanProgress("parse", 6, 10));
        err.ToString().ShouldBe("\rdiscover 1234", "redraws are throttled");

        time.Now += TimeSpan.FromMilliseconds(200);
        progress.Report(new ScanProgress("rules", 1, 2));
        err.ToString().ShouldEndWith("\r" + "rules 1/2 (50%)".PadRight(13), customMessage: "a shorter line would be padded over the previous one");

        progress.Dispose();
        err.ToString().ShouldEndWith("\r" + new string(' ', 15) + "\r");
        progress.Report(new ScanProgress("late", 1, 1));
        err.ToString().ShouldNotContain("late");
    }

    [Test]
    public void Formats_one_short_line()
    {
        ConsoleProgress.Format(new ScanProgress("parse", 1, 3)).ShouldBe("parse 1/3 (33%)");
        ConsoleProgress.Format(new ScanProgress(new string('s', 200) + "\n", 1, 0)).Length.ShouldBe(79);
        ConsoleProgress.Format(new ScanProgress("x\ny", 1, 0)).ShouldBe("x?y 1");
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
