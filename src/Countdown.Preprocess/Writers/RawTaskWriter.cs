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
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tasks);
        return WriteAtomicallyAsync(path, stream => format switch
        {
            RawTaskFormat.Parquet => WriteParquetAsync(stream, tasks, cancellationToken),
            RawTaskFormat.Jsonl => WriteJsonlAsync(stream, tasks, cancellationToken),
            RawTaskFormat.Json => WriteJsonArrayAsync(stream, tasks, cancellationToken),
            RawTaskFormat.Csv => WriteCsvAsync(stream, tasks, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
        }, cancellationToken);
    }
}
