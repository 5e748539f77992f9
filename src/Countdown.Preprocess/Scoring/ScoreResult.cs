namespace Countdown.Preprocess.Scoring;

/// <summary>The rating of one answer, as the reward function returns it.</summary>
/// <param name="Score">0.0 without an answer, 1.0 when correct, 0.1 otherwise.</param>
/// <param name="IsCorrect">Whether the answer is correct (<c>acc</c>).</param>
/// <param name="IsFormatted">Whether the output holds an answer (<c>formatted</c>).</param>
/// <param name="IsFlagged">Whether TinyZero's checker accepts the answer but the strict rule does not, or TinyZero's
/// <c>eval</c> would hang on it (<c>flagged</c>).</param>
/// <param name="Reason">Why; see <see cref="ScoreReason"/>.</param>
public readonly record struct ScoreResult(double Score, bool IsCorrect, bool IsFormatted, bool IsFlagged, ScoreReason Reason)
{
    /// <summary>The score for an answer that is not correct.</summary>
    public const double FormatScore = 0.1;

    /// <summary>The result for an output without an answer.</summary>
    public static ScoreResult NoAnswer { get; } = new(0.0, false, false, false, ScoreReason.NoAnswer);
}
