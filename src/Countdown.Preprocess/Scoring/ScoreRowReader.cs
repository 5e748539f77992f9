using System.Runtime.CompilerServices;
using System.Text;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Scoring;

/// <summary>Reads rows to score from JSON Lines, JSON, CSV or Parquet: a task as <c>target</c> and <c>nums</c> (or
/// <c>reward_model.ground_truth</c> with <c>target</c> and <c>numbers</c>) and an output as <c>response</c> (or <c>solution_str</c>).</summary>
public static partial class ScoreRowReader
{
    /// <summary>The path that stands for standard input (read as JSON Lines, or as JSON when it starts with <c>[</c>).</summary>
    public const string StandardInput = "-";

    /// <summary>Reads the rows of <paramref name="path"/> in order.</summary>
    /// <exception cref="InputFileException">The file is missing, unreadable or not of its format.</exception>
    /// <exception cref="TaskDataException">A row lacks a field or holds a value of the wrong type.</exception>
    public static async IAsyncEnumerable<ScoreRow> ReadAsync(string path, ScoreInputFormat format = ScoreInputFormat.Auto,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        await using var stream = OpenRead(path);
        var input = stream;
        if (format == ScoreInputFormat.Auto)
        {
            var head = new byte[64];
            var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (stream.CanSeek) stream.Position = 0;
            else input = new PrefixedStream(head.AsMemory(0, length), stream);
            format = Detect(path, head.AsSpan(0, length));
        }
        var rows = format switch
        {
            ScoreInputFormat.Parquet => ReadParquetAsync(input, path, cancellationToken),
            ScoreInputFormat.Json => ReadJsonAsync(input, path, cancellationToken),
            ScoreInputFormat.Csv => ReadCsvAsync(input, path, cancellationToken),
            _ => ReadJsonLinesAsync(input, path, cancellationToken),
        };
        await foreach (var row in rows.WithCancellation(cancellationToken)) yield return row;
    }

    private static ScoreInputFormat Detect(string path, ReadOnlySpan<byte> head)
    {
        var extension = path == StandardInput ? "" : Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".parquet" or ".pq": return ScoreInputFormat.Parquet;
            case ".csv": return ScoreInputFormat.Csv;
            case ".jsonl" or ".ndjson": return ScoreInputFormat.JsonLines;
        }
        if (head.StartsWith("PAR1"u8)) return ScoreInputFormat.Parquet;
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('[')) return ScoreInputFormat.Json;
        if (text.StartsWith('{') || extension == ".json" || path == StandardInput) return ScoreInputFormat.JsonLines;
        return ScoreInputFormat.Csv;
    }

    private static Stream OpenRead(string path)
    {
        if (path == StandardInput) return Console.OpenStandardInput();
        if (Directory.Exists(path))
            throw new InputFileException($"Input '{path}' is a directory, not a file; pass a .jsonl, .json, .csv or .parquet file of rows to score.", path);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException($"Input file '{path}' does not exist; check the path.", path, error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"Input file '{path}' cannot be opened ({ScoreRowReader.Clause(error.Message)}); check its permissions.", path, error);
        }
    }

    /// <summary>A system message fit to sit in parentheses inside our one sentence: its first line, without position
    /// details or full stops.</summary>
    internal static string Clause(string message)
    {
        var text = message.Split('\n')[0];
        foreach (var detail in new[] { " LineNumber:", " Path:" })
        {
            var position = text.IndexOf(detail, StringComparison.Ordinal);
            if (position >= 0) text = text[..position];
        }
        return MessageText.Quote(text.Trim().TrimEnd('.').Replace(". ", "; ", StringComparison.Ordinal), 300);
    }

    private static string Describe(string path) => path == StandardInput ? "standard input" : $"'{path}'";
}
