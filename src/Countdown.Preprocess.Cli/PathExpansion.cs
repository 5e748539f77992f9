namespace Countdown.Preprocess.Cli;

/// <summary>Expands a leading <c>~</c> as a shell would, since TinyZero's default folder is <c>~/data/countdown</c>.</summary>
internal static class PathExpansion
{
    public static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return path.Length == 1 ? home : Path.Combine(home, path[2..]);
        }
        return path;
    }
}
