using Spectre.Console;

namespace Countdown.Preprocess.Cli;

/// <summary>Progress bars on standard error when it is a terminal, drawn by Spectre.Console; nothing otherwise.</summary>
internal static class TerminalProgress
{
    /// <summary>Whether to draw: standard error is a terminal and the user wants human-readable, non-quiet logs.</summary>
    public static bool ShouldShow(CliConsole console, bool quiet, string logFormat)
        => console.ErrorIsTerminal && !quiet && logFormat == "text";

    /// <summary>Runs <paramref name="work"/>, showing a bar per stage it reports when <paramref name="show"/> is set.</summary>
    public static async Task<T> RunAsync<T>(bool show, Func<IProgress<(string Stage, long Done, long? Total)>?, Task<T>> work)
    {
        if (!show) return await work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context => await work(new StageProgress(context)));
    }

    private sealed class StageProgress(ProgressContext context) : IProgress<(string Stage, long Done, long? Total)>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Report((string Stage, long Done, long? Total) value)
        {
            lock (_tasks)
            {
                if (!_tasks.TryGetValue(value.Stage, out var task))
                {
                    task = context.AddTask(value.Stage, autoStart: true, maxValue: value.Total ?? 0);
                    if (value.Total is null) task.IsIndeterminate = true;
                    _tasks[value.Stage] = task;
                }
                if (value.Total is { } total)
                {
                    task.IsIndeterminate = false;
                    task.MaxValue = Math.Max(total, 1);
                }
                task.Value = value.Done;
            }
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (unlike <see cref="Progress{T}"/>), so order is kept.</summary>
internal sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
