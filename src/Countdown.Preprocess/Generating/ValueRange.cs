using System.Globalization;
using System.Text.RegularExpressions;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Generating;

/// <summary>An inclusive range of integers, written <c>MIN-MAX</c> (or one number for both) on the command line.</summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
public readonly partial record struct ValueRange(long Min, long Max)
{
    /// <summary>Prints the range as it is written, e.g. <c>1-99</c>.</summary>
    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");

    /// <summary>Reads <c>MIN-MAX</c> or a single number; either end may be negative (<c>-5-5</c>).</summary>
    /// <exception cref="UsageException">The text is not a range, or its start is above its end.</exception>
    public static ValueRange Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = RangePattern().Match(text);
        if (!match.Success
            || !long.TryParse(match.Groups["min"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var min))
        {
            throw new UsageException($"{option} '{text}' is not a range; write two integers like '1-99', or one number.");
        }

        var max = min;
        if (match.Groups["max"].Success
            && !long.TryParse(match.Groups["max"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out max))
        {
            throw new UsageException($"{option} '{text}' is not a range; write two integers like '1-99', or one number.");
        }

        if (min > max)
        {
            throw new UsageException($"{option} '{text}' starts above its end; write the smaller number first, e.g. '{max}-{min}'.");
        }

        return new ValueRange(min, max);
    }

    [GeneratedRegex(@"^\s*(?<min>-?\d+)\s*(?:-\s*(?<max>-?\d+)\s*)?$")]
    private static partial Regex RangePattern();
}
