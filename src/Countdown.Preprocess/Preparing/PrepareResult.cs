namespace Countdown.Preprocess.Preparing;

/// <summary>What a <see cref="PrepareJob"/> run did: counts, files and time.</summary>
/// <param name="Inputs">The input files in the order read.</param>
/// <param name="InputRecords">Records read from the input, before any filter.</param>
/// <param name="DuplicatesRemoved">Records dropped by <see cref="PrepareOptions.Dedupe"/>.</param>
/// <param name="UnsolvableRemoved">Records dropped by <see cref="PrepareOptions.SolvableOnly"/>.</param>
/// <param name="UsableRecords">Records left for the split after the filters.</param>
/// <param name="Train">The train split file.</param>
/// <param name="Test">The test split file.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
/// <param name="ExtraOutputs">Other files written with the splits (the reward function for <c>--verl</c>).</param>
public sealed record PrepareResult(IReadOnlyList<PreparedInput> Inputs, long InputRecords, long DuplicatesRemoved, long UnsolvableRemoved, long UsableRecords, PreparedOutput Train, PreparedOutput Test, TimeSpan Elapsed, IReadOnlyList<PreparedOutput> ExtraOutputs)
{
    /// <summary>Records dropped by <see cref="PrepareOptions.MaxPromptTokens"/>.</summary>
    public long PromptsTooLongRemoved { get; init; }

    /// <summary>The lengths in tokens of the prompts written (train and test), when <see cref="PrepareOptions.PromptTokenCounter"/> was given.</summary>
    public Tokenization.TokenLengthStatistics? PromptTokens { get; init; }

    /// <summary>With <see cref="PrepareOptions.MaxRowsPerFile"/>: every train shard in order (<see cref="Train"/> is the first); otherwise null.</summary>
    public IReadOnlyList<PreparedOutput>? TrainShards { get; init; }

    /// <summary>With <see cref="PrepareOptions.MaxRowsPerFile"/>: every test shard in order (<see cref="Test"/> is the first); otherwise null.</summary>
    public IReadOnlyList<PreparedOutput>? TestShards { get; init; }
}
