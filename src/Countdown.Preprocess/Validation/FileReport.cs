namespace Countdown.Preprocess.Validation;

/// <summary>The validation result of one prepared file.</summary>
/// <param name="Path">The file path.</param>
/// <param name="Split">The split the file holds: from its name (<c>train.parquet</c>, <c>test.parquet</c>) or else its first row.</param>
/// <param name="RowCount">The rows read.</param>
/// <param name="TemplateRows">How many rows matched each template, by template name, most used first.</param>
/// <param name="Violations">The violations by kind, in kind order.</param>
public sealed record FileReport(
    string Path, string? Split, long RowCount, IReadOnlyList<KeyValuePair<string, long>> TemplateRows, IReadOnlyList<ViolationSummary> Violations)
{
    /// <summary>The number of errors.</summary>
    public long ErrorCount => Violations.Where(v => v.Severity == Severity.Error).Sum(v => v.Count);

    /// <summary>The number of warnings.</summary>
    public long WarningCount => Violations.Where(v => v.Severity == Severity.Warning).Sum(v => v.Count);
}
