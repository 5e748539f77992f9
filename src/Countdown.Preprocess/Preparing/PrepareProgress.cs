namespace Countdown.Preprocess.Preparing;

/// <summary>How far a <see cref="PrepareJob"/> run has come, reported as it reads and writes.</summary>
/// <param name="Stage">What is happening: <c>read</c>, <c>train</c> or <c>test</c>.</param>
/// <param name="Done">Records read or rows written so far in this stage.</param>
/// <param name="Total">The stage's total, when known.</param>
public sealed record PrepareProgress(string Stage, long Done, long? Total);
