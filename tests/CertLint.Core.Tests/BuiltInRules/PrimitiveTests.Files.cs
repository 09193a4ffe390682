using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules.Primitives;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>Primitives that judge files: parse issues, key file modes, bundles.</summary>
public sealed class FilePrimitiveTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Files Root");
    private static readonly TestCertificate Inter = Root.IssueCa("Files Intermediate");
    private static readonly TestCertificate Leaf = Inter.Issue("www.files.test", o => o.ServerAuth().Dns("www.files.test"));

    [Test]
    public void Parse_issue_reports_each_selected_issue_at_its_own_line()
    {
        var file = PrimitiveHarness.File("broken/a.pem");
        var parsed = new ParsedFile
        {
            File = file,
            Issues =
            [
                new ParseIssue(ParseIssueKind.ParseError, new SourceLocation(file, 7, 9), "bad base64"),
                new ParseIssue(ParseIssueKind.PasswordRequired, new SourceLocation(file, 12, 20), "encrypted"),
                new ParseIssue(ParseIssueKind.Unreadable, new SourceLocation(file), "permission denied"),
            ],
        };
        var h = new PrimitiveHarness();

        var errors = h.Run(new ParseIssuePrimitive(), PrimitiveHarness.Subject(parsed));
        errors.Select(v => v.Values["problem"]).ShouldBe(["bad base64", "permission denied"]);
        errors[0].Location!.StartLine.ShouldBe(7);

        var passwords = h.Run(new ParseIssuePrimitive(), PrimitiveHarness.Subject(parsed), ("kinds", (string[])["password-required"]));
        passwords.Single().Values["line"].ShouldBe(12);
    }

    [Test]
    public void Parse_issue_is_silent_on_a_clean_file()
    {
        var parsed = new ParsedFile { File = PrimitiveHarness.File("ok.pem") };
        new PrimitiveHarness().Run(new ParseIssuePrimitive(), PrimitiveHarness.Subject(parsed)).ShouldBeEmpty();
    }

    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "644", "group and others")]
    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, "660", "group")]
    [TestCase(UnixFileMode.UserRead | UnixFileMode.OtherWrite, "402", "others")]
    public void Private_key_readable_by_others_gets_the_chmod_to_fix_it(UnixFileMode mode, string octal, string exposed)
    {
        var h = new PrimitiveHarness();
        var key = h.AddKey(Leaf.Key, "certs/www.key");
        var parsed = new ParsedFile { File = PrimitiveHarness.File("certs/www.key", mode), Keys = [key] };

        var v = h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(parsed)).ShouldHaveSingleItem();
        v.Values["mode"].ShouldBe(octal);
        v.Values["exposedTo"].ShouldBe(exposed);
        v.Values["chmod"].ShouldBe("chmod 600 certs/www.key");
    }

    [Test]
    public void Private_key_mode_passes_when_owner_only_unknown_or_group_read_is_allowed()
    {
        var h = new PrimitiveHarness();
        var key = h.AddKey(Leaf.Key);
        ParsedFile With(UnixFileMode? mode) => new() { File = PrimitiveHarness.File("a b/it's.key", mode), Keys = [key] };
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;

        h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(With(owner))).ShouldBeEmpty();
        h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(With(null))).ShouldBeEmpty();
        h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(With(owner | UnixFileMode.GroupRead)), ("allowGroupRead", true)).ShouldBeEmpty();

        // Group read allowed but others can read: the fix keeps the group's read.
        var v = h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(With(owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead)),
            ("allowGroupRead", true)).ShouldHaveSingleItem();
        v.Values["chmod"].ShouldBe("chmod 640 'a b/it'\\''s.key'");
    }

    [Test]
    public void Certificates_and_public_keys_may_be_world_readable_but_keystores_and_locked_keys_may_not()
    {
        var h = new PrimitiveHarness();
        const UnixFileMode mode644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var file = PrimitiveHarness.File("x.pem", mode644);
        var cert = h.Add(Leaf, "x.pem");
        var publicKey = new KeyInfo { Location = new SourceLocation(file), Format = ObjectFormat.Pem, Encoding = KeyEncoding.SubjectPublicKeyInfo, IsPrivate = false };

        h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(new ParsedFile { File = file, Certificates = [cert], Keys = [publicKey] })).ShouldBeEmpty();
        h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(new ParsedFile { File = file, Keystore = new KeystoreInfo(new SourceLocation(file), true, 1, 1) })).ShouldHaveSingleItem();
        var locked = new ParsedFile { File = file, Issues = [new ParseIssue(ParseIssueKind.PasswordRequired, new SourceLocation(file), "encrypted")] };
        h.Run(new PrivateFileModePrimitive(), PrimitiveHarness.Subject(locked)).ShouldHaveSingleItem();
    }

    [Test]
    public void Bundles_report_incompleteness_and_order_separately()
    {
        var h = new PrimitiveHarness();
        var file = PrimitiveHarness.File("fullchain.pem");
        var leaf = h.Add(Leaf, "fullchain.pem");
        var inter = h.Add(Inter, "fullchain.pem");
        var subject = PrimitiveHarness.Subject(new ParsedFile { File = file, Certificates = [leaf, inter] });

        h.Bundles.Add(new BundleInfo(file, [inter, leaf], Complete: true, Ordered: false, ["CN=Files Intermediate comes before the certificate it issued"]));
        h.Run(new BundleOrderPrimitive(), subject).ShouldHaveSingleItem().Values["order"].ShouldBe("CN=Files Intermediate -> CN=www.files.test");
        h.Run(new ChainCompletePrimitive(), subject).ShouldBeEmpty();

        h.Bundles[0] = new BundleInfo(file, [leaf], Complete: false, Ordered: true, ["issuer CN=Files Intermediate is not in the file"]);
        h.Run(new BundleOrderPrimitive(), subject).ShouldBeEmpty();
        h.Run(new ChainCompletePrimitive(), subject).ShouldHaveSingleItem().Values["problems"].ShouldBe("issuer CN=Files Intermediate is not in the file");
        h.Run(new ChainCompletePrimitive(), subject, ("bundles", false)).ShouldBeEmpty();

        h.Bundles[0] = new BundleInfo(file, [leaf, inter], Complete: true, Ordered: true, []);
        h.Run(new BundleOrderPrimitive(), subject).ShouldBeEmpty();
        h.Run(new ChainCompletePrimitive(), subject).ShouldBeEmpty();
    }
}
