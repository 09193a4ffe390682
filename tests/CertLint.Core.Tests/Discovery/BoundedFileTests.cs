using CertLint.Core.Tests.Parsing;
using CertLint.Discovery;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Discovery;

/// <summary>
/// The pooled read certificate inputs use: the bytes come in a rented buffer that is zeroed when given back, so
/// nothing the model keeps may point into it. And the prefix read that looks at a file over a limit.
/// </summary>
[Platform(Exclude = "Win")]
public class BoundedFileTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [TestCase(0)]
    [TestCase(713)]
    [TestCase(5000)]
    public void A_rented_read_holds_the_files_bytes_and_is_zeroed_when_returned(int length)
    {
        var content = Enumerable.Range(0, length).Select(i => (byte)(i % 251 + 1)).ToArray();
        var path = _dir.Write("f.bin", content);
        var read = BoundedFile.ReadRented(path, 10_000);
        read.Ok.ShouldBeTrue();
        read.Size.ShouldBe(length);
        read.Bytes!.AsSpan(0, length).SequenceEqual(content).ShouldBeTrue();
        var buffer = read.Bytes;
        BoundedFile.Return(read);
        buffer.AsSpan(0, length).ContainsAnyExcept((byte)0).ShouldBeFalse();
    }

    [Test]
    public void A_rented_read_stops_at_the_limit()
    {
        var path = _dir.Write("big.bin", new byte[5000]);
        var read = BoundedFile.ReadRented(path, 4096);
        read.Failure.ShouldBe(ReadFailure.TooLarge);
        read.Bytes.ShouldBeNull();
        read.Problem.ShouldBe("file is 5000 bytes; the limit is 4096 bytes");
    }

    [Test]
    [Platform(Include = "Linux")]
    public void A_read_takes_the_size_stat_gave_as_a_hint_only()
    {
        // /proc files say they hold 0 bytes; the read (on the descriptor the native shim opened, sized by the stat
        // before it) must still return all of their content and stop at the limit.
        const string path = "/proc/self/status";
        var read = BoundedFile.ReadRented(path, 1_000_000);
        read.Ok.ShouldBeTrue();
        System.Text.Encoding.ASCII.GetString(read.Bytes!, 0, (int)read.Size).ShouldContain("VmRSS:");
        BoundedFile.Return(read);
        var plain = BoundedFile.Read(path, 1_000_000);
        System.Text.Encoding.ASCII.GetString(plain.Bytes!).ShouldContain("VmRSS:");
        var limited = BoundedFile.Read(path, 10);
        limited.Failure.ShouldBe(ReadFailure.TooLarge);
        limited.Problem.ShouldBe("file is larger than the limit of 10 bytes");
    }

    [TestCase(0, 0)]
    [TestCase(100, 100)]
    [TestCase(4096, 4096)]
    [TestCase(5000, 4096)]
    [TestCase(20_000, 4096)]
    public void A_prefix_read_returns_at_most_the_limit_of_any_file(int length, int expected)
    {
        var content = Enumerable.Range(0, length).Select(i => (byte)(i % 251 + 1)).ToArray();
        var read = BoundedFile.ReadPrefix(_dir.Write("f.bin", content), 4096);
        read.Failure.ShouldBe(ReadFailure.None);
        read.Bytes.ShouldBe(content.Take(expected).ToArray());
    }

    [Test]
    [Platform(Include = "Linux")]
    public void A_prefix_read_stops_at_the_limit_of_a_file_whose_size_is_unknown()
    {
        // /proc files say they hold 0 bytes and /dev/zero never ends: FIFOs and devices are refused unopened.
        BoundedFile.ReadPrefix("/proc/self/status", 10).Bytes!.Length.ShouldBe(10);
        BoundedFile.ReadPrefix("/dev/zero", 10).Failure.ShouldBe(ReadFailure.NotRegular);
        BoundedFile.ReadPrefix(_dir.MakeFifo("pipe.conf"), 10).Failure.ShouldBe(ReadFailure.NotRegular);
    }

    [Test]
    public void A_rented_read_refuses_a_fifo_before_opening_it()
    {
        var fifo = _dir.MakeFifo("pipe.pem");
        var read = BoundedFile.ReadRented(fifo, 4096);
        read.Failure.ShouldBe(ReadFailure.NotRegular);
        read.Bytes.ShouldBeNull();
    }

    [TestCase("leaf.der")]
    [TestCase("leaf.pem")]
    public void Certificates_parsed_from_a_file_do_not_point_into_the_read_buffer(string fixture)
    {
        // FileParser zeroes and returns its buffer after parsing: a certificate slicing it would read zeros.
        _dir.Write(fixture, Fixtures.Bytes(fixture));
        var parsed = FileParser.Parse(_dir.Source(fixture), TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        var raw = parsed.Certificates.ShouldHaveSingleItem().Raw;
        raw.Span.SequenceEqual(Fixtures.Bytes("leaf.der")).ShouldBeTrue();
    }
}
