using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>
/// Remembers the tasks seen so far and tells whether a task is new: same target and same multiset of numbers
/// (in any order) as an earlier task makes it a duplicate.
/// </summary>
public sealed class TaskDeduplicator
{
    private readonly TaskKeySet _seen = new(multiset: true);

    /// <summary>How many tasks were new.</summary>
    public long Kept { get; private set; }

    /// <summary>How many tasks repeated an earlier one.</summary>
    public long Dropped { get; private set; }

    /// <summary>Records <paramref name="task"/> and returns true when no earlier task had its target and numbers.</summary>
    public bool TryAdd(CountdownTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (_seen.Add(task))
        {
            Kept++;
            return true;
        }

        Dropped++;
        return false;
    }
}
