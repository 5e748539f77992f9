using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Parquet;

namespace Countdown.Preprocess.Validation;

/// <summary>
/// Reads the row groups of a prepared file as <see cref="PreparedColumns"/> on several readers at once (one file
/// stream each) and hands them out in file order, so decoding overlaps on all cores while the caller checks rows.
/// </summary>
/// <remarks>Each reader holds at most two row groups (one queued, one being read) besides the one being checked, so memory is bounded by the row group size.</remarks>
internal static class PreparedColumnsPipeline
{
    /// <summary>
    /// Decoding readers. One reader decodes while the caller checks (two cores busy); a second one cut no wall time on
    /// the shared 2-core machine and raised peak memory from about 170 MB to 250 MB (Parquet.Net's pooled buffers per
    /// reader), so it stays one.
    /// </summary>
    internal static int Workers { get; set; } = 1;

    /// <summary>Yields each row group in order: its columns, or null when it is irregular or cannot be read that way.</summary>
    public static async IAsyncEnumerable<(long RowCount, PreparedColumns? Columns)> ReadAsync(string path, int rowGroups,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var workers = Math.Clamp(Workers, 1, Math.Max(1, rowGroups));
        var channels = Enumerable.Range(0, workers)
            .Select(_ => Channel.CreateBounded<(long, PreparedColumns?)>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(path, w, workers, rowGroups, channels[w].Writer, stop.Token))).ToArray();
        try
        {
            for (var g = 0; g < rowGroups; g++)
                yield return await channels[g % workers].Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var channel in channels) while (channel.Reader.TryRead(out _)) { }
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    private static async Task WorkAsync(string path, int first, int step, int rowGroups, ChannelWriter<(long, PreparedColumns?)> output, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var g = first; g < rowGroups; g += step)
            {
                using var group = reader.OpenRowGroupReader(g);
                var columns = PreparedColumns.For(reader.Schema);
                try
                {
                    if (columns is not null)
                    {
                        await columns.ReadAsync(group, cancellationToken).ConfigureAwait(false);
                        if (!columns.IsRegular) columns = null;
                    }
                }
                catch (Exception error) when (error is IOException or InvalidDataException or ParquetException or NotSupportedException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or OverflowException)
                {
                    columns = null; // the generic reader reports what is wrong, with its own message
                }
                await output.WriteAsync((group.RowCount, columns), cancellationToken).ConfigureAwait(false);
            }
            output.Complete();
        }
        catch (OperationCanceledException)
        {
            output.TryComplete();
        }
        catch (Exception error)
        {
            output.TryComplete(error);
        }
    }
}
