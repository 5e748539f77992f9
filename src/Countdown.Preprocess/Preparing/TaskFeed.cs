using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

/// <summary>Tasks handed from a reader to the writer while reading goes on: batches in input order, the first ones passed on, the rest only counted.</summary>
/// <remarks>
/// One producer calls <see cref="AddAsync"/> then <see cref="Complete"/>; one consumer takes consecutive batches with
/// <see cref="NextAsync"/>. Memory stays bounded whatever the input's size: a batch is dropped as soon as the consumer
/// has taken it, and the producer waits (back-pressure) while <c>ahead</c> tasks or more are waiting to be taken.
/// Batches must not change after <see cref="AddAsync"/>.
/// </remarks>
internal sealed class TaskFeed(long keep, int ahead = TaskFeed.DefaultAhead)
{
    /// <summary>Tasks the reader may get ahead of the writer: one of pyarrow's 65,536-row batches (about 6 MB of tasks), six row groups of work.</summary>
    /// <remarks>Waiting tasks survive every collection, which copies them: four batches' worth cost prepare of 20M tasks 15 s instead of 12.</remarks>
    public const int DefaultAhead = 65_536;

    private readonly Lock _gate = new();
    private readonly Queue<List<CountdownTask>> _waiting = new();
    private TaskCompletionSource _arrived = NewSignal();
    private TaskCompletionSource _taken = NewSignal();
    private long _kept;
    private long _queued;
    private long _count;
    private bool _completed;

    /// <summary>Gets the number of tasks added so far (passed on or not).</summary>
    public long Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Gets the number of tasks waiting to be taken (for tests of the bound).</summary>
    internal long Queued
    {
        get { lock (_gate) return _queued; }
    }

    /// <summary>Adds the next batch, first waiting while the consumer is <c>ahead</c> tasks behind; it is passed on only while fewer than the first <c>keep</c> tasks were.</summary>
    public async ValueTask AddAsync(List<CountdownTask> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            TaskCompletionSource? arrived = null;
            Task taken;
            lock (_gate)
            {
                if (_kept >= keep || batch.Count == 0)
                {
                    _count += batch.Count;
                    return;
                }
                // An empty queue always takes the batch, however large, so a huge batch cannot wait forever.
                if (_queued == 0 || _queued + batch.Count <= ahead)
                {
                    _count += batch.Count;
                    _waiting.Enqueue(batch);
                    _kept += batch.Count;
                    _queued += batch.Count;
                    arrived = _arrived;
                    _arrived = NewSignal();
                }
                taken = _taken.Task;
            }
            if (arrived is not null)
            {
                arrived.SetResult();
                return;
            }
            await taken.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the end of the input (or of reading, on failure): a waiting consumer gets what there is.</summary>
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

    /// <summary>Takes the next batch, waiting for it without blocking a thread; null once the input has ended and every batch was taken.</summary>
    public async ValueTask<List<CountdownTask>?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrived;
            TaskCompletionSource? taken = null;
            List<CountdownTask>? batch = null;
            lock (_gate)
            {
                if (_waiting.TryDequeue(out batch))
                {
                    _queued -= batch.Count;
                    taken = _taken;
                    _taken = NewSignal();
                }
                else if (_completed)
                {
                    return null;
                }
                arrived = _arrived.Task;
            }
            if (taken is not null)
            {
                taken.SetResult();
                return batch;
            }
            await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
