namespace Countdown.Preprocess.Tests.Fuzz;

/// <summary>
/// The test process's peak memory during one in-process run. Linux keeps the peak resident set (VmHWM in
/// /proc/self/status) and lets a process reset it by writing 5 to /proc/self/clear_refs, so the peak of each case is
/// exact without sampling; elsewhere it falls back to the working set after the run. Managed bytes allocated during the
/// run are measured too: a huge array that is never touched does not show in the resident set, but does show there.
/// </summary>
internal sealed class PeakMemory
{
    private readonly long _allocatedBefore;

    private PeakMemory(long allocatedBefore) => _allocatedBefore = allocatedBefore;

    /// <summary>Resets the peak and starts measuring.</summary>
    public static PeakMemory Start()
    {
        TryResetPeak();
        return new PeakMemory(GC.GetTotalAllocatedBytes(precise: false));
    }

    /// <summary>The peak resident set since <see cref="Start"/>, in bytes.</summary>
    public long PeakResidentBytes => ReadPeakResident() ?? Environment.WorkingSet;

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

    private static long? ReadPeakResident()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
