namespace Countdown.Preprocess.Cli;

/// <summary>Where a command writes: data to <see cref="Out"/>, one-line failures to <see cref="Error"/>; tests pass writers.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
