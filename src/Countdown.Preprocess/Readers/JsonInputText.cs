using System.Text.Json;

namespace Countdown.Preprocess.Readers;

/// <summary>Names two causes of "not valid JSON" that deserve their own words: a file in UTF-16/UTF-32, and nesting too deep.</summary>
public static class JsonInputText
{
    /// <summary>How deep the JSON readers nest (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    /// <summary>The encoding <paramref name="start"/> (a file's first bytes) is in when it is UTF-16 or UTF-32, by its byte-order
    /// mark or else by the zero bytes ASCII text has in those encodings (RFC 4627, section 3); null otherwise.</summary>
    public static string? NonUtf8Encoding(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return "UTF-32 LE";
        if (start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return "UTF-32 BE";
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return "UTF-16 LE";
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return "UTF-16 BE";
        if (start.Length < 4) return null;
        return (start[0] == 0, start[1] == 0, start[2] == 0, start[3] == 0) switch
        {
            (true, true, true, false) => "UTF-32 BE",
            (false, true, true, true) => "UTF-32 LE",
            (true, false, true, false) => "UTF-16 BE",
            (false, true, false, true) => "UTF-16 LE",
            _ => null,
        };
    }

    /// <summary>The one-line explanation for a file in <paramref name="encoding"/>, to follow the file's name.</summary>
    public static string NotUtf8Sentence(string encoding)
        => $"is {encoding} text, but JSON input is read as UTF-8; convert it, e.g. with 'iconv -f {encoding.Replace(" ", "", StringComparison.Ordinal)} -t UTF-8'";

    /// <summary>Whether <paramref name="error"/> is the reader's depth limit rather than broken syntax.</summary>
    public static bool IsTooDeep(JsonException error)
        => error.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase);

    /// <summary>The words for a value nested too deep, to follow the record's location.</summary>
    public static string TooDeepClause => $"is nested deeper than {MaxDepth} levels, which JSON reading does not allow";
}
