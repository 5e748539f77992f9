namespace Countdown.Preprocess.Scoring;

/// <summary>Why an answer got its score; <see cref="ScoreReasons.ToText"/> gives the short name the <c>score</c> command prints.</summary>
public enum ScoreReason
{
    /// <summary>The answer is correct (<c>ok</c>).</summary>
    Ok,

    /// <summary>The output holds no <c>&lt;answer&gt;…&lt;/answer&gt;</c> pair (<c>no-answer</c>).</summary>
    NoAnswer,

    /// <summary>The answer is not an expression the rule accepts: other characters, bad syntax, leading zeros,
    /// more than 200 nested parentheses (<c>unparsable</c>).</summary>
    Unparsable,

    /// <summary>The numbers in the answer are not the task's numbers, each used once (<c>wrong-numbers</c>).</summary>
    WrongNumbers,

    /// <summary>The answer evaluates, but not to the target (<c>wrong-value</c>).</summary>
    WrongValue,

    /// <summary>The answer divides by zero (<c>division-by-zero</c>).</summary>
    DivisionByZero,

    /// <summary>Python's evaluation raises another error: a float overflow, calling a number, the empty tuple, <c>...</c> (<c>eval-error</c>).</summary>
    EvalError,

    /// <summary>TinyZero's <c>eval</c> would hang or run out of memory: a huge integer or deep nesting; refused and flagged (<c>too-large</c>).</summary>
    TooLarge,

    /// <summary>TinyZero's checker accepts the answer but the strict rule does not: <c>**</c>, <c>//</c>, decimals, unary signs (<c>not-strict</c>).</summary>
    NotStrict,

    /// <summary>A well-formed answer with the task's numbers, longer than <see cref="RewardScorer.AnswerLengthLimit"/> characters: not evaluated, flagged (<c>too-long</c>).</summary>
    TooLong,
}

/// <summary>Names of <see cref="ScoreReason"/> values.</summary>
public static class ScoreReasons
{
    /// <summary>The short kebab-case name of a reason, as printed by the <c>score</c> command and the Python module.</summary>
    public static string ToText(this ScoreReason reason) => reason switch
    {
        ScoreReason.Ok => "ok",
        ScoreReason.NoAnswer => "no-answer",
        ScoreReason.Unparsable => "unparsable",
        ScoreReason.WrongNumbers => "wrong-numbers",
        ScoreReason.WrongValue => "wrong-value",
        ScoreReason.DivisionByZero => "division-by-zero",
        ScoreReason.EvalError => "eval-error",
        ScoreReason.TooLarge => "too-large",
        ScoreReason.NotStrict => "not-strict",
        ScoreReason.TooLong => "too-long",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
