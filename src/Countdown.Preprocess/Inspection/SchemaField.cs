namespace Countdown.Preprocess.Inspection;

/// <summary>A named column or nested field with its type and nullability, printed as Arrow prints a field.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Type">The field type.</param>
/// <param name="IsNullable">Whether the field may hold nulls (Parquet <c>optional</c>); Arrow marks the others <c>not null</c>.</param>
public sealed record SchemaField(string Name, FieldType Type, bool IsNullable)
{
    /// <summary>The Arrow-style text: <c>name: type</c>, followed by <c>not null</c> when the field is required.</summary>
    public override string ToString() => $"{Name}: {Type}{(IsNullable ? "" : " not null")}";
}
