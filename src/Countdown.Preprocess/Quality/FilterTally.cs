namespace Countdown.Preprocess.Quality;

/// <summary>Counts what a filter of <see cref="TaskFilters"/> kept and dropped, for logging.</summary>
public sealed class FilterTally
{
    /// <summary>How many tasks passed the filter.</summary>
    public long Kept { get; internal set; }

    /// <summary>How many tasks the filter dropped.</summary>
    public long Dropped { get; internal set; }
}
