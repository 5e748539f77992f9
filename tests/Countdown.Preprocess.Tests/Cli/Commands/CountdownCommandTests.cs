using System.CommandLine;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Cli.Commands;
using Serilog;

namespace Countdown.Preprocess.Tests.Cli.Commands;

/// <summary>The last-resort mapping: a failure nobody foresaw is exit 1 and one line, the trace only with --verbose.</summary>
public sealed class CountdownCommandTests
{
    [Fact]
    public async Task RunAsync_UnexpectedException_PrintsOneLineAndExitsOne()
    {
        var (exit, error) = await RunFailingAsync();

        Assert.Equal(ExitCodes.UsageOrBug, exit);
        Assert.Equal("error: Unexpected InvalidOperationException (the sky fell \\e[31m); this is a bug, please report it with the output of --verbose.\n", error);
    }

    [Fact]
    public async Task RunAsync_UnexpectedExceptionWithVerbose_AlsoPrintsTheTrace()
    {
        var (exit, error) = await RunFailingAsync("--verbose");

        Assert.Equal(ExitCodes.UsageOrBug, exit);
        Assert.Contains("   at ", error);
    }

    private static async Task<(int Exit, string Error)> RunFailingAsync(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, ErrorIsTerminal: false);
        var root = new RootCommand("test");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(new FailingCommand(console));
        var exit = await root.Parse(["fail", .. extra]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, error.ToString().ReplaceLineEndings("\n"));
    }

    private sealed class FailingCommand(CliConsole console) : CountdownCommand("fail", "Always fails.", console)
    {
        protected override Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
            => throw new InvalidOperationException("The sky fell \u001b[31m.\nSecond line.".Replace("The", "the"));
    }
}
