namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>A program and its arguments, started as one measured child process.</summary>
internal sealed record ChildCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The command line as a shell would take it, for logs and results files.</summary>
    public override string ToString() => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    private static string Quote(string word)
        => word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./=:,+@".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";
}
