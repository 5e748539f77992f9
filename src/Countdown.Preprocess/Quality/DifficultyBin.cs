namespace Countdown.Preprocess.Quality;

/// <summary>
/// One bar of the difficulty histogram: tasks whose <see cref="Solving.SolveResult.ReachShare"/> lies in
/// <c>[Low, High)</c>, except that the unsolvable bin (0, 0) holds share 0 only, the next one (0, 0.001) positive
/// shares only, and the last one includes 1.
/// </summary>
/// <param name="Label">How <c>stats</c> prints the range, e.g. <c>1-3%</c>.</param>
/// <param name="Low">The smallest share in the bin.</param>
/// <param name="High">The share where the next bin starts.</param>
/// <param name="Tasks">How many tasks fall in the bin.</param>
public sealed record DifficultyBin(string Label, double Low, double High, long Tasks);
