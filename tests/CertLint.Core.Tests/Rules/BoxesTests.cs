using CertLint.Rules.Fields;

namespace CertLint.Tests.Rules;

/// <summary>The shared boxes of field values: made when first read, then the same box for every reader.</summary>
public sealed class BoxesTests
{
    [Test]
    public void Small_numbers_share_one_box_made_on_first_read_and_others_are_boxed_each_time()
    {
        foreach (var n in new long[] { -128, -1, 0, 1, 7, 365, 1024 })
        {
            var first = Boxes.Of(n);
            first.ShouldBe(n);
            Boxes.Of(n).ShouldBeSameAs(first);
        }
        foreach (var n in new long[] { -129, 1025, long.MaxValue, long.MinValue })
        {
            Boxes.Of(n).ShouldBe(n);
            Boxes.Of(n).ShouldNotBeSameAs(Boxes.Of(n));
        }
        Boxes.Of((long?)null).ShouldBeNull();
    }

    [Test]
    public void Booleans_have_one_box_each()
    {
        Boxes.Of(true).ShouldBe(true);
        Boxes.Of(false).ShouldBe(false);
        Boxes.Of(true).ShouldBeSameAs(Boxes.Of(true));
        Boxes.Of((bool?)null).ShouldBeNull();
    }

    [Test]
    public void Boxes_made_by_threads_at_once_all_hold_their_value()
    {
        var values = new object?[8, 1153];
        Parallel.For(0, 8, t =>
        {
            for (var i = 0; i < 1153; i++) values[t, i] = Boxes.Of(i - 128L);
        });
        for (var t = 0; t < 8; t++)
            for (var i = 0; i < 1153; i++) values[t, i].ShouldBe(i - 128L);
    }
}
