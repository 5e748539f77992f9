using System.Runtime.CompilerServices;
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

    /// <summary>Measures the prompts of <paramref name="tasks"/> (on every core) and adds their lengths to <paramref name="lengths"/>.</summary>
    public static void AddTo(TokenLengthHistogram lengths, IReadOnlyList<CountdownTask> tasks, PromptTemplate template, IPromptTokenCounter counter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        foreach (var length in Count(tasks, template, counter, cancellationToken)) lengths.Add(length);
    }

    /// <summary>Tasks measured at once by <see cref="MeasureAsync"/>.</summary>
    public const int MeasureBatchSize = 65_536;

    /// <summary>
    /// Passes <paramref name="tasks"/> through unchanged while adding each prompt's length to <paramref name="lengths"/>,
    /// measured a batch at a time on every core, so a single streaming pass both reads and measures.
    /// </summary>
    public static async IAsyncEnumerable<CountdownTask> MeasureAsync(IAsyncEnumerable<CountdownTask> tasks, PromptTemplate template, IPromptTokenCounter counter,
        TokenLengthHistogram lengths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(lengths);
        var batch = new List<CountdownTask>(MeasureBatchSize);
        await foreach (var task in tasks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(task);
            if (batch.Count == MeasureBatchSize)
            {
                AddTo(lengths, batch, template, counter, cancellationToken);
                batch.Clear();
            }
            yield return task;
        }
        AddTo(lengths, batch, template, counter, cancellationToken);
    }
}
