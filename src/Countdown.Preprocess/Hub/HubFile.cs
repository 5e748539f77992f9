namespace Countdown.Preprocess.Hub;

/// <summary>One file of a split, verified and in the cache.</summary>
/// <param name="Path">The path in the repository, e.g. <c>data/train-00000-of-00001.parquet</c>.</param>
/// <param name="LocalPath">The cached copy to read.</param>
/// <param name="Size">The size in bytes.</param>
public sealed record HubFile(string Path, string LocalPath, long Size);
