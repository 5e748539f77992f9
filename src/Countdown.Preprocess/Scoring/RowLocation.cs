using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Scoring;

/// <summary>Where a row to score sits: a 1-based line of a text file, or a 0-based row (Parquet, JSON array element).</summary>
internal readonly record struct RowLocation(string SourcePath, long? LineNumber, long? RowIndex)
{
    /// <summary>"line 17 of 'answers.jsonl'" or "row 5 of 'answers.parquet'".</summary>
    public override string ToString()
    {
        var file = SourcePath == ScoreRowReader.StandardInput ? "standard input" : $"'{SourcePath}'";
        return LineNumber is { } line ? $"on line {line} of {file}" : $"in row {RowIndex} of {file}";
    }

    public TaskDataException Missing(string field)
        => Error($"Field '{field}' is missing {this}; every row needs an integer target and a list nums (or reward_model.ground_truth with target and numbers) and a string response (or solution_str).", field);

    public TaskDataException WrongType(string field, string raw, string expected)
        => Error($"Field '{field}' {this} is '{Shorten(raw)}', not {expected}; fix the row or drop it.", field);

    public TaskDataException Error(string message, string? field)
        => new(message, SourcePath, LineNumber, RowIndex, field);

    private static string Shorten(string raw) => MessageText.Quote(raw.Length <= 60 ? raw : raw[..57] + "...", int.MaxValue);
}
