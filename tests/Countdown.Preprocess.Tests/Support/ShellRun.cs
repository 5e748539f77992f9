using System.Diagnostics;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Runs a bash command line as a user would type it, with the CLI built beside the tests, and captures its output.</summary>
internal sealed record ShellRun(int ExitCode, string Output)
{
    /// <summary>The command that runs the CLI built with these tests.</summary>
    public static string CliCommand { get; } = $"dotnet {Path.Combine(AppContext.BaseDirectory, "countdown-preprocess.dll")}";

    /// <summary>Runs <paramref name="script"/> with <c>bash -c</c> in <paramref name="workingDirectory"/>; standard error is merged into the output, in order.</summary>
    public static async Task<ShellRun> RunAsync(string workingDirectory, string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec 2>&1\n{script}");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new ShellRun(process.ExitCode, output);
    }
}
