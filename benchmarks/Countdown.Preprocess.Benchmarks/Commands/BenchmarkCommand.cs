using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>Base of the benchmark commands: progress to standard error, the report to standard output, failures as one line and exit code 1.</summary>
internal abstract class BenchmarkCommand : Command
{
    protected BenchmarkCommand(string name, string description) : base(name, description)
        => SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await ExecuteAsync(parseResult, cancellationToken);
            }
            catch (BenchmarkFailure failure)
            {
                await Console.Error.WriteLineAsync($"error: {failure.Message}");
                return 1;
            }
        });

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken);

    /// <summary>This harness's own command line, for the report header.</summary>
    protected static IEnumerable<string> CommandLine(ParseResult parseResult)
        => new[] { "Countdown.Preprocess.Benchmarks" }.Concat(parseResult.Tokens.Select(t => t.Value));
}
