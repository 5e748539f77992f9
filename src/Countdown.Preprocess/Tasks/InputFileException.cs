namespace Countdown.Preprocess.Tasks;

/// <summary>An input file cannot be used at all: missing, unreadable, truncated, empty or not of its format.</summary>
public sealed class InputFileException : CountdownException
{
    /// <summary>Creates the exception for <paramref name="sourcePath"/>.</summary>
    public InputFileException(string message, string sourcePath, Exception? inner = null) : base(message, inner)
        => SourcePath = sourcePath;

    /// <summary>The input path (or "-" for standard input).</summary>
    public string SourcePath { get; }
}
