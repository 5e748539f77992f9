namespace Countdown.Preprocess.Tasks;

/// <summary>The input holds too few records for the requested split sizes (TinyZero needs strictly more).</summary>
public sealed class NotEnoughTasksException : CountdownException
{
    /// <summary>Creates the exception from the counts found and needed.</summary>
    public NotEnoughTasksException(string sourcePath, long found, long needed)
        : base($"'{sourcePath}' holds {found} usable records but at least {needed} are needed (more than train-size + test-size); lower --train-size or --test-size.")
    {
        SourcePath = sourcePath;
        Found = found;
        Needed = needed;
    }

    /// <summary>The input path.</summary>
    public string SourcePath { get; }

    /// <summary>How many usable records the input held.</summary>
    public long Found { get; }

    /// <summary>The least count that would have been enough.</summary>
    public long Needed { get; }
}
