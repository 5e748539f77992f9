using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads raw Countdown tasks from Parquet, JSON Lines, JSON or CSV, checking every record.</summary>
public static class TaskReader
{
    /// <summary>The names <c>--input-format</c> accepts besides <c>auto</c>, in help order.</summary>
    private const string FormatChoices = "parquet, jsonl, json, csv";

    /// <summary>Picks the format to read <paramref name="path"/> as: <paramref name="requested"/> unless it is <see cref="TaskInputFormat.Auto"/>, else by extension.</summary>
    /// <remarks>
    /// <c>.parquet</c>/<c>.pq</c> are Parquet, <c>.jsonl</c>/<c>.ndjson</c> JSON Lines, <c>.json</c> JSON, <c>.csv</c>/<c>.tsv</c> CSV.
    /// Standard input (<c>-</c>) stays <see cref="TaskInputFormat.Auto"/>: <see cref="ReadAsync(string, TaskInputFormat, CancellationToken)"/> then tells the format from the content.
    /// </remarks>
    /// <exception cref="UsageException">The extension is unknown and no format was requested.</exception>
    public static TaskInputFormat ResolveFormat(string path, TaskInputFormat requested)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (requested != TaskInputFormat.Auto || path == InputFiles.StandardInput)
            return requested;
        string extension = Path.GetExtension(path);
        return extension.ToLowerInvariant() switch
        {
            ".parquet" or ".pq" => TaskInputFormat.Parquet,
            ".jsonl" or ".ndjson" => TaskInputFormat.Jsonl,
            ".json" => TaskInputFormat.Json,
            ".csv" or ".tsv" => TaskInputFormat.Csv,
            "" => throw new UsageException($"Cannot tell the format of '{path}', which has no extension; pass --input-format with one of: {FormatChoices}."),
            _ => throw new UsageException($"Cannot tell the format of '{path}' from its extension '{extension}'; pass --input-format with one of: {FormatChoices}."),
        };
    }

    /// <summary>Streams the tasks of <paramref name="path"/> in input order; <c>-</c> reads standard input.</summary>
    /// <param name="path">The input file, or <c>-</c> for standard input.</param>
    /// <param name="format">The format, or <see cref="TaskInputFormat.Auto"/> to resolve it as <see cref="ResolveFormat"/> does.</param>
    /// <param name="cancellationToken">Checked between batches (a Parquet row group, a block of lines).</param>
    /// <exception cref="UsageException">The format cannot be told from the extension.</exception>
    /// <exception cref="InputFileException">The input is missing, unreadable, truncated, not of its format, or holds no records.</exception>
    /// <exception cref="TaskDataException">A record is malformed; the exception names the file, line or row, and field.</exception>
    public static async IAsyncEnumerable<CountdownTask> ReadAsync(
        string path, TaskInputFormat format, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TaskInputFormat resolved = ResolveFormat(path, format);
        await using Stream stream = InputFiles.OpenRead(path);
        // Batches are flattened here rather than through the stream overload: one iterator step per task, not two.
        await foreach (var batch in ReadCheckedBatchesAsync(stream, path, resolved, cancellationToken).ConfigureAwait(false))
        {
            foreach (var task in batch)
                yield return task;
        }
    }

    /// <summary>Streams the tasks of <paramref name="path"/> in input order, a batch (a Parquet row group, a block of lines) at a time; each batch is a new list.</summary>
    /// <remarks>Checks and errors as <see cref="ReadAsync(string, TaskInputFormat, CancellationToken)"/>.</remarks>
    internal static async IAsyncEnumerable<List<CountdownTask>> ReadBatchesAsync(
        string path, TaskInputFormat format, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TaskInputFormat resolved = ResolveFormat(path, format);
        await using Stream stream = InputFiles.OpenRead(path);
        await foreach (var batch in ReadCheckedBatchesAsync(stream, path, resolved, cancellationToken).ConfigureAwait(false))
            yield return batch;
    }

    /// <summary>Streams the tasks of an open <paramref name="stream"/>, named <paramref name="sourcePath"/> in messages; the stream is left open.</summary>
    /// <remarks>With <see cref="TaskInputFormat.Auto"/> the content decides: <c>PAR1</c> is Parquet, '[' JSON, '{' JSON Lines, anything else CSV.</remarks>
    internal static async IAsyncEnumerable<CountdownTask> ReadAsync(
        Stream stream, string sourcePath, TaskInputFormat format, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var batch in ReadCheckedBatchesAsync(stream, sourcePath, format, cancellationToken).ConfigureAwait(false))
        {
            foreach (var task in batch)
                yield return task;
        }
    }

    /// <summary>The batches of the format's reader, after sniffing <see cref="TaskInputFormat.Auto"/>; throws at the end when there were no records.</summary>
    private static async IAsyncEnumerable<List<CountdownTask>> ReadCheckedBatchesAsync(
        Stream stream, string sourcePath, TaskInputFormat format, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (format == TaskInputFormat.Auto)
        {
            var peeked = await PeekedStream.PeekAsync(stream, sourcePath, cancellationToken).ConfigureAwait(false);
            format = Sniff(peeked.Prefix);
            stream = peeked;
        }
        long count = 0;
        await foreach (var batch in ReadBatchesAsync(stream, sourcePath, format, cancellationToken).ConfigureAwait(false))
        {
            count += batch.Count;
            yield return batch;
        }
        if (count == 0)
        {
            throw new InputFileException(
                $"{InputFiles.DescribeAtStart(sourcePath)} holds no records; check that it is the right file and that it is not empty.", sourcePath);
        }
    }

    private static IAsyncEnumerable<List<CountdownTask>> ReadBatchesAsync(Stream stream, string sourcePath, TaskInputFormat format, CancellationToken cancellationToken)
        => format switch
        {
            TaskInputFormat.Parquet => ParquetTaskReader.ReadBatchesAsync(stream, sourcePath, cancellationToken),
            TaskInputFormat.Jsonl => JsonlTaskReader.ReadBatchesAsync(stream, sourcePath, cancellationToken),
            TaskInputFormat.Json => JsonTaskReader.ReadBatchesAsync(stream, sourcePath, cancellationToken),
            TaskInputFormat.Csv => CsvTaskReader.ReadBatchesAsync(stream, sourcePath,
                string.Equals(Path.GetExtension(sourcePath), ".tsv", StringComparison.OrdinalIgnoreCase), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown input format."),
        };

    private static TaskInputFormat Sniff(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith("PAR1"u8))
            return TaskInputFormat.Parquet;
        return PeekedStream.FirstContentByte(prefix) switch
        {
            (byte)'[' => TaskInputFormat.Json,
            (byte)'{' or null => TaskInputFormat.Jsonl,
            _ => TaskInputFormat.Csv,
        };
    }
}
