using System.Globalization;
using System.Text.RegularExpressions;

namespace Countdown.Preprocess.Sharding;

/// <summary>
/// The Hugging Face names of a split's shards, <c>train-00000-of-00004.parquet</c>: the split, the 0-based shard
/// number and the shard count, five digits each.
/// </summary>
public static partial class ShardNames
{
    /// <summary>The name of shard <paramref name="index"/> of <paramref name="count"/> of <paramref name="split"/>.</summary>
    public static string FileName(string split, int index, int count)
        => string.Create(CultureInfo.InvariantCulture, $"{split}-{index:D5}-of-{count:D5}.parquet");

    /// <summary>How many shards <paramref name="rows"/> rows make at <paramref name="maxRowsPerFile"/> a file (at least one, for an empty split).</summary>
    public static int Count(long rows, long maxRowsPerFile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerFile, 1);
        return checked((int)Math.Max(1, (rows + maxRowsPerFile - 1) / maxRowsPerFile));
    }

    /// <summary>Reads a shard name; false for any other name.</summary>
    public static bool TryParse(string fileName, out string split, out int index, out int count)
    {
        var match = ShardPattern().Match(fileName);
        (split, index, count) = match.Success
            ? (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))
            : ("", 0, 0);
        return match.Success && index < count;
    }

    /// <summary>
    /// The files of <paramref name="split"/> in <paramref name="folder"/>: the shards of one complete set, in order, or
    /// <c><paramref name="split"/>.parquet</c>; empty when there are none.
    /// </summary>
    /// <exception cref="Tasks.InputFileException">The folder holds shards of several sets, or a set with a shard missing.</exception>
    public static IReadOnlyList<string> SplitFiles(string folder, string split)
    {
        var single = Path.Combine(folder, split + ".parquet");
        var shards = Directory.EnumerateFiles(folder, split + "-*-of-*.parquet")
            .Select(path => TryParse(Path.GetFileName(path), out var s, out var i, out var n) && s == split ? (path, i, n) : default)
            .Where(s => s.path is not null).OrderBy(s => s.i).ToArray();
        if (shards.Length == 0) return File.Exists(single) ? [single] : [];
        var counts = shards.Select(s => s.n).Distinct().ToArray();
        if (counts.Length > 1 || File.Exists(single))
            throw new Tasks.InputFileException($"Folder '{folder}' mixes {split} files of different sets ({string.Join(", ", shards.Select(s => Path.GetFileName(s.path)).Take(4))}…); prepare the folder again.", folder);
        if (shards.Length != counts[0])
            throw new Tasks.InputFileException($"Folder '{folder}' has {shards.Length} of the {counts[0]} {split} shards; a shard is missing, so prepare the folder again.", folder);
        return shards.Select(s => s.path).ToArray();
    }

    /// <summary>Whether <paramref name="fileName"/> names a split file <c>prepare</c> writes: <c>train.parquet</c>, <c>test.parquet</c> or a shard of either.</summary>
    public static bool IsSplitFile(string fileName)
        => fileName is "train.parquet" or "test.parquet" || TryParse(fileName, out var split, out _, out _) && split is "train" or "test";

    [GeneratedRegex(@"^([A-Za-z0-9_.]+)-(\d{5,})-of-(\d{5,})\.parquet$", RegexOptions.CultureInvariant)]
    private static partial Regex ShardPattern();
}
