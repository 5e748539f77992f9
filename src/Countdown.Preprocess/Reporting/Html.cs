using System.Globalization;
using System.Net;

namespace Countdown.Preprocess.Reporting;

/// <summary>Text helpers for the HTML report: escaping and invariant number formats.</summary>
internal static class Html
{
    /// <summary>The text with <c>&amp; &lt; &gt; " '</c> escaped, safe in element content and quoted attributes.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A count with thousands separators: <c>490,364</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with two decimals: <c>18.49%</c>; a dash for an empty whole.</summary>
    public static string Percent(long part, long whole)
        => whole == 0 ? "–" : (100.0 * part / whole).ToString("F2", CultureInfo.InvariantCulture) + "%";

    /// <summary>A fraction 0..1 as a percentage with two decimals.</summary>
    public static string Percent(double fraction) => (100 * fraction).ToString("F2", CultureInfo.InvariantCulture) + "%";

    /// <summary>A task's numbers as Python prints a list: <c>[95, 11, 56]</c>.</summary>
    public static string List(IEnumerable<long> numbers)
        => "[" + string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]";
}
