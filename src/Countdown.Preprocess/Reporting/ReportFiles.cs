using System.Text;
using Countdown.Preprocess.Output;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

/// <summary>Writes a report's HTML page and, when asked, each chart as a PNG, all or nothing.</summary>
public static class ReportFiles
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="htmlPath"/>, and its charts to <c>ID.png</c> in <paramref name="pngFolder"/> when given.</summary>
    /// <returns>The paths written, the page first.</returns>
    /// <exception cref="OutputException">A file cannot be written; nothing is left behind.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(DatasetReport report, string htmlPath, string? pngFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(htmlPath);
        if (Directory.Exists(htmlPath))
            throw new OutputException($"'{htmlPath}' is a folder; give the report a file name such as report.html with -o.", htmlPath);
        if (pngFolder is not null && File.Exists(pngFolder))
            throw new OutputException($"'{pngFolder}' is a file; give --png a folder for the chart images.", pngFolder);

        var charts = ReportCharts.For(report);
        await using var files = new AtomicFileSet();
        await using (var html = files.Create(htmlPath))
            await html.WriteAsync(Encoding.UTF8.GetBytes(HtmlReportWriter.Render(report, charts)), cancellationToken);
        if (pngFolder is not null)
        {
            foreach (var chart in charts)
            {
                await using var png = files.Create(Path.Combine(pngFolder, chart.Id + ".png"));
                await png.WriteAsync(ChartRenderer.Png(chart), cancellationToken);
            }
        }

        files.Commit();
        return files.FinalPaths;
    }
}
