using System.Diagnostics;
using System.Globalization;

namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>Runs one child process and measures it: wall time from the parent, peak memory and CPU from GNU time.</summary>
/// <remarks>
/// GNU time (<c>/usr/bin/time -f "%M %U %S"</c>) reads the child's rusage at exit, so the peak is exact; it costs one
/// extra fork/exec (about a millisecond), the same for every contender. Without it the parent polls
/// <c>/proc/PID/status</c> for <c>VmHWM</c>, which can miss growth in the child's last few milliseconds.
/// </remarks>
internal static class ProcessRunner
{
    private const string GnuTime = "/usr/bin/time";
    private const int TailLines = 20;

    public static bool HasGnuTime { get; } = File.Exists(GnuTime);

    public static async Task<RunSample> RunAsync(ChildCommand command, CancellationToken cancellationToken)
    {
        var timeFile = HasGnuTime ? Path.GetTempFileName() : null;
        try
        {
            var start = new ProcessStartInfo(timeFile is null ? command.FileName : GnuTime)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (timeFile is not null)
                foreach (var word in new[] { "-f", "%M %U %S", "-o", timeFile, command.FileName }) start.ArgumentList.Add(word);
            foreach (var word in command.Arguments) start.ArgumentList.Add(word);

            var tail = new Queue<string>();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (tail)
                {
                    tail.Enqueue(e.Data);
                    if (tail.Count > TailLines) tail.Dequeue();
                }
            };

            var clock = Stopwatch.StartNew();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var polled = timeFile is null ? PollPeakAsync(process) : Task.FromResult<long?>(null);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            clock.Stop();

            var (peak, cpu) = timeFile is null ? (await polled, null) : ReadGnuTime(timeFile);
            string errors;
            lock (tail) errors = string.Join('\n', tail);
            return new RunSample(clock.Elapsed, peak, cpu, process.ExitCode, errors);
        }
        finally
        {
            if (timeFile is not null) File.Delete(timeFile);
        }
    }

    private static (long? PeakKiB, double? CpuSeconds) ReadGnuTime(string path)
    {
        // On a non-zero exit GNU time writes "Command exited with non-zero status N" first; the figures are the last line.
        var last = File.ReadAllLines(path).LastOrDefault(l => l.Trim().Length > 0)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (last is not { Length: 3 }) return (null, null);
        long? peak = long.TryParse(last[0], CultureInfo.InvariantCulture, out var kib) ? kib : null;
        double? cpu = double.TryParse(last[1], CultureInfo.InvariantCulture, out var user)
                      && double.TryParse(last[2], CultureInfo.InvariantCulture, out var system) ? user + system : null;
        return (peak, cpu);
    }

    private static async Task<long?> PollPeakAsync(Process process)
    {
        long? peak = null;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                        && long.TryParse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture, out var kib))
                        peak = Math.Max(peak ?? 0, kib);
            }
            catch (IOException)
            {
                break; // The process exited between the check and the read.
            }
            catch (UnauthorizedAccessException)
            {
                break;
            }
            await Task.Delay(5);
        }
        return peak;
    }
}
