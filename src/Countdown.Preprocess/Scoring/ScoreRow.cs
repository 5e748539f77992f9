namespace Countdown.Preprocess.Scoring;

/// <summary>One row to score: a task and a model output.</summary>
/// <param name="Index">The 0-based position of the row in its input.</param>
/// <param name="Target">The number to reach.</param>
/// <param name="Numbers">The numbers to use, each once.</param>
/// <param name="Output">The model output: a response (<c>response</c> or <c>solution_str</c>), or a TinyZero log.</param>
public sealed record ScoreRow(long Index, long Target, long[] Numbers, string Output);
