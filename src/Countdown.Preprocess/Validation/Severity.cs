namespace Countdown.Preprocess.Validation;

/// <summary>Whether a violation fails validation always (an error) or only with <c>--strict</c> (a warning).</summary>
public enum Severity
{
    /// <summary>Always fails validation.</summary>
    Error,

    /// <summary>Fails validation only when warnings count as failures.</summary>
    Warning,
}
