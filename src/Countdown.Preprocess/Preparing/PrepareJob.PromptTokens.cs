using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Preparing;

public static partial class PrepareJob
{
    /// <summary>Tasks measured at once (each batch on every core).</summary>
    private const int MeasureBatchSize = 65_536;

    /// <summary>Measures the prompts in tokens (on every core) and, with <see cref="PrepareOptions.MaxPromptTokens"/>, drops the tasks whose prompt is longer.</summary>
    /// <remarks>
    /// Runs after the other filters and the shuffle, so it keeps their order. Without a limit only the prompts that will be
    /// written (the first <paramref name="written"/>) are measured. Tasks are unpacked and measured a batch at a time.
    /// </remarks>
    private static PromptMeasure MeasurePrompts(PrepareOptions options, PackedTasks tasks, long written, CancellationToken cancellationToken)
    {
        if (options.PromptTokenCounter is not { } counter) return new PromptMeasure(0, null);
        var histogram = new TokenLengthHistogram();
        long removed = 0;
        if (options.MaxPromptTokens is { } most)
        {
            removed = tasks.RetainWhere(MeasureBatchSize, (batch, keep) =>
            {
                var lengths = PromptLengths.Count(batch, options.Template, counter, cancellationToken);
                for (var i = 0; i < lengths.Length; i++)
                {
                    keep[i] = lengths[i] <= most;
                    if (keep[i] && histogram.Count < written) histogram.Add(lengths[i]);
                }
            }, cancellationToken);
        }
        else
        {
            var measured = (int)Math.Min(tasks.Count, written);
            for (var start = 0; start < measured; start += MeasureBatchSize)
            {
                var batch = tasks.Range(start, Math.Min(MeasureBatchSize, measured - start));
                PromptLengths.AddTo(histogram, batch, options.Template, counter, cancellationToken);
            }
        }
        return new PromptMeasure(removed, histogram.ToStatistics());
    }

    private sealed record PromptMeasure(long Removed, TokenLengthStatistics? Written);
}
