using System.Text.Json;

namespace Countdown.Preprocess.Inspection;

/// <summary>Turns JSON elements into the plain values <c>inspect</c> shows: <see cref="long"/> or <see cref="double"/>, strings, lists and structs.</summary>
internal static class JsonValues
{
    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new StructValue(element.EnumerateObject()
            .Select(p => new KeyValuePair<string, object?>(p.Name, ToValue(p.Value))).ToArray()),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
