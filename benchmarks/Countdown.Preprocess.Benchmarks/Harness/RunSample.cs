namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>What one child run cost: wall time seen by the parent, the child's peak resident memory and CPU time.</summary>
/// <param name="Wall">Process start to exit, measured by the parent.</param>
/// <param name="PeakRssKiB">Peak resident set size of the child (GNU time <c>%M</c>, or <c>VmHWM</c>), when known.</param>
/// <param name="CpuSeconds">User plus system CPU time of the child, when known.</param>
/// <param name="ExitCode">The child's exit code.</param>
/// <param name="ErrorTail">The last lines the child wrote to standard error.</param>
internal sealed record RunSample(TimeSpan Wall, long? PeakRssKiB, double? CpuSeconds, int ExitCode, string ErrorTail)
{
    public double Seconds => Wall.TotalSeconds;

    /// <summary>Peak resident memory in MB (10^6 bytes), the unit of the 300 MB bound.</summary>
    public double? PeakMB => PeakRssKiB * 1024 / 1e6;
}
