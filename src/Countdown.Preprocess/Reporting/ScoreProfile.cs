using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Reporting;

/// <summary>What a <c>score</c> output says: totals, reasons and the flagged answers.</summary>
/// <param name="Summary">Mean score, accuracy, format rate and flagged count, as <c>score</c> computes them.</param>
/// <param name="Reasons">How many answers got each reason, in <see cref="ScoreReason"/> order, zero counts included.</param>
/// <param name="Flagged">The first flagged answers: reward hacks TinyZero's checker lets through, or answers too large to evaluate.</param>
public sealed record ScoreProfile(ScoreSummary Summary, IReadOnlyList<KeyValuePair<ScoreReason, long>> Reasons, IReadOnlyList<ScoreExample> Flagged);
