namespace Countdown.Preprocess.Reporting;

/// <summary>One set of bars in a chart.</summary>
/// <param name="Name">The legend text (the split, for prepared input).</param>
/// <param name="X">Each bar's position: a value, a bin's centre, or a category's index.</param>
/// <param name="Y">Each bar's height.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);
