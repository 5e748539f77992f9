namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>The Thrift compact protocol's type codes, as they appear in field and list headers.</summary>
internal enum CompactType : byte
{
    /// <summary>Ends a struct.</summary>
    Stop = 0,

    /// <summary>A boolean field whose value is true (the value lives in the header).</summary>
    BooleanTrue = 1,

    /// <summary>A boolean field whose value is false.</summary>
    BooleanFalse = 2,

    /// <summary>A signed byte.</summary>
    Byte = 3,

    /// <summary>A zigzag varint of 16 bits.</summary>
    I16 = 4,

    /// <summary>A zigzag varint of 32 bits.</summary>
    I32 = 5,

    /// <summary>A zigzag varint of 64 bits.</summary>
    I64 = 6,

    /// <summary>An IEEE 754 double, little-endian.</summary>
    Double = 7,

    /// <summary>A length-prefixed string or byte array.</summary>
    Binary = 8,

    /// <summary>A list: element type and count, then the elements.</summary>
    List = 9,

    /// <summary>A set, laid out like a list.</summary>
    Set = 10,

    /// <summary>A map (Parquet's metadata has none).</summary>
    Map = 11,

    /// <summary>A nested struct.</summary>
    Struct = 12,
}
