using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Preparing;

public static partial class PrepareJob
{
    /// <summary>Measures the prompts in tokens (on every core) and, with <see cref="PrepareOptions.MaxPromptTokens"/>, drops the tasks whose prompt is longer.</summary>
    /// <remarks>
    /// Runs after the other filters and the shuffle, so it keeps their order. Without a limit only the prompts that will be
    /// written (the first <paramref name="written"/>) are measured.
    /// </remarks>
    private static PromptMeasure MeasurePrompts(PrepareOptions options, ref Filtered filtered, long written, CancellationToken cancellationToken)
    {
        if (options.PromptTokenCounter is not { } counter) return new PromptMeasure(0, null);
        var tasks = filtered.Tasks;
        var measured = options.MaxPromptTokens is null ? tasks.GetRange(0, (int)Math.Min(tasks.Count, written)) : tasks;
        var lengths = PromptLengths.Count(measured, options.Template, counter, cancellationToken);
        long removed = 0;
        if (options.MaxPromptTokens is { } most)
        {
            var keptTasks = new List<Tasks.CountdownTask>(tasks.Count);
            var keptResults = filtered.Results is null ? null : new List<Solving.SolveResult>(tasks.Count);
            var keptLengths = new List<int>(tasks.Count);
            for (var i = 0; i < tasks.Count; i++)
            {
                if (lengths[i] > most)
                {
                    removed++;
                    continue;
                }
                keptTasks.Add(tasks[i]);
                keptResults?.Add(filtered.Results![i]);
                keptLengths.Add(lengths[i]);
            }
            filtered = filtered with { Tasks = keptTasks, Results = keptResults };
            lengths = keptLengths.ToArray();
        }
        var histogram = PromptLengths.Histogram(lengths, (int)Math.Min(lengths.Length, written));
        return new PromptMeasure(removed, histogram.ToStatistics());
    }

    private sealed record PromptMeasure(long Removed, TokenLengthStatistics? Written);
}
