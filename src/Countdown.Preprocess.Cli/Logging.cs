using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Countdown.Preprocess.Cli;

/// <summary>Builds the Serilog logger for one run: everything to standard error, never standard output.</summary>
internal static class Logging
{
    public static Logger Create(bool quiet, bool verbose, string format)
    {
        var level = verbose ? LogEventLevel.Debug : quiet ? LogEventLevel.Warning : LogEventLevel.Information;
        var config = new LoggerConfiguration().MinimumLevel.Is(level);
        return format == "json"
            ? config.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose).CreateLogger()
            : config.WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}",
                standardErrorFromLevel: LogEventLevel.Verbose).CreateLogger();
    }
}
