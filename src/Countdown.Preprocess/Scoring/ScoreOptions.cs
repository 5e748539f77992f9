namespace Countdown.Preprocess.Scoring;

/// <summary>How answers are rated.</summary>
public sealed record ScoreOptions
{
    /// <summary>The defaults: <see cref="ScoringMode.Response"/>, strict.</summary>
    public static ScoreOptions Default { get; } = new();

    /// <summary>Where the answer is looked for; <see cref="ScoringMode.Response"/> by default.</summary>
    public ScoringMode Mode { get; init; } = ScoringMode.Response;

    /// <summary>Whether correct means the strict rule (the default) rather than TinyZero's acceptance.
    /// Ignored in <see cref="ScoringMode.TinyZero"/>, which always uses TinyZero's acceptance.</summary>
    public bool Strict { get; init; } = true;

    /// <summary>Whether correctness is judged by the strict rule.</summary>
    internal bool JudgesStrictly => Strict && Mode == ScoringMode.Response;
}
