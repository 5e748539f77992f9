namespace Countdown.Preprocess.Quality;

/// <summary>One bar of the difficulty histogram: tasks whose <see cref="Solving.SolveResult.ReachShare"/> lies in <c>[Low, High)</c>.</summary>
/// <param name="Label">How <c>stats</c> prints the range, e.g. <c>1-3%</c>.</param>
/// <param name="Low">The smallest share in the bin.</param>
/// <param name="High">The share where the next bin starts (the last bin includes 1).</param>
/// <param name="Tasks">How many tasks fall in the bin.</param>
public sealed record DifficultyBin(string Label, double Low, double High, long Tasks);
