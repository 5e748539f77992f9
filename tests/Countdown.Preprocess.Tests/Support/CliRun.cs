using Countdown.Preprocess.Cli;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Runs the CLI in-process and captures what it writes to standard output and standard error.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CountdownCli.RunAsync(args, new CliConsole(output, error, ErrorIsTerminal: false), cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
