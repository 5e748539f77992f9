using System.Text.RegularExpressions;
using ScottPlot;

namespace Countdown.Preprocess.Reporting;

/// <summary>Draws a <see cref="ChartSpec"/> with ScottPlot, as SVG to inline in the page or as PNG.</summary>
public static partial class ChartRenderer
{
    /// <summary>The chart width in pixels.</summary>
    public const int Width = 720;

    /// <summary>The chart height in pixels.</summary>
    public const int Height = 320;

    private const string PreferredFont = "DejaVu Sans";

    // SkiaSharp's default typeface differs per machine; a sans font with wide coverage reads best where it exists.
    private static readonly bool HasPreferredFont = SkiaSharp.SKFontManager.Default.MatchFamily(PreferredFont) is not null;

    private static readonly Color[] Palette = [Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c")];

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element to place in HTML: no XML declaration, ids prefixed with the chart id, scaling to its box.</summary>
    public static string Svg(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var svg = Create(spec).GetSvgXml(Width, Height);
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
        // Skia numbers clip paths with a counter per process: renumber them per chart so the page is the same on every run
        // and several inline charts never share an id.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = IdAttribute().Replace(svg, m => $"id=\"{Renamed(m.Groups[1].Value)}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{Renamed(m.Groups[1].Value)})");
        var rootEnd = svg.IndexOf('>', StringComparison.Ordinal);
        var root = svg[..rootEnd]
            .Replace($"width=\"{Width}\" height=\"{Height}\"", $"viewBox=\"0 0 {Width} {Height}\"", StringComparison.Ordinal);
        return $"{root} role=\"img\" aria-label=\"{Html.Escape(spec.Title)}\" class=\"chart\"{svg[rootEnd..]}";

        string Renamed(string id)
        {
            if (!ids.TryGetValue(id, out var renamed)) ids.Add(id, renamed = $"{spec.Id}-{ids.Count}");
            return renamed;
        }
    }

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Create(spec).GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static Plot Create(ChartSpec spec)
    {
        var plot = new Plot();
        if (HasPreferredFont) plot.Font.Set(PreferredFont);
        plot.Title(spec.Title, 14);
        plot.XLabel(spec.XLabel, 12);
        plot.YLabel(spec.YLabel, 12);
        var groups = spec.Series.Count;
        var slot = (spec.Categories is null ? spec.BinWidth : 1) * (groups > 1 ? 0.8 : spec.Categories is null ? 1 : 0.8);
        var barWidth = slot / Math.Max(1, groups);
        for (var s = 0; s < groups; s++)
        {
            var series = spec.Series[s];
            var offset = groups > 1 ? -slot / 2 + barWidth * (s + 0.5) : 0;
            var bars = series.X.Select((x, i) => new Bar
            {
                Position = x + offset,
                Value = series.Y[i],
                Size = barWidth,
                FillColor = Palette[s % Palette.Length],
                LineWidth = 0,
            }).ToList();
            var plotted = plot.Add.Bars(bars);
            if (groups > 1) plotted.LegendText = series.Name;
        }

        if (spec.Categories is { } categories)
        {
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            // Long labels (the score reasons) would run into each other: slant them.
            if (categories.Sum(c => c.Length) * 7 > Width * 0.8)
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
                plot.Axes.Bottom.MinimumSize = 90;
            }
        }

        if (groups > 1) plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    [GeneratedRegex("\\bid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]*)\)")]
    private static partial Regex UrlReference();
}
