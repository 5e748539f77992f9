using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Writers;

/// <summary>
/// Writes raw tasks (the input <c>prepare</c> reads) as Parquet, JSON lines or CSV; atomically: the file appears
/// complete or not at all, and a file already there is replaced only on success.
/// </summary>
public static partial class RawTaskWriter
{
    /// <summary>Picks the format from the file extension: <c>.parquet</c>, <c>.jsonl</c> (or <c>.ndjson</c>), <c>.json</c>, <c>.csv</c>.</summary>
    /// <exception cref="UsageException">The extension is none of these.</exception>
    public static RawTaskFormat FormatFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".parquet" => RawTaskFormat.Parquet,
            ".jsonl" or ".ndjson" => RawTaskFormat.Jsonl,
            ".json" => RawTaskFormat.Json,
            ".csv" => RawTaskFormat.Csv,
            var other => throw new UsageException(
                $"Output '{path}' has the extension '{other}', which names no format; end it in .parquet, .jsonl, .json or .csv."),
        };
    }

    /// <summary>Writes <paramref name="tasks"/> to <paramref name="path"/> in the format its extension names.</summary>
    /// <exception cref="UsageException">The extension names no format.</exception>
    /// <exception cref="OutputException">The file could not be written or moved into place.</exception>
    public static Task WriteAsync(string path, IReadOnlyList<CountdownTask> tasks, CancellationToken cancellationToken = default)
        => WriteAsync(path, tasks, FormatFor(path), cancellationToken);

    /// <summary>Writes <paramref name="tasks"/> to <paramref name="path"/> in <paramref name="format"/>.</summary>
    /// <exception cref="OutputException">The file could not be written or moved into place.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was left behind.</exception>
    public static Task WriteAsync(string path, IReadOnlyList<CountdownTask> tasks, RawTaskFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return WriteBatchesAsync(path, OneBatch(tasks), format, cancellationToken);
    }

    /// <summary>
    /// Writes tasks to <paramref name="path"/> as they stream in, batch by batch, holding no more than the batch at
    /// hand; a Parquet file gets row groups of <c>100,000</c> rows whatever the batch sizes.
    /// </summary>
    /// <exception cref="OutputException">The file could not be written or moved into place.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was left behind.</exception>
    public static Task WriteBatchesAsync(string path, IAsyncEnumerable<IReadOnlyList<CountdownTask>> batches, RawTaskFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(batches);
        return WriteAtomicallyAsync(path, stream => format switch
        {
            RawTaskFormat.Parquet => WriteParquetAsync(stream, batches, cancellationToken),
            RawTaskFormat.Jsonl => WriteJsonlAsync(stream, batches, cancellationToken),
            RawTaskFormat.Json => WriteJsonArrayAsync(stream, batches, cancellationToken),
            RawTaskFormat.Csv => WriteCsvAsync(stream, batches, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
        }, cancellationToken);
    }

#pragma warning disable CS1998 // An iterator over one list needs no await.
    private static async IAsyncEnumerable<IReadOnlyList<CountdownTask>> OneBatch(IReadOnlyList<CountdownTask> tasks)
    {
        yield return tasks;
    }
#pragma warning restore CS1998
}
