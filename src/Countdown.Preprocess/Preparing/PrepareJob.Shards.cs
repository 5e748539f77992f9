using Countdown.Preprocess.Output;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Sharding;

namespace Countdown.Preprocess.Preparing;

public static partial class PrepareJob
{
    /// <summary>
    /// Writes one split as <c>split.parquet</c>, or with <see cref="PrepareOptions.MaxRowsPerFile"/> as Hugging Face
    /// shards (<c>train-00000-of-00004.parquet</c>, each a complete file with the same schema and metadata); every file
    /// joins <paramref name="outputs"/>, so the whole set still commits or vanishes together.
    /// </summary>
    /// <remarks>The shard count follows from the split size, which the job knows before writing (it fails when the input is shorter).
    /// <c>extra_info.index</c> runs on across shards, so the shards in order equal the single file row for row.</remarks>
    private static async Task<(PreparedOutput First, IReadOnlyList<PreparedOutput>? Shards)> WriteSplitFilesAsync(
        AtomicFileSet outputs, RowGroupSlotPool slots, string split, long rows, IEnumerable<PreparedRow> source, PrepareOptions options, CancellationToken cancellationToken)
    {
        if (options.MaxRowsPerFile is not { } perFile)
        {
            var single = Path.Combine(options.OutputDirectory, split + ".parquet");
            return (await WriteSplitAsync(outputs, slots, single, source, options, cancellationToken), null);
        }
        var count = ShardNames.Count(rows, perFile);
        var shards = new List<PreparedOutput>(count);
        using var rowsLeft = source.GetEnumerator();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(options.OutputDirectory, ShardNames.FileName(split, i, count));
            var shard = Take(rowsLeft, perFile, cancellationToken);
            shards.Add(await WriteSplitAsync(outputs, slots, path, shard, options, cancellationToken));
        }
        return (shards[0], shards);
    }

    /// <summary>Removes split files of an earlier run that the committed set does not hold (another shard count, or shards versus one file).</summary>
    private static void RemoveStaleSplitFiles(AtomicFileSet outputs, PrepareOptions options)
        => StaleSplitFiles.Remove(options.OutputDirectory, outputs.FinalPaths);

    private static IEnumerable<PreparedRow> Take(IEnumerator<PreparedRow> rows, long count, CancellationToken cancellationToken)
    {
        for (long i = 0; i < count && rows.MoveNext(); i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return rows.Current;
        }
    }
}
