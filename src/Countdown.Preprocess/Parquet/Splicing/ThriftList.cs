namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>A Thrift list or set: its element type and elements.</summary>
internal sealed record ThriftList(CompactType ElementType, List<object> Items);
