using System.Text.Json;

namespace Countdown.Preprocess.Readers;

/// <summary>Checks JSON text for syntax alone, to tell a broken document from a well-formed one with a bad field.</summary>
internal static class JsonSyntax
{
    /// <summary>The syntax error in <paramref name="json"/> (one value, white space around it), or null when there is none.</summary>
    public static JsonException? FindError(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException ex)
        {
            return ex;
        }
    }
}
