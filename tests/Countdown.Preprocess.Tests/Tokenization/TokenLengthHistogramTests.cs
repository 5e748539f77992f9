using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Tests.Tokenization;

public sealed class TokenLengthHistogramTests
{
    [Fact]
    public void ToStatistics_HundredLengths_NearestRankPercentiles()
    {
        var histogram = new TokenLengthHistogram();
        for (var i = 1; i <= 100; i++) histogram.Add(i);

        var stats = histogram.ToStatistics()!;

        Assert.Equal((1, 100, 50.5, 50, 99), (stats.Min, stats.Max, stats.Mean, stats.P50, stats.P99));
        Assert.Equal(100, stats.Count);
    }

    [Fact]
    public void Add_OtherHistogram_MergesCounts()
    {
        var a = new TokenLengthHistogram();
        a.Add(5);
        a.Add(7);
        var b = new TokenLengthHistogram();
        b.Add(7);

        a.Add(b);

        Assert.Equal(new Dictionary<int, long> { [5] = 1, [7] = 2 }, a.ToStatistics()!.Histogram);
    }

    [Fact]
    public void ToStatistics_Empty_Null() => Assert.Null(new TokenLengthHistogram().ToStatistics());
}
