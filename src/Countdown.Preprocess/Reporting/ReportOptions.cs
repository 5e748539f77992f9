using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Reporting;

/// <summary>How <see cref="ReportBuilder"/> reads its input and what it puts in the report.</summary>
public sealed record ReportOptions
{
    /// <summary>Solve every task for the solvability and difficulty section. Default true.</summary>
    public bool Solve { get; init; } = true;

    /// <summary>How many examples each list of examples (unsolvable, duplicates, overlap, flagged) shows at most. Default 8.</summary>
    public int Examples { get; init; } = 8;

    /// <summary>How many rows per split are shown as the model sees them. Default 2.</summary>
    public int SampleRows { get; init; } = 2;

    /// <summary>The format of a raw task file; <see cref="TaskInputFormat.Auto"/> (the default) tells it from the extension.</summary>
    public TaskInputFormat InputFormat { get; init; } = TaskInputFormat.Auto;

    /// <summary>The template raw tasks are shown with, as <c>prepare</c> would render them. Default <c>base</c>, prepare's default.</summary>
    public PromptTemplate Template { get; init; } = PromptTemplates.Base;

    /// <summary>The tool version the overview names. Default "unknown".</summary>
    public string ToolVersion { get; init; } = "unknown";

    /// <summary>Counts a prompt's tokens; when set, every row's prompt is rendered (with <see cref="Template"/> for raw input, with
    /// the template the prepared rows match otherwise) and counted into <see cref="TokenLengths"/>.</summary>
    public Func<IReadOnlyList<ChatMessage>, int>? CountPromptTokens { get; init; }

    /// <summary>Prompt lengths in tokens (length to row count), when a tokenizer counted them; null leaves the section out.</summary>
    public IReadOnlyDictionary<int, long>? TokenLengths { get; init; }

    /// <summary>The tokenizer that counted <see cref="TokenLengths"/>, named in the caption.</summary>
    public string? TokenizerName { get; init; }
}
