using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Reporting;

/// <summary>Everything a report shows, computed from one input; <see cref="HtmlReportWriter"/> renders it.</summary>
/// <param name="Title">The input as named on the command line.</param>
/// <param name="Kind">What the input is.</param>
/// <param name="ToolVersion">The version of the tool that made the report.</param>
/// <param name="Files">The files read, with sizes and hashes.</param>
/// <param name="Splits">One profile per split (or one for a raw file); empty for a score output.</param>
public sealed record DatasetReport(string Title, ReportInputKind Kind, string ToolVersion, IReadOnlyList<InputFileInfo> Files, IReadOnlyList<SplitProfile> Splits)
{
    /// <summary>The columns of the prepared files (of the first one), for prepared input.</summary>
    public IReadOnlyList<SchemaField>? Schema { get; init; }

    /// <summary>How many rows use each template, most used first: from validation for prepared input, the rendering template for raw input.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Templates { get; init; } = [];

    /// <summary>Train/test overlap, for prepared input with both splits.</summary>
    public OverlapSummary? Overlap { get; init; }

    /// <summary>The <c>validate</c> result, for prepared input.</summary>
    public ValidationReport? Validation { get; init; }

    /// <summary>The score totals, for a score output.</summary>
    public ScoreProfile? Score { get; init; }

    /// <summary>Prompt lengths in tokens (length to row count), when counted.</summary>
    public IReadOnlyDictionary<int, long>? TokenLengths { get; init; }

    /// <summary>The tokenizer that counted <see cref="TokenLengths"/>.</summary>
    public string? TokenizerName { get; init; }

    /// <summary>A few rows as the model sees them.</summary>
    public IReadOnlyList<SampleRow> SampleRows { get; init; } = [];

    /// <summary>The number of rows over all splits, or of scored answers.</summary>
    public long Rows => Score?.Summary.Rows ?? Splits.Sum(s => s.Statistics.Records);
}
