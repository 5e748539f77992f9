using System.CommandLine;

namespace Countdown.Preprocess.Cli;

/// <summary>Options every command takes: how much to log and in what form.</summary>
internal static class GlobalOptions
{
    public static Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Log only warnings and errors.",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log debug detail, and print stack traces with errors.",
        Recursive = true,
    };

    public static Option<string> LogFormat { get; } = new("--log-format")
    {
        Description = "Log lines on standard error as plain text or as compact JSON (one object per line) for pipelines.",
        DefaultValueFactory = _ => "text",
        Recursive = true,
    };

    static GlobalOptions() => LogFormat.AcceptOnlyFromAmong("text", "json");

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Quiet);
        root.Options.Add(Verbose);
        root.Options.Add(LogFormat);
    }
}
