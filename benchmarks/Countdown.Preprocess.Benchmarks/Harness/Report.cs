using System.Globalization;
using System.Text;

namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>A Markdown results report: what ran where, a table of medians, and comparisons; printed and optionally saved.</summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();

    public Report(string title, IEnumerable<string> commandLine)
    {
        _text.AppendLine($"## {title}").AppendLine();
        _text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{string.Join(' ', commandLine)}`.").AppendLine();
        foreach (var line in MachineInfo.Describe()) _text.AppendLine($"- {line}");
        _text.AppendLine();
    }

    /// <summary>Adds the table: one line per contender, medians first; <paramref name="items"/> adds an items-per-second column.</summary>
    public void Table(IReadOnlyList<Series> series, long? items = null, string itemsTitle = "items/s")
    {
        var notes = series.SelectMany(s => s.Notes.Keys).Distinct().ToArray();
        var header = new List<string> { "Contender", "Runs", "Wall median (s)", "Wall min–max (s)", "Peak RSS median (MB)", "Peak RSS max (MB)", "CPU median (s)" };
        header.AddRange(notes);
        if (items is not null) header.Add(itemsTitle);
        Row(header);
        Row(header.Select(h => h == "Contender" ? "---" : "---:"));
        foreach (var s in series)
        {
            var cells = new List<string>
            {
                s.Name, s.Samples.Count.ToString(CultureInfo.InvariantCulture),
                F(s.Wall?.Median, "F2"), s.Wall is { } w ? $"{w.Min:F2}–{w.Max:F2}" : "–",
                F(s.PeakMB?.Median, "F0"), F(s.PeakMB?.Max, "F0"), F(s.CpuSeconds?.Median, "F2"),
            };
            cells.AddRange(notes.Select(n => s.Notes.GetValueOrDefault(n, "–")));
            if (items is not null) cells.Add(F(items / s.Wall?.Median, "N0"));
            Row(cells);
        }
        _text.AppendLine();
    }

    public void Line(string line) => _text.AppendLine(line);

    public async Task EmitAsync(TextWriter output, string? resultsPath)
    {
        await output.WriteAsync(_text.ToString());
        if (resultsPath is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!);
        await File.WriteAllTextAsync(resultsPath, _text.ToString());
        await Console.Error.WriteLineAsync($"# results written to {resultsPath}");
    }

    private void Row(IEnumerable<string> cells) => _text.AppendLine("| " + string.Join(" | ", cells) + " |");

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
}
