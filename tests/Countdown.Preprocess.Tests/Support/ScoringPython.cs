using System.Diagnostics;
using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Runs the emitted <c>countdown_reward.py</c> under the machine's <c>python3</c>, which these tests require.</summary>
internal static class ScoringPython
{
    /// <summary>Writes the module into <paramref name="directory"/> as <c>prepare --verl</c> would, and returns its path.</summary>
    public static async Task<string> WriteModuleAsync(string directory)
    {
        var path = Path.Combine(directory, RewardModule.FileName);
        await using var stream = File.Create(path);
        await RewardModule.WriteAsync(stream);
        return path;
    }

    /// <summary>Runs <c>python3</c> with <paramref name="arguments"/> and <paramref name="input"/> on standard input;
    /// returns standard output, failing the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> arguments, string input = "", int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONUTF8"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException(
                "These tests run the emitted countdown_reward.py and need 'python3' (3.8 or later) on PATH; install Python 3 and run them again.", error);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"python3 {string.Join(' ', start.ArgumentList)} ran longer than {timeoutSeconds} s.");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"python3 exited with {process.ExitCode}: {await errors}");
            return await output;
        }
    }
}
