namespace Countdown.Preprocess.Validation;

/// <summary>One thing a prepared file gets wrong, where it is, and a one-sentence message that names the row and field.</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="File">The file path.</param>
/// <param name="Row">The 0-based row, for problems in a row.</param>
/// <param name="Field">The dotted field path (<c>extra_info.index</c>, <c>prompt[0].content</c>), when one field is at fault.</param>
/// <param name="Message">The user-facing sentence.</param>
public sealed record Violation(ViolationKind Kind, string File, long? Row, string? Field, string Message)
{
    /// <summary>Whether this fails validation always or only in strict mode.</summary>
    public Severity Severity => SeverityOf(Kind);

    /// <summary>The severity of a kind: train/test overlap is a warning, everything else an error.</summary>
    public static Severity SeverityOf(ViolationKind kind) => kind == ViolationKind.Overlap ? Severity.Warning : Severity.Error;

    /// <summary>The kind as reports name it: <c>schema</c>, <c>null</c>, <c>overlap</c> …</summary>
    public static string NameOf(ViolationKind kind) => kind.ToString().ToLowerInvariant();
}
