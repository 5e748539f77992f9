namespace Countdown.Preprocess.Inspection;

/// <summary>A list type: <c>list&lt;element: int64&gt;</c>.</summary>
/// <param name="Element">The element field, with its name (<c>element</c> in Parquet written by Arrow, <c>item</c> when inferred).</param>
public sealed record ListFieldType(SchemaField Element) : FieldType
{
    /// <inheritdoc/>
    public override string ToString() => $"list<{Element}>";
}
