using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Reporting;

/// <summary>The charts a report draws, computed from its figures.</summary>
public static class ReportCharts
{
    /// <summary>The charts for <paramref name="report"/>, in page order; several splits share a chart as percentages.</summary>
    public static IReadOnlyList<ChartSpec> For(DatasetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var charts = new List<ChartSpec>();
        var splits = report.Splits;
        var shares = splits.Count > 1;
        var unit = shares ? "% of the split's tasks" : "tasks";
        if (splits.Count > 0 && report.Rows > 0)
        {
            charts.Add(Values("targets", "Targets", "How many tasks ask for each target (bars are bins when the range is wide).",
                "target", unit, splits.Select(s => (s.Name, (IReadOnlyDictionary<long, long>)s.Targets, s.Statistics.Records)).ToArray(), shares));
            var counts = splits.SelectMany(s => s.Statistics.TasksByNumberCount.Keys).Distinct().Order().ToArray();
            charts.Add(new ChartSpec("numbers-per-task", "Numbers per task", "How many tasks give 3, 4, … numbers to combine.",
                "numbers in the task", unit,
                splits.Select(s => Series(s.Name, counts.Select(c => (double)s.Statistics.TasksByNumberCount.GetValueOrDefault(c)).ToArray(), s.Statistics.Records, shares)).ToArray())
            {
                Categories = counts.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            });
            charts.Add(Values("number-values", "Number values", "How often each value appears among the numbers of all tasks.",
                "number", shares ? "% of the split's numbers" : "occurrences",
                splits.Select(s => (s.Name, (IReadOnlyDictionary<long, long>)s.NumberValues, s.NumberValues.Values.Sum())).ToArray(), shares));
        }

        if (splits.Count > 0 && splits.All(s => s.Solving is { Tasks: > 0 }))
        {
            var bins = splits[0].Solving!.Difficulty;
            charts.Add(new ChartSpec("difficulty", "Difficulty",
                "Share of random operation sequences that reach the target (the exact solver counts them): left bars are hard, the first bar is unsolvable.",
                "share of sequences reaching the target", unit,
                splits.Select(s => Series(s.Name, s.Solving!.Difficulty.Select(b => (double)b.Tasks).ToArray(), s.Solving.Tasks, shares)).ToArray())
            {
                Categories = bins.Select(b => b.Label).ToArray(),
            });
        }

        if (report.TokenLengths is { Count: > 0 } lengths)
        {
            var (x, y, width) = Histogram.Bin(lengths.ToDictionary(p => (long)p.Key, p => p.Value));
            var tokenizer = report.TokenizerName is { } name ? $" ({name})" : "";
            var caption = $"How many prompts have each length in tokens{tokenizer}; veRL's max_prompt_length must cover the longest.";
            charts.Add(new ChartSpec("token-lengths", "Prompt length in tokens", caption, "tokens", "prompts", [new ChartSeries("prompts", x, y)]) { BinWidth = width });
        }

        if (report.Score is { } score)
        {
            charts.Add(new ChartSpec("score-reasons", "Why answers got their score",
                "How many answers got each reason: ok is correct; not-strict and too-large are flagged.",
                "reason", "answers", [new ChartSeries("answers", score.Reasons.Select((_, i) => (double)i).ToArray(), score.Reasons.Select(r => (double)r.Value).ToArray())])
            {
                Categories = score.Reasons.Select(r => r.Key.ToText()).ToArray(),
            });
        }

        return charts;
    }

    private static ChartSpec Values(string id, string title, string caption, string xLabel, string yLabel,
        IReadOnlyList<(string Name, IReadOnlyDictionary<long, long> Counts, long Total)> splits, bool shares)
    {
        var all = new Dictionary<long, long>();
        foreach (var split in splits)
        {
            foreach (var (value, count) in split.Counts) all[value] = all.GetValueOrDefault(value) + count;
        }

        if (all.Count == 0) return new ChartSpec(id, title, caption, xLabel, yLabel, []);
        var (_, _, width) = Histogram.Bin(all);
        var series = splits.Select(s =>
        {
            // Bin each split over the common range so the bars of all splits line up.
            var padded = new Dictionary<long, long>(s.Counts);
            foreach (var value in new[] { all.Keys.Min(), all.Keys.Max() }) padded.TryAdd(value, 0);
            var (x, y, _) = Histogram.Bin(padded);
            return new ChartSeries(s.Name, x, shares ? Histogram.Share(y, s.Total) : y);
        }).ToArray();
        return new ChartSpec(id, title, caption, xLabel, yLabel, series) { BinWidth = width };
    }

    private static ChartSeries Series(string name, double[] counts, long total, bool shares)
        => new(name, counts.Select((_, i) => (double)i).ToArray(), shares ? Histogram.Share(counts, total) : counts);
}
