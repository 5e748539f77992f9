namespace Countdown.Preprocess.Scoring;

/// <summary>Rates model outputs for Countdown tasks with the semantics of the emitted <c>countdown_reward.py</c>.</summary>
/// <remarks>Thread-safe; never evaluates text, never hangs: parsing is linear and iterative, integers stay below
/// 131,072 bits and nesting below 1,000 pending operators.</remarks>
public static class RewardScorer
{
    /// <summary>The longest answer (in characters, after stripping) that is evaluated; a longer one that passes the syntax
    /// and numbers checks is <see cref="ScoreReason.TooLong"/>. Exact arithmetic over n factors costs n² (9*9*…*9), and a
    /// Countdown answer has a handful of numbers. <c>countdown_reward.py</c> applies the same limit (ANSWER_LENGTH_LIMIT).</summary>
    public const int AnswerLengthLimit = 10_000;

    /// <summary>Rates <paramref name="output"/> (a response, or a TinyZero log in <see cref="ScoringMode.TinyZero"/>).</summary>
    public static ScoreResult Score(ReadOnlySpan<char> output, long target, ReadOnlySpan<long> numbers, ScoreOptions? options = null)
    {
        options ??= ScoreOptions.Default;
        var found = options.Mode == ScoringMode.TinyZero
            ? AnswerExtractor.TryFindTinyZero(output, out var range)
            : AnswerExtractor.TryFindLast(output, out range);
        return found ? Rate(PythonText.Strip(output[range]), target, numbers, options.JudgesStrictly) : ScoreResult.NoAnswer;
    }

    /// <summary>Rates an answer already extracted and stripped.</summary>
    public static ScoreResult Rate(ReadOnlySpan<char> answer, long target, ReadOnlySpan<long> numbers, bool strict)
    {
        Span<long> sorted = numbers.Length <= 32 ? stackalloc long[numbers.Length] : new long[numbers.Length];
        numbers.CopyTo(sorted);
        sorted.Sort();
        var strictReason = StrictRule.Evaluate(answer, sorted, target);
        var lenientReason = TinyZeroRule.Evaluate(answer, sorted, target);
        var tooLong = strictReason == ScoreReason.TooLong || lenientReason == ScoreReason.TooLong;
        var flagged = (lenientReason == ScoreReason.Ok && strictReason != ScoreReason.Ok) || lenientReason == ScoreReason.TooLarge || tooLong;
        bool correct;
        ScoreReason reason;
        if (strict)
        {
            correct = strictReason == ScoreReason.Ok;
            reason = correct || !flagged ? strictReason
                : lenientReason == ScoreReason.Ok ? ScoreReason.NotStrict : tooLong ? ScoreReason.TooLong : ScoreReason.TooLarge;
        }
        else
        {
            correct = lenientReason == ScoreReason.Ok;
            reason = correct && flagged ? ScoreReason.NotStrict : lenientReason;
        }
        return new ScoreResult(correct ? 1.0 : ScoreResult.FormatScore, correct, true, flagged, reason);
    }
}
