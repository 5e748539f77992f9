using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>The real CLI as a child process (<c>dotnet countdown-preprocess.dll</c>), for signals and concurrent runs.</summary>
internal sealed class CliProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _error;

    private CliProcess(Process process)
    {
        _process = process;
        _out = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Gets the child's standard input (for <see cref="StartWithInput"/>): a test feeds it at its own pace.</summary>
    public StreamWriter Input => _process.StandardInput;

    public static CliProcess Start(IEnumerable<string> args, params (string Name, string Value)[] environment)
        => Start(args, redirectInput: false, environment);

    /// <summary>Starts the CLI with a standard input the test writes, so a run can be held at any point of its input.</summary>
    public static CliProcess StartWithInput(IEnumerable<string> args) => Start(args, redirectInput: true, []);

    private static CliProcess Start(IEnumerable<string> args, bool redirectInput, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "countdown-preprocess.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Sends a POSIX signal; false when the process had already ended.</summary>
    public bool Signal(int signal) => kill(_process.Id, signal) == 0;

    /// <summary>Waits for the end; the exit code is 128 + N when signal N killed it (as a shell reports it).</summary>
    public async Task<(int ExitCode, string Out, string Error)> WaitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        await _process.WaitForExitAsync(cancel.Token);
        return (_process.ExitCode, await _out, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
