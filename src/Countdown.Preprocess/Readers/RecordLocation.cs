namespace Countdown.Preprocess.Readers;

/// <summary>How a record's position is told to the user.</summary>
internal enum RecordLocationKind
{
    /// <summary>A 1-based line of a text file (JSON Lines, CSV).</summary>
    Line,

    /// <summary>A 0-based row of a Parquet file.</summary>
    Row,

    /// <summary>A 0-based element of a JSON array, with the line it starts on.</summary>
    ArrayElement,
}

/// <summary>Where a record sits in its input, for error messages and <see cref="Tasks.TaskDataException"/>.</summary>
internal readonly record struct RecordLocation(string SourcePath, RecordLocationKind Kind, long? LineNumber, long? RowIndex)
{
    /// <summary>A line of a text input; <paramref name="rowIndex"/> is the 0-based data row when it differs from the line.</summary>
    public static RecordLocation Line(string sourcePath, long lineNumber, long? rowIndex = null)
        => new(sourcePath, RecordLocationKind.Line, lineNumber, rowIndex);

    /// <summary>A 0-based Parquet row.</summary>
    public static RecordLocation Row(string sourcePath, long rowIndex)
        => new(sourcePath, RecordLocationKind.Row, null, rowIndex);

    /// <summary>A 0-based JSON array element starting on a 1-based line.</summary>
    public static RecordLocation ArrayElement(string sourcePath, long index, long lineNumber)
        => new(sourcePath, RecordLocationKind.ArrayElement, lineNumber, index);

    /// <summary>The location as a phrase, e.g. "line 17 of 'tasks.jsonl'".</summary>
    public override string ToString() => Kind switch
    {
        RecordLocationKind.Line => $"line {LineNumber} of {InputFiles.Describe(SourcePath)}",
        RecordLocationKind.Row => $"row {RowIndex} of {InputFiles.Describe(SourcePath)}",
        _ => $"array element {RowIndex} (line {LineNumber}) of {InputFiles.Describe(SourcePath)}",
    };
}
