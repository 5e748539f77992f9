using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Reporting;

/// <summary>One rated answer shown as an example.</summary>
/// <param name="Index">The row index the <c>score</c> line carries.</param>
/// <param name="Score">Its score.</param>
/// <param name="Reason">Why it got that score.</param>
public sealed record ScoreExample(long Index, double Score, ScoreReason Reason);
