using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Reporting;

/// <summary>One rated answer shown as an example.</summary>
/// <param name="Index">The row index the <c>score</c> line carries.</param>
/// <param name="Score">Its score.</param>
/// <param name="Reason">Why it got that score.</param>
public sealed record ScoreExample(long Index, double Score, ScoreReason Reason)
{
    /// <summary>The task's target, when the report read the answers themselves.</summary>
    public long? Target { get; init; }

    /// <summary>The task's numbers, when the report read the answers themselves.</summary>
    public IReadOnlyList<long>? Numbers { get; init; }

    /// <summary>The extracted answer (or, without one, the end of the output), when the report read the answers themselves.</summary>
    public string? Answer { get; init; }
}
