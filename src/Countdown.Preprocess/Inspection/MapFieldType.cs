namespace Countdown.Preprocess.Inspection;

/// <summary>A map type: <c>map&lt;string, int64&gt;</c>.</summary>
/// <param name="Key">The key field.</param>
/// <param name="Value">The value field.</param>
public sealed record MapFieldType(SchemaField Key, SchemaField Value) : FieldType
{
    /// <inheritdoc/>
    public override string ToString()
        => $"map<{Key.Type}, {Value.Type}{(Value.IsNullable ? "" : " not null")}>";
}
