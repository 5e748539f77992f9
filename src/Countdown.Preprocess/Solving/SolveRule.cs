namespace Countdown.Preprocess.Solving;

/// <summary>Which expressions count as a solution of a Countdown task.</summary>
public enum SolveRule
{
    /// <summary>TinyZero's rule reward: any expression over every number once with <c>+ - * /</c> and parentheses, exact rational value equal to the target.</summary>
    Reward,

    /// <summary>The Stream-of-Search generator's rule: every intermediate value a non-negative integer, division only when exact.</summary>
    Integer,
}
