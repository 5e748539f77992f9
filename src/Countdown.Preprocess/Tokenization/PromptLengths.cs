using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tokenization;

/// <summary>Measures the prompts of many tasks at once, on every core.</summary>
public static class PromptLengths
{
    /// <summary>Renders each task's prompt with <paramref name="template"/> and counts its tokens; the result is in task order.</summary>
    public static int[] Count(IReadOnlyList<CountdownTask> tasks, PromptTemplate template, IPromptTokenCounter counter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(counter);
        var lengths = new int[tasks.Count];
        const int Chunk = 4096;
        var chunks = (tasks.Count + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, c =>
        {
            var end = Math.Min(tasks.Count, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
                lengths[i] = counter.CountTokens(template.Render(tasks[i]));
        });
        return lengths;
    }

    /// <summary>The histogram of <paramref name="lengths"/>[0..<paramref name="count"/>).</summary>
    public static TokenLengthHistogram Histogram(IReadOnlyList<int> lengths, int count)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var histogram = new TokenLengthHistogram();
        for (var i = 0; i < count; i++) histogram.Add(lengths[i]);
        return histogram;
    }
}
