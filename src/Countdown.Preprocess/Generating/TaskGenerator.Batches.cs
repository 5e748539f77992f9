using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Generating;

public static partial class TaskGenerator
{
    /// <summary>The batch size <see cref="GenerateBatchesAsync"/> uses by default: small enough that a batch's task
    /// objects die young (the writer copies them into column buffers), large enough to share among cores.</summary>
    public const int DefaultBatchSize = 16_384;

    /// <summary>
    /// Makes the same tasks as <see cref="Generate"/>, in order, as batches of <paramref name="batchSize"/> (the last
    /// may be shorter); each batch is made on all cores while the caller consumes the one before.
    /// </summary>
    /// <remarks>
    /// At most two batches exist at a time (the one handed out and the one being made), so memory stays flat however
    /// many tasks are asked for: about 2 MB for batches of 16,384 tasks of four numbers.
    /// </remarks>
    /// <exception cref="UsageException">An option is out of range, or no task can reach the target range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async IAsyncEnumerable<CountdownTask[]> GenerateBatchesAsync(GenerateOptions options, int batchSize = DefaultBatchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Validate(options);

        // Capacity 1: the producer makes batch k+1 while batch k is consumed, then waits (back-pressure).
        var channel = Channel.CreateBounded<CountdownTask[]>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var start = 0; start < options.Count; start += batchSize)
                {
                    var batch = MakeRange(options, start, Math.Min(batchSize, options.Count - start), stop.Token);
                    await channel.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
                }
                channel.Writer.Complete();
            }
            catch (Exception error)
            {
                channel.Writer.Complete(error);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return batch;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>Makes tasks <c>[start, start + count)</c> on all cores.</summary>
    private static CountdownTask[] MakeRange(GenerateOptions options, int start, int count, CancellationToken cancellationToken)
    {
        var tasks = new CountdownTask[count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        try
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, ChunkSize), parallel, range =>
            {
                var draw = new ExpressionDraw(options);
                for (var i = range.Item1; i < range.Item2; i++) tasks[i] = draw.Make(StateFor(options.Seed, start + i));
            });
        }
        catch (AggregateException error) when (error.InnerExceptions.All(e => e is UsageException))
        {
            throw error.InnerExceptions[0];
        }
        return tasks;
    }
}
