using Countdown.Preprocess.Reporting;

namespace Countdown.Preprocess.Tests.Reporting;

public sealed class HistogramTests
{
    [Fact]
    public void Bin_NarrowRange_OneBarPerValue()
    {
        var (x, y, width) = Histogram.Bin(new Dictionary<long, long> { [10] = 2, [12] = 5 });

        Assert.Equal(1, width);
        Assert.Equal([10.0, 12.0], x);
        Assert.Equal([2.0, 5.0], y);
    }

    [Fact]
    public void Bin_WideRange_EqualWidthBinsKeepEveryCount()
    {
        var counts = Enumerable.Range(1, 1000).ToDictionary(v => (long)v, v => (long)(v % 7));

        var (x, y, width) = Histogram.Bin(counts, maxBars: 100);

        Assert.Equal(10, width);
        Assert.Equal(100, x.Length);
        Assert.Equal(counts.Values.Sum(), y.Sum());
        Assert.Equal(1 + 5 - 0.5, x[0]); // values 1..10, centred as single values are
        Assert.Equal(Enumerable.Range(1, 10).Sum(v => v % 7), y[0]);
    }

    [Fact]
    public void Share_OfTotal_IsPercent()
    {
        Assert.Equal([25.0, 75.0], Histogram.Share([1, 3], 4));
        Assert.Equal([0.0], Histogram.Share([0], 0));
    }
}
