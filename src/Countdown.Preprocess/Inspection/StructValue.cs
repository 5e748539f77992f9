namespace Countdown.Preprocess.Inspection;

/// <summary>A row or struct value read generically: named values in stored order.</summary>
/// <remarks>
/// Values are <see langword="null"/>, CLR primitives (<see cref="long"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="bool"/>, <see cref="byte"/>[] …), <c>object?[]</c> for lists, <see cref="StructValue"/> and <see cref="MapValue"/>.
/// </remarks>
/// <param name="Fields">The named values in stored order.</param>
public sealed record StructValue(IReadOnlyList<KeyValuePair<string, object?>> Fields)
{
    /// <summary>Finds a field by name.</summary>
    public bool TryGet(string name, out object? value)
    {
        foreach (var field in Fields)
        {
            if (field.Key == name)
            {
                value = field.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>The value of a field, or <see langword="null"/> when the field is absent or null.</summary>
    public object? Get(string name) => TryGet(name, out var value) ? value : null;
}
