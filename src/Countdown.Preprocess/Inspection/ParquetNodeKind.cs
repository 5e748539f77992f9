namespace Countdown.Preprocess.Inspection;

/// <summary>How a Parquet schema node reads as a value.</summary>
internal enum ParquetNodeKind
{
    Primitive,
    Struct,
    List,
    Map,
}
