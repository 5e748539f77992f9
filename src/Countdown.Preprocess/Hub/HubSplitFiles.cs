namespace Countdown.Preprocess.Hub;

/// <summary>The cached files of one split of a dataset at one commit, in name order.</summary>
/// <param name="Dataset">The dataset as asked for.</param>
/// <param name="Split">The split, e.g. <c>train</c>.</param>
/// <param name="Commit">The 40-hex commit the revision resolved to.</param>
/// <param name="Files">The split's files in name order, each in the cache.</param>
/// <param name="Warning">Set when the Hub could not be reached and the cached commit was used instead; one sentence to log.</param>
public sealed record HubSplitFiles(HubDatasetReference Dataset, string Split, string Commit, IReadOnlyList<HubFile> Files, string? Warning = null)
{
    /// <summary>Gets the local paths of <see cref="Files"/>, in the same order.</summary>
    public IReadOnlyList<string> LocalPaths => Files.Select(file => file.LocalPath).ToArray();
}
