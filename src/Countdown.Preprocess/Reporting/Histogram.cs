namespace Countdown.Preprocess.Reporting;

/// <summary>Turns counts by integer value into at most a given number of equal-width bars.</summary>
internal static class Histogram
{
    /// <summary>The bars for <paramref name="counts"/>: one per value when the range fits in <paramref name="maxBars"/>, else bins of equal width.</summary>
    /// <returns>Each bar's centre and count, and the bar width.</returns>
    public static (double[] X, double[] Y, double Width) Bin(IReadOnlyDictionary<long, long> counts, int maxBars = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBars, 1);
        if (counts.Count == 0) return ([], [], 1);
        var min = counts.Keys.Min();
        var max = counts.Keys.Max();
        var span = (double)max - min + 1;
        var width = span <= maxBars ? 1 : Math.Ceiling(span / maxBars);
        var bars = new SortedDictionary<long, long>();
        foreach (var (value, count) in counts)
        {
            var bin = (long)Math.Floor(((double)value - min) / width);
            bars[bin] = bars.GetValueOrDefault(bin) + count;
        }

        // A bar covers the values [start, start + width): its centre is half a bar in, less the half value a single value's bar is centred on.
        var x = bars.Keys.Select(b => min + b * width + width / 2 - 0.5).ToArray();
        var y = bars.Values.Select(c => (double)c).ToArray();
        return (x, y, width);
    }

    /// <summary>The same bars as percentages of <paramref name="total"/>.</summary>
    public static double[] Share(IReadOnlyList<double> counts, long total)
        => counts.Select(c => total == 0 ? 0 : 100.0 * c / total).ToArray();
}
