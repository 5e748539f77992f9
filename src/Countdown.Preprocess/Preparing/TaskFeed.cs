using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

/// <summary>Tasks handed from a reader to the writers while reading goes on: batches in input order, the first ones kept, the rest only counted.</summary>
/// <remarks>
/// One producer calls <see cref="Add"/> then <see cref="Complete"/>; consumers take ranges with <see cref="RangeAsync"/>,
/// waiting without blocking a thread. Batches must not change after <see cref="Add"/>.
/// </remarks>
internal sealed class TaskFeed(long keep)
{
    private readonly object _gate = new();
    private readonly List<List<CountdownTask>> _batches = [];
    private TaskCompletionSource _arrived = NewSignal();
    private long _kept;
    private long _count;
    private bool _completed;

    /// <summary>Gets the number of tasks added so far (kept or not).</summary>
    public long Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Adds the next batch; it is kept only while fewer than the first <c>keep</c> tasks are.</summary>
    public void Add(List<CountdownTask> batch)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _count += batch.Count;
            if (_kept >= keep || batch.Count == 0) return;
            _batches.Add(batch);
            _kept += batch.Count;
            arrived = _arrived;
            _arrived = NewSignal();
        }
        arrived.SetResult();
    }

    /// <summary>Marks the end of the input (or of reading, on failure): waiting consumers get what there is.</summary>
    public void Complete()
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _completed = true;
            arrived = _arrived;
        }
        arrived.TrySetResult();
    }

    /// <summary>Streams tasks <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 (within the kept ones), fewer if the input ends first.</summary>
    public async IAsyncEnumerable<CountdownTask> RangeAsync(long start, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long end = start + count, first = 0;
        for (int index = 0; first < end; index++)
        {
            var batch = await BatchAsync(index, cancellationToken).ConfigureAwait(false);
            if (batch is null) yield break;
            int from = (int)Math.Max(0, start - first), to = (int)Math.Min(batch.Count, end - first);
            for (int i = from; i < to; i++)
                yield return batch[i];
            first += batch.Count;
        }
    }

    private async ValueTask<List<CountdownTask>?> BatchAsync(int index, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (index < _batches.Count) return _batches[index];
                if (_completed) return null;
                arrived = _arrived.Task;
            }
            await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
