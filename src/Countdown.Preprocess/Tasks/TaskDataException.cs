namespace Countdown.Preprocess.Tasks;

/// <summary>A record of the input is malformed; carries where it is (file, line or row, field).</summary>
public sealed class TaskDataException : CountdownException
{
    /// <summary>Creates the exception; <paramref name="message"/> is one sentence that already names the location.</summary>
    public TaskDataException(string message, string sourcePath, long? lineNumber = null, long? rowIndex = null, string? field = null, Exception? inner = null)
        : base(message, inner)
    {
        SourcePath = sourcePath;
        LineNumber = lineNumber;
        RowIndex = rowIndex;
        Field = field;
    }

    /// <summary>The input path (or "-" for standard input).</summary>
    public string SourcePath { get; }

    /// <summary>The 1-based line of a text input, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>The 0-based record index (Parquet row, JSON array element, CSV data row), when known.</summary>
    public long? RowIndex { get; }

    /// <summary>The field at fault (<c>target</c>, <c>nums</c>), when one is.</summary>
    public string? Field { get; }
}
