using System.Text.RegularExpressions;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Reporting;

/// <summary>The committed sample reports are what <c>report</c> makes today (samples/make-samples.sh runs it from the repository root).</summary>
public sealed partial class ReportSamplesTests
{
    [Theory]
    [InlineData("countdown-tasks-2k.html", "samples/raw/countdown-tasks-2k.parquet")]
    [InlineData("prepared-base.html", "samples/prepared/base")]
    public async Task Report_BundledSample_MatchesTheCommittedReport(string sample, string input)
    {
        using var folder = new TempDirectory();
        var made = folder.File(sample);

        var run = await CliRun.RunAsync("report", "-q", RepositoryFiles.Path(input.Split('/')), "-o", made);

        Assert.Equal(0, run.ExitCode);
        var root = RepositoryFiles.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var today = (await File.ReadAllTextAsync(made)).Replace(root, "", StringComparison.Ordinal).Replace('\\', '/');
        var committed = (await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "report", sample))).ReplaceLineEndings("\n");
        // Chart geometry follows the machine's fonts (glyph widths move the axes), so charts are compared by count only.
        Assert.Equal(Svg().Count(committed), Svg().Count(today));
        Assert.True(Svg().Replace(committed, "<svg/>") == Svg().Replace(today, "<svg/>"),
            $"samples/report/{sample} differs from what report makes of {input} today; rerun samples/make-samples.sh.");
    }

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();
}
