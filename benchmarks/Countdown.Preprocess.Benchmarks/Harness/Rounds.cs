namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>Runs contenders as child processes: one warm-up each, then <c>runs</c> rounds, alternating contenders within a round.</summary>
internal static class Rounds
{
    /// <summary>Runs the rounds; <paramref name="checkWarmUp"/> sees each warm-up output folder (by contender name) before they are deleted.</summary>
    /// <param name="countWarmUp">Counts each warm-up as the first measured run (for jobs of minutes, where the input is already cached and a warm-up only doubles the time).</param>
    public static async Task<IReadOnlyList<Series>> RunAsync(IReadOnlyList<Contender> contenders, int runs, ScratchDirectory scratch,
        TextWriter log, Func<IReadOnlyDictionary<string, string>, Task>? checkWarmUp, CancellationToken cancellationToken, bool countWarmUp = false)
    {
        var series = contenders.Select(c => new Series(c.Name, c.CommandFor("OUT"))).ToArray();
        foreach (var s in series) log.WriteLine($"# {s.Name}: {s.Command}");

        var warmUps = new Dictionary<string, string>();
        for (var i = 0; i < contenders.Count; i++)
        {
            var outDir = scratch.NewFolder(Slug(contenders[i].Name));
            var sample = await RunOnceAsync(contenders[i], outDir, cancellationToken);
            log.WriteLine($"# {(countWarmUp ? "run 1 (checked)" : "warm-up")} {contenders[i].Name}: {sample.Seconds:F2} s, {sample.PeakMB:F0} MB, CPU {sample.CpuSeconds:F2} s");
            warmUps[contenders[i].Name] = outDir;
            if (countWarmUp)
            {
                series[i].Samples.Add(sample);
                NoteSizes(series[i], outDir);
            }
        }
        if (checkWarmUp is not null) await checkWarmUp(warmUps);
        foreach (var dir in warmUps.Values.Where(Directory.Exists)) Directory.Delete(dir, recursive: true);

        for (var run = countWarmUp ? 2 : 1; run <= runs; run++)
            for (var i = 0; i < contenders.Count; i++)
            {
                var outDir = scratch.NewFolder(Slug(contenders[i].Name));
                var sample = await RunOnceAsync(contenders[i], outDir, cancellationToken);
                series[i].Samples.Add(sample);
                if (Directory.Exists(outDir))
                {
                    NoteSizes(series[i], outDir);
                    Directory.Delete(outDir, recursive: true);
                }
                log.WriteLine($"# run {run}/{runs} {contenders[i].Name}: {sample.Seconds:F2} s, {sample.PeakMB:F0} MB, CPU {sample.CpuSeconds:F2} s");
            }
        return series;
    }

    private static void NoteSizes(Series series, string outDir)
    {
        if (!Directory.Exists(outDir)) return;
        foreach (var file in Directory.EnumerateFiles(outDir, "*.parquet").OrderBy(f => Path.GetFileName(f) == "train.parquet" ? 0 : 1).ThenBy(f => f))
            series.Notes[Path.GetFileName(file) + " MB"] = $"{new FileInfo(file).Length / 1e6:F2}";
    }

    private static async Task<RunSample> RunOnceAsync(Contender contender, string outDir, CancellationToken cancellationToken)
    {
        if (contender.CreateOutDir) Directory.CreateDirectory(outDir);
        var command = contender.CommandFor(outDir);
        var sample = await ProcessRunner.RunAsync(command, cancellationToken);
        if (sample.ExitCode != 0)
            throw new BenchmarkFailure($"{contender.Name} exited with code {sample.ExitCode}: {command}\n{sample.ErrorTail}");
        return sample;
    }

    private static string Slug(string name) => new(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
