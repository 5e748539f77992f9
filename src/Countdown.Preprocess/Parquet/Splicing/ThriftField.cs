namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>One field of a <see cref="ThriftStruct"/>: its number, compact type and value.</summary>
internal sealed class ThriftField(short id, CompactType type, object? value)
{
    /// <summary>Gets the field number.</summary>
    public short Id { get; } = id;

    /// <summary>Gets the compact type, which for a boolean field is its value.</summary>
    public CompactType Type { get; } = type;

    /// <summary>Gets or sets the value (null for a boolean field).</summary>
    public object? Value { get; set; } = value;
}
