using System.Diagnostics;

namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>Times library calls inside this process: one warm-up each (JIT), then <c>runs</c> rounds alternating the contenders.</summary>
/// <remarks>
/// A full garbage collection runs before every timed call, so one call's garbage is not collected during the next.
/// Wall time is a stopwatch around the call; CPU is the change in this process's CPU time (every thread, the GC's too).
/// Peak memory is not per call in-process, so it stays empty in the table.
/// </remarks>
internal static class InProcessRounds
{
    /// <summary>Runs the rounds; each call's result goes to <paramref name="check"/> (warm-up and measured runs alike).</summary>
    public static async Task<IReadOnlyList<Series>> RunAsync<T>(IReadOnlyList<(string Name, Func<Task<T>> Call)> contenders, int runs,
        TextWriter log, Action<string, T> check)
    {
        var series = contenders.Select(c => new Series(c.Name, null)).ToArray();
        foreach (var (name, call) in contenders)
        {
            var (sample, result) = await MeasureAsync(call);
            check(name, result);
            log.WriteLine($"# warm-up {name}: {sample.Seconds:F2} s, CPU {sample.CpuSeconds:F2} s");
        }
        for (var run = 1; run <= runs; run++)
            for (var i = 0; i < contenders.Count; i++)
            {
                var (sample, result) = await MeasureAsync(contenders[i].Call);
                check(contenders[i].Name, result);
                series[i].Samples.Add(sample);
                log.WriteLine($"# run {run}/{runs} {contenders[i].Name}: {sample.Seconds:F2} s, CPU {sample.CpuSeconds:F2} s");
            }
        return series;
    }

    /// <summary>This process's peak resident memory so far, in MB (10^6 bytes).</summary>
    public static double PeakMB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1e6;
    }

    private static async Task<(RunSample Sample, T Result)> MeasureAsync<T>(Func<Task<T>> call)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await call();
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return (new RunSample(clock.Elapsed, null, cpu, 0, ""), result);
    }
}
