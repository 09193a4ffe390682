using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertLint.Cli.Tests.Browser;

/// <summary>
/// The HTML report as people see it: written by the real CLI, opened from disk in headless Chromium, inspected and
/// driven through the DevTools protocol. Chromium is Debian's package (.ci/run installs it).
/// </summary>
[NonParallelizable]
public class HtmlReportBrowserTests
{
    private const string NowText = "2026-06-01";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private DirectoryInfo _dir = null!;
    private string _chromium = null!;

    [SetUp]
    public void Create()
    {
        _chromium = Chromium.Executable()!;
        if (_chromium is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("chromium is not installed (.ci/run installs it)");
            Assert.Ignore("chromium is not installed (apt-get install chromium)");
        }
        _dir = Directory.CreateTempSubdirectory("certlint-html-");
    }

    [TearDown]
    public void Delete() => _dir?.Delete(recursive: true);

    [Test]
    public async Task Samples_page_shows_every_certificate_chain_and_finding_and_makes_no_request()
    {
        CopyTree(Path.Combine(CliRunner.RepoRoot, "samples"), Path.Combine(_dir.FullName, "samples"));
        var env = new Dictionary<string, string> { ["CERTLINT_PASSWORD"] = "changeit" };
        var r = CliRunner.Process(_dir.FullName, env, "samples", "--now", NowText, "--quiet", "--html", "out/report.html", "--json", "out/report.json");
        r.ExitCode.ShouldBe(1, r.Out + r.Error);
        var html = Path.Combine(_dir.FullName, "out", "report.html");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.FullName, "out", "report.json")));

        await using var browser = await Chromium.StartAsync(_chromium);
        var url = new Uri(html).AbsoluteUri;
        await browser.NavigateAsync(url);
        await ShouldShowTheReport(browser, json.RootElement);
        (await browser.EvaluateAsync("document.getElementById('scan-packs').textContent"))!.GetValue<string>()
            .ShouldStartWith("core (", customMessage: "the default packs, core and rfc5280, are named");
        (await browser.EvaluateAsync("document.getElementById('scan-packs').textContent"))!.GetValue<string>().ShouldContain(", rfc5280 (");
        browser.Requests.ShouldAllBe(u => u == url, "the page must load nothing but itself");

        var shot = await browser.ScreenshotAsync();
        await ShouldBeAccessibleAndPrintable(browser);
        await browser.NavigateAsync("about:blank");
        var blank = await browser.ScreenshotAsync();
        shot.Length.ShouldBeGreaterThan(10 * blank.Length, "the screenshot is (nearly) blank");
        var docsImage = Path.Combine(CliRunner.RepoRoot, "docs", "images", "html-report.png");
        if (Environment.GetEnvironmentVariable("CERTLINT_UPDATE_DOCS") == "1") File.WriteAllBytes(docsImage, shot);
        File.Exists(docsImage).ShouldBeTrue("docs/images/html-report.png: run this test with CERTLINT_UPDATE_DOCS=1");

        var text = File.ReadAllText(html);
        text.ShouldNotContain("changeit");
        text.ShouldNotMatch(@"-----BEGIN [A-Z ]*PRIVATE KEY-----");
        var keyBase64 = string.Concat(File.ReadAllLines(Path.Combine(_dir.FullName, "samples", "server", "www.key")).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        for (var i = 0; i + 24 <= keyBase64.Length; i += 24) text.ShouldNotContain(keyBase64.Substring(i, 24), Case.Sensitive);

        // The same page, later, from the saved JSON report.
        var later = CliRunner.Process(_dir.FullName, null, "report", "--from", "out/report.json", "--html", "out/later.html");
        later.ExitCode.ShouldBe(0, later.Out + later.Error);
        File.ReadAllBytes(Path.Combine(_dir.FullName, "out", "later.html")).ShouldBe(File.ReadAllBytes(html));
    }

    [Test]
    public async Task Two_thousand_certificates_get_a_bar_and_a_chain_each_in_a_small_page()
    {
        var expected = GenerateScan(Path.Combine(_dir.FullName, "fleet"), 2000);
        var r = CliRunner.Process(_dir.FullName, null, "fleet", "--now", NowText, "--quiet", "--fail-on", "none", "--html", "fleet.html", "--json", "fleet.json");
        r.ExitCode.ShouldBe(0, r.Out + r.Error);
        var html = Path.Combine(_dir.FullName, "fleet.html");
        new FileInfo(html).Length.ShouldBeLessThan(5 * 1024 * 1024);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.FullName, "fleet.json")));
        json.RootElement.GetProperty("certificates").GetArrayLength().ShouldBe(2001);

        await using var browser = await Chromium.StartAsync(_chromium);
        await browser.NavigateAsync(new Uri(html).AbsoluteUri);
        await ShouldShowTheReport(browser, json.RootElement);
        var byStatus = (await browser.EvaluateAsync(
            "JSON.stringify(['expired','expiring','valid','not-yet-valid'].map(s => document.querySelectorAll('.cert-bar.status-' + s).length))"))!.GetValue<string>();
        byStatus.ShouldBe(JsonSerializer.Serialize(expected));
    }

    /// <summary>What every page must show, checked against the JSON report of the same run.</summary>
    private static async Task ShouldShowTheReport(Chromium browser, JsonElement report)
    {
        // The summary names the scan: root, --now, version and the rule packs in force with their rule counts.
        var facts = (await browser.EvaluateAsync(
            "JSON.stringify(['root', 'now', 'version', 'packs'].map(k => document.getElementById('scan-' + k).textContent))"))!.GetValue<string>();
        var packs = report.GetProperty("rules").EnumerateArray().GroupBy(r => r.GetProperty("pack").GetString()!)
            .OrderBy(g => g.Key == "custom").ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({g.Count()} {(g.Count() == 1 ? "rule" : "rules")})");
        JsonSerializer.Deserialize<string[]>(facts)!.ShouldBe([
            report.GetProperty("root").GetString()!, report.GetProperty("now").GetString()!,
            report.GetProperty("tool").GetProperty("version").GetString()!, string.Join(", ", packs)]);

        var certs = report.GetProperty("certificates").EnumerateArray().ToList();
        var bars = (await browser.EvaluateAsync(
            "JSON.stringify(Array.from(document.querySelectorAll('.cert-bar')).map(b => [b.dataset.id, b.getAttribute('class')]))"))!.GetValue<string>();
        var drawn = JsonSerializer.Deserialize<string[][]>(bars)!;
        drawn.Length.ShouldBe(certs.Count, "one timeline bar per certificate");
        // A certificate found in several files is drawn once per file; its id is the first 16 hex digits of its SHA-256.
        var status = certs.GroupBy(c => c.GetProperty("sha256").GetString()![..16]).ToDictionary(g => g.Key, g => "cert-bar status-" + Status(g.First()));
        foreach (var bar in drawn) bar[1].ShouldBe(status[bar[0]], $"bar of {bar[0]}");

        // The now line sits where --now falls on the drawn span.
        var line = (await browser.EvaluateAsync(
            "(() => { const s = document.querySelector('#timeline svg.timeline'), l = s.querySelector('.now-line');" +
            " return JSON.stringify([+s.dataset.domainStart, +s.dataset.domainEnd, +s.dataset.x0, +s.dataset.x1, +l.getAttribute('x1')]); })()"))!.GetValue<string>();
        var v = JsonSerializer.Deserialize<double[]>(line)!;
        var x = v[2] + (Now.ToUnixTimeMilliseconds() - v[0]) / (v[1] - v[0]) * (v[3] - v[2]);
        v[4].ShouldBe(x, 0.01);

        var leaves = certs.Count(c => !c.GetProperty("isCa").GetBoolean());
        (await browser.EvaluateAsync("document.querySelectorAll('figure.chain').length"))!.GetValue<int>().ShouldBe(leaves, "one chain graph per leaf");

        // Filters: severity, then file text, through the page's own controls.
        var open = report.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("suppression").ValueKind == JsonValueKind.Null).ToList();
        var errors = open.Count(f => f.GetProperty("severity").GetString() == "error");
        var shown = await Filter(browser, "f-severity", "error");
        shown.ShouldBe($"{errors} of {open.Count} findings shown");
        (await browser.EvaluateAsync("Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => !r.hidden).every(r => r.dataset.severity === 'error')"))!
            .GetValue<bool>().ShouldBeTrue();
        await Filter(browser, "f-severity", "");
        if (open.Count > 0)
        {
            var path = open[0].GetProperty("path").GetString()!;
            (await Filter(browser, "f-file", path)).ShouldBe($"{open.Count(f => f.GetProperty("path").GetString()!.Contains(path, StringComparison.OrdinalIgnoreCase))} of {open.Count} findings shown");
            await Filter(browser, "f-file", "");
        }
    }

    [Test]
    public async Task The_request_check_sees_a_page_that_loads_something()
    {
        // The control for "no network request": the same check on a page that asks for an image does see it.
        var page = Path.Combine(_dir.FullName, "loads.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\"/></body></html>");
        await using var browser = await Chromium.StartAsync(_chromium);
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        browser.Requests.ShouldContain("http://127.0.0.1:9/pixel.png");
    }

    /// <summary>Keyboard navigation, text alternatives, dark mode and print, on the page as loaded.</summary>
    private static async Task ShouldBeAccessibleAndPrintable(Chromium browser)
    {
        async Task<string> Eval(string js) => (await browser.EvaluateAsync(js))?.ToString() ?? "";

        // Keyboard: the first Tab reaches the skip link, which shows itself; Tabs go on to the sort button and the first
        // timeline bar, whose focus shows the tooltip with subject, file and days left; Enter on the skip link jumps to the findings.
        await browser.PressAsync("Tab");
        (await Eval("document.activeElement.className + ' ' + (document.activeElement.getBoundingClientRect().left >= 0)")).ShouldBe("skip true");
        await browser.PressAsync("Tab");
        (await Eval("document.activeElement.id")).ShouldBe("sort-expiry");
        await browser.PressAsync("Tab");
        var focused = JsonSerializer.Deserialize<JsonElement>(await Eval(
            "JSON.stringify([document.activeElement.getAttribute('class'), document.getElementById('tip').hidden, document.getElementById('tip').textContent, document.activeElement.querySelector('title').textContent])"));
        focused[0].GetString()!.ShouldStartWith("cert-bar status-");
        focused[1].GetBoolean().ShouldBeFalse("the tooltip shows on keyboard focus");
        focused[2].GetString().ShouldBe(focused[3].GetString());
        focused[2].GetString()!.ShouldMatch(@" — [^ ]+:\d+ — .*(days left|days ago)");
        await Eval("document.querySelector('.skip').focus()");
        await browser.PressAsync("Enter");
        (await Eval("location.hash")).ShouldBe("#findings");

        // Text alternatives: every picture is labelled or hidden behind a caption, every bar has a title, every control a label.
        var missing = await Eval("""
            JSON.stringify([
              Array.from(document.querySelectorAll('svg')).filter(s => !s.closest('[aria-hidden=true]') && !s.getAttribute('aria-label')).length,
              Array.from(document.querySelectorAll('svg .cert-bar')).filter(b => !(b.querySelector('title') || {}).textContent).length,
              Array.from(document.querySelectorAll('figure.chain')).filter(c => !(c.querySelector('figcaption') || {}).textContent).length,
              Array.from(document.querySelectorAll('input, select, button')).filter(c => !(c.labels && c.labels.length) && !c.textContent.trim()).length,
              document.querySelectorAll('img:not([alt])').length])
            """);
        missing.ShouldBe("[0,0,0,0,0]");

        // Dark mode follows the reader's setting, with light text on a dark background; light is the default.
        await browser.EmulateAsync("", "dark");
        var dark = JsonSerializer.Deserialize<string[]>(await Eval("JSON.stringify([getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color])"))!;
        Luminance(dark[0]).ShouldBeLessThan(0.05, dark[0]);
        Luminance(dark[1]).ShouldBeGreaterThan(0.7, dark[1]);
        await browser.EmulateAsync("", "light");
        Luminance(await Eval("getComputedStyle(document.body).backgroundColor")).ShouldBeGreaterThan(0.9);

        // Print: no controls, and rows a filter hid are printed too.
        await Filter(browser, "f-severity", "note");
        await browser.EmulateAsync("print", "light");
        var print = await Eval("""
            JSON.stringify([getComputedStyle(document.querySelector('.filters')).display, getComputedStyle(document.getElementById('sort-expiry')).display,
              Array.from(document.querySelectorAll('#findings-table tbody tr')).some(r => r.hidden),
              Array.from(document.querySelectorAll('#findings-table tbody tr')).every(r => getComputedStyle(r).display === 'table-row')])
            """);
        print.ShouldBe("[\"none\",\"none\",true,true]");
        await browser.EmulateAsync("", "light");
        await Filter(browser, "f-severity", "");
    }

    /// <summary>Relative luminance (WCAG 2) of a CSS "rgb(r, g, b)" colour.</summary>
    private static double Luminance(string css)
    {
        var c = css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)].Split(',')
            .Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture) / 255)
            .Select(v => v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4)).ToArray();
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static async Task<string> Filter(Chromium browser, string id, string value) =>
        (await browser.EvaluateAsync(
            $"(() => {{ const e = document.getElementById('{id}'); e.value = {JsonSerializer.Serialize(value)}; e.dispatchEvent(new Event('change')); return document.getElementById('f-count').textContent; }})()"))!
        .GetValue<string>();

    private static string Status(JsonElement c)
    {
        var nb = DateTimeOffset.Parse(c.GetProperty("notBefore").GetString()!, CultureInfo.InvariantCulture);
        var na = DateTimeOffset.Parse(c.GetProperty("notAfter").GetString()!, CultureInfo.InvariantCulture);
        return Now > na ? "expired" : Now < nb ? "not-yet-valid" : na - Now <= TimeSpan.FromDays(30) ? "expiring" : "valid";
    }

    /// <summary>A CA and <paramref name="count"/> leaves in 20 folders, a quarter in each state; returns the expected counts (CA valid).</summary>
    private static int[] GenerateScan(string dir, int count)
    {
        Directory.CreateDirectory(Path.Combine(dir, "ca"));
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caReq = new CertificateRequest("CN=Fleet Root", caKey, HashAlgorithmName.SHA256);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caReq.PublicKey, false));
        using var ca = caReq.CreateSelfSigned(Now.AddYears(-5), Now.AddYears(10));
        File.WriteAllText(Path.Combine(dir, "ca", "root.crt"), ca.ExportCertificatePem() + "\n");
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var counts = new int[4];
        for (var i = 0; i < count; i++)
        {
            var state = i % 4;
            counts[state]++;
            var (from, to) = state switch
            {
                0 => (Now.AddDays(-400), Now.AddDays(-3 - i % 50)),
                1 => (Now.AddDays(-300), Now.AddDays(2 + i % 25)),
                2 => (Now.AddDays(-100), Now.AddDays(60 + i % 300)),
                _ => (Now.AddDays(5 + i % 30), Now.AddDays(400)),
            };
            var req = new CertificateRequest($"CN=host{i}.fleet.test", leafKey, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName($"host{i}.fleet.test");
            req.CertificateExtensions.Add(san.Build());
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
            req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
            using var leaf = req.Create(ca, from, to, BitConverter.GetBytes(i + 1000).Reverse().ToArray());
            var folder = Path.Combine(dir, $"svc{i % 20:D2}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"host{i}.crt"), leaf.ExportCertificatePem() + "\n");
        }
        counts[2]++; // the root
        return counts;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var d in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }
}
