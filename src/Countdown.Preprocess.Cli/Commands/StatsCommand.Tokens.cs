using System.Globalization;
using System.Text;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Cli.Commands;

internal sealed partial class StatsCommand
{
    /// <summary>At most this many bars: longer ranges of lengths are grouped into equal bins.</summary>
    private const int MaxTokenBars = 40;

    /// <summary>The prompt-length lines of the text report: a summary line, then the histogram as a bar chart.</summary>
    private static void WriteTokensText(StringBuilder text, TokenLengthStatistics tokens, string counting)
    {
        Line(text, "prompt tokens", string.Create(CultureInfo.InvariantCulture,
            $"min {tokens.Min}, mean {tokens.Mean:F1}, p50 {tokens.P50}, p99 {tokens.P99}, max {tokens.Max} ({counting})"));
        var width = Math.Max(1, (tokens.Max - tokens.Min + MaxTokenBars) / MaxTokenBars);
        var bins = new List<(string Label, long Rows)>();
        for (var low = tokens.Min; low <= tokens.Max; low += width)
        {
            var high = Math.Min(tokens.Max, low + width - 1);
            long rows = 0;
            foreach (var (length, count) in tokens.Histogram)
                if (length >= low && length <= high) rows += count;
            bins.Add((width == 1 ? low.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{low}-{high}"), rows));
        }
        var largest = Math.Max(1, bins.Max(b => b.Rows));
        var labelWidth = bins.Max(b => b.Label.Length);
        var countWidth = bins.Max(b => Count(b.Rows).Length);
        foreach (var (label, rows) in bins)
        {
            var bar = new string('#', (int)Math.Ceiling((double)rows * BarWidth / largest));
            text.Append(string.Create(CultureInfo.InvariantCulture, $"  {label.PadLeft(labelWidth)}  {Count(rows).PadLeft(countWidth)}  {bar}").TrimEnd()).Append('\n');
        }
    }
}
