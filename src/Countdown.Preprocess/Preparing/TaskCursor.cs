using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

/// <summary>Walks a <see cref="TaskFeed"/> in order, handing out consecutive runs of tasks (the train split, then the test split).</summary>
/// <remarks>Only the batch being walked is held here; the feed has already let go of it.</remarks>
internal sealed class TaskCursor(TaskFeed feed)
{
    private List<CountdownTask>? _batch;
    private int _offset;

    /// <summary>Streams the next <paramref name="count"/> tasks, fewer if the input ends first, as runs within one batch each.</summary>
    public async IAsyncEnumerable<TaskRun> TakeAsync(long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_batch is null || _offset == _batch.Count)
            {
                _batch = await feed.NextAsync(cancellationToken).ConfigureAwait(false);
                _offset = 0;
                if (_batch is null) yield break;
            }
            int take = (int)Math.Min(count, _batch.Count - _offset);
            yield return new TaskRun(_batch, _offset, take);
            _offset += take;
            count -= take;
        }
    }
}

/// <summary>Tasks <paramref name="Start"/> to <paramref name="Start"/> + <paramref name="Count"/> - 1 of one batch.</summary>
internal readonly record struct TaskRun(List<CountdownTask> Batch, int Start, int Count);
