namespace Countdown.Preprocess.Validation;

/// <summary>The result of validating prepared files: one report per file, train/test overlap attached to the test file.</summary>
/// <param name="Files">The file reports in the order validated.</param>
public sealed record ValidationReport(IReadOnlyList<FileReport> Files)
{
    /// <summary>The number of errors over all files.</summary>
    public long ErrorCount => Files.Sum(f => f.ErrorCount);

    /// <summary>The number of warnings over all files.</summary>
    public long WarningCount => Files.Sum(f => f.WarningCount);

    /// <summary>The number of rows read over all files.</summary>
    public long RowCount => Files.Sum(f => f.RowCount);

    /// <summary>Whether the files pass: no errors, and also no warnings when <paramref name="strict"/>.</summary>
    public bool Passed(bool strict) => ErrorCount == 0 && (!strict || WarningCount == 0);
}
