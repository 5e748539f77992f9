namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>The measured runs of one contender (ours, DuckDB, one codec...), warm-up excluded.</summary>
/// <remarks>In-process contenders (see <see cref="InProcessRounds"/>) have no child command.</remarks>
internal sealed class Series(string name, ChildCommand? command)
{
    public string Name { get; } = name;

    public ChildCommand? Command { get; } = command;

    public List<RunSample> Samples { get; } = [];

    /// <summary>Facts beside the timings, such as output file sizes, keyed by a column title.</summary>
    public Dictionary<string, string> Notes { get; } = [];

    public Stat? Wall => Stat.Of(Samples.Select(s => s.Seconds));

    public Stat? PeakMB => Stat.Of(Samples.Where(s => s.PeakMB is not null).Select(s => s.PeakMB!.Value));

    public Stat? CpuSeconds => Stat.Of(Samples.Where(s => s.CpuSeconds is not null).Select(s => s.CpuSeconds!.Value));
}
