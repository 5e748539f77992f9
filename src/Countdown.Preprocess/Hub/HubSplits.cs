using System.Text.RegularExpressions;

namespace Countdown.Preprocess.Hub;

/// <summary>Which files of a repository hold a split: Parquet files directly under <c>data/</c> named <c>{split}-*.parquet</c> or <c>{split}.parquet</c>.</summary>
internal static partial class HubSplits
{
    private const string Folder = "data/";
    private const string Extension = ".parquet";

    /// <summary>Whether <paramref name="split"/> is a split name as the datasets library allows (<c>\w+(\.\w+)*</c>).</summary>
    public static bool IsValidName(string split) => SplitName().IsMatch(split);

    /// <summary>The split's files in ordinal name order, the order their rows are read in.</summary>
    public static IReadOnlyList<string> FilesOf(IEnumerable<string> files, string split)
        => files.Where(path => NameIn(path) is { } name
                && (name == split + Extension || name.StartsWith(split + "-", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The splits that have files, for the hint when the one asked for has none.</summary>
    public static IReadOnlyList<string> SplitsIn(IEnumerable<string> files)
        => files.Select(NameIn).OfType<string>()
            .Select(name => name.IndexOf('-') is var dash and > 0 ? name[..dash] : name[..^Extension.Length])
            .Where(IsValidName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    // The file name of a Parquet file directly under data/, or null; names that could escape a folder never match.
    private static string? NameIn(string path)
    {
        if (!path.StartsWith(Folder, StringComparison.Ordinal) || !path.EndsWith(Extension, StringComparison.Ordinal)) return null;
        var name = path[Folder.Length..];
        return name.Length > Extension.Length && SafeName().IsMatch(name) ? name : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$")]
    private static partial Regex SplitName();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.+=-]*$")]
    private static partial Regex SafeName();
}
