namespace Countdown.Preprocess.Reporting;

/// <summary>A bar chart the report draws: what it plots and the plain-words caption under it.</summary>
/// <param name="Id">A short id, unique in the report, used for the figure's anchor and its PNG file name.</param>
/// <param name="Title">The chart title.</param>
/// <param name="Caption">What the chart shows and how to read it, in a sentence or two.</param>
/// <param name="XLabel">The horizontal axis label.</param>
/// <param name="YLabel">The vertical axis label.</param>
/// <param name="Series">The bars; side by side when there are several.</param>
public sealed record ChartSpec(string Id, string Title, string Caption, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Labels for bar positions 0, 1, 2 …, for a chart of categories; null for a numeric axis.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The width of one bar (a bin) on a numeric axis. Default 1.</summary>
    public double BinWidth { get; init; } = 1;
}
