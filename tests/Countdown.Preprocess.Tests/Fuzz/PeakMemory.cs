namespace Countdown.Preprocess.Tests.Fuzz;

/// <summary>
/// The test process's peak memory during one in-process run. Linux keeps the peak resident set (VmHWM in
/// /proc/self/status) and lets a process reset it by writing 5 to /proc/self/clear_refs, so the peak of each case is
/// exact without sampling; elsewhere it falls back to the working set after the run. Managed bytes allocated during the
/// run are measured too: a huge array that is never touched does not show in the resident set, but does show there.
/// The run's own use is the peak's growth over the resident set at <see cref="Start"/>: the test process may already
/// hold memory that earlier tests left to the garbage collector, which a reset peak still counts.
/// </summary>
internal sealed class PeakMemory
{
    private readonly long _allocatedBefore;
    private readonly long _residentBefore;

    private PeakMemory(long allocatedBefore, long residentBefore) => (_allocatedBefore, _residentBefore) = (allocatedBefore, residentBefore);

    /// <summary>Resets the peak and starts measuring.</summary>
    public static PeakMemory Start()
    {
        TryResetPeak();
        return new PeakMemory(GC.GetTotalAllocatedBytes(precise: false), ReadStatusBytes("VmRSS:") ?? Environment.WorkingSet);
    }

    /// <summary>How far the resident set rose above its size at <see cref="Start"/>, at its peak since then, in bytes.</summary>
    public long PeakResidentBytes => Math.Max(0, (ReadStatusBytes("VmHWM:") ?? Environment.WorkingSet) - _residentBefore);

    /// <summary>The managed bytes allocated since <see cref="Start"/> (process-wide; the fuzz test runs alone).</summary>
    public long AllocatedBytes => GC.GetTotalAllocatedBytes(precise: false) - _allocatedBefore;

    private static void TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak is then the process's lifetime peak, a safe overestimate.
        }
    }

    private static long? ReadStatusBytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
