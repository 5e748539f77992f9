namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>Median, minimum and maximum of a handful of measurements.</summary>
internal readonly record struct Stat(double Median, double Min, double Max)
{
    public static Stat? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stat(median, sorted[0], sorted[^1]);
    }
}
