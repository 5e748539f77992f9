namespace Countdown.Preprocess.Inspection;

/// <summary>A leaf type known by its Arrow name: <c>int64</c>, <c>double</c>, <c>string</c>, <c>timestamp[us]</c>.</summary>
/// <param name="Name">The Arrow type name; <c>null</c> when no value was seen, <c>mixed</c> when values disagree.</param>
public sealed record PrimitiveFieldType(string Name) : FieldType
{
    /// <summary>The Arrow <c>int64</c> type.</summary>
    public static PrimitiveFieldType Int64 { get; } = new("int64");

    /// <summary>The Arrow <c>string</c> type.</summary>
    public static PrimitiveFieldType String { get; } = new("string");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
