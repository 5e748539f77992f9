namespace Countdown.Preprocess.Sharding;

/// <summary>Removes the split files of an earlier <c>prepare</c> run that the new set does not replace.</summary>
/// <remarks>
/// A rerun with another shard count (or without shards) would otherwise leave <c>train-00003-of-00004.parquet</c>
/// beside <c>train-00000-of-00002.parquet</c>, and readers globbing <c>train-*</c> would mix two sets. Runs right
/// after the new set is committed, so a failed run leaves the old set whole; only files named as split files are touched.
/// </remarks>
public static class StaleSplitFiles
{
    /// <summary>Deletes every split file in <paramref name="folder"/> not among <paramref name="keep"/>; returns the deleted paths.</summary>
    public static IReadOnlyList<string> Remove(string folder, IEnumerable<string> keep)
    {
        var kept = keep.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        if (!Directory.Exists(folder)) return removed;
        foreach (var path in Directory.EnumerateFiles(folder, "*.parquet"))
        {
            if (!ShardNames.IsSplitFile(Path.GetFileName(path)) || kept.Contains(Path.GetFullPath(path))) continue;
            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The new set is committed; a leftover that cannot be removed is reported by validate as a mixed folder.
            }
        }
        return removed;
    }
}
