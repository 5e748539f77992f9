using Parquet.Meta;

namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>Turns the <see cref="RowGroup"/> metadata <see cref="Parquet.Encoding.RowGroupEncoder"/> returns into the Thrift struct Parquet.Net's footer writer makes of it.</summary>
/// <remarks>
/// Fields in number order, optional ones only when set, with the compact types of parquet.thrift: the order and
/// choices of Parquet.Net 6.1's generated <c>Write</c> methods, so the footer is the bytes Parquet.Net writes
/// (<c>RowGroupThriftTests</c> compares it with the struct read from Parquet.Net's own footer). Only what
/// Parquet.Net sets for our schema is supported; anything else throws rather than being dropped.
/// </remarks>
internal static class RowGroupThrift
{
    /// <summary>The Thrift struct of <paramref name="group"/>.</summary>
    /// <exception cref="NotSupportedException">The metadata sets a field the veRL writer never sets.</exception>
    public static ThriftStruct From(RowGroup group)
    {
        if (group.SortingColumns is not null) throw Unsupported("RowGroup.sorting_columns");
        var result = new ThriftStruct();
        result.Fields.Add(List(1, CompactType.Struct, group.Columns.Select(Chunk)));
        result.Fields.Add(I64(2, group.TotalByteSize));
        result.Fields.Add(I64(3, group.NumRows));
        if (group.FileOffset is { } fileOffset) result.Fields.Add(I64(5, fileOffset));
        if (group.TotalCompressedSize is { } compressed) result.Fields.Add(I64(6, compressed));
        if (group.Ordinal is { } ordinal) result.Fields.Add(new ThriftField(7, CompactType.I16, (long)ordinal));
        return result;
    }

    private static ThriftStruct Chunk(ColumnChunk chunk)
    {
        if (chunk.FilePath is not null || chunk.OffsetIndexOffset is not null || chunk.OffsetIndexLength is not null
            || chunk.ColumnIndexOffset is not null || chunk.ColumnIndexLength is not null || chunk.CryptoMetadata is not null
            || chunk.EncryptedColumnMetadata is not null)
        {
            throw Unsupported("ColumnChunk beyond file_offset and meta_data");
        }
        var result = new ThriftStruct();
        result.Fields.Add(I64(2, chunk.FileOffset));
        if (chunk.MetaData is { } meta) result.Fields.Add(new ThriftField(3, CompactType.Struct, MetaData(meta)));
        return result;
    }

    private static ThriftStruct MetaData(ColumnMetaData meta)
    {
        if (meta.KeyValueMetadata is not null || meta.IndexPageOffset is not null || meta.EncodingStats is not null
            || meta.BloomFilterOffset is not null || meta.BloomFilterLength is not null || meta.SizeStatistics is not null
            || meta.GeospatialStatistics is not null)
        {
            throw Unsupported("ColumnMetaData beyond the fields Parquet.Net sets");
        }
        var result = new ThriftStruct();
        result.Fields.Add(I32(1, (int)meta.Type));
        result.Fields.Add(List(2, CompactType.I32, meta.Encodings.Select(e => (object)(long)(int)e)));
        result.Fields.Add(List(3, CompactType.Binary, meta.PathInSchema.Select(p => (object)System.Text.Encoding.UTF8.GetBytes(p))));
        result.Fields.Add(I32(4, (int)meta.Codec));
        result.Fields.Add(I64(5, meta.NumValues));
        result.Fields.Add(I64(6, meta.TotalUncompressedSize));
        result.Fields.Add(I64(7, meta.TotalCompressedSize));
        result.Fields.Add(I64(9, meta.DataPageOffset));
        if (meta.DictionaryPageOffset is { } dictionary) result.Fields.Add(I64(11, dictionary));
        if (meta.Statistics is { } statistics) result.Fields.Add(new ThriftField(12, CompactType.Struct, Statistics(statistics)));
        return result;
    }

    private static ThriftStruct Statistics(Statistics statistics)
    {
        var result = new ThriftStruct();
        if (statistics.Max is { } max) result.Fields.Add(new ThriftField(1, CompactType.Binary, max));
        if (statistics.Min is { } min) result.Fields.Add(new ThriftField(2, CompactType.Binary, min));
        if (statistics.NullCount is { } nulls) result.Fields.Add(I64(3, nulls));
        if (statistics.DistinctCount is { } distinct) result.Fields.Add(I64(4, distinct));
        if (statistics.MaxValue is { } maxValue) result.Fields.Add(new ThriftField(5, CompactType.Binary, maxValue));
        if (statistics.MinValue is { } minValue) result.Fields.Add(new ThriftField(6, CompactType.Binary, minValue));
        if (statistics.IsMaxValueExact is { } maxExact) result.Fields.Add(new ThriftField(7, maxExact ? CompactType.BooleanTrue : CompactType.BooleanFalse, null));
        if (statistics.IsMinValueExact is { } minExact) result.Fields.Add(new ThriftField(8, minExact ? CompactType.BooleanTrue : CompactType.BooleanFalse, null));
        return result;
    }

    private static ThriftField I64(short id, long value) => new(id, CompactType.I64, value);

    private static ThriftField I32(short id, int value) => new(id, CompactType.I32, (long)value);

    private static ThriftField List(short id, CompactType elements, IEnumerable<object> items) => new(id, CompactType.List, new ThriftList(elements, [.. items]));

    private static NotSupportedException Unsupported(string what) => new($"The spliced footer cannot carry {what}; the veRL writer never sets it.");
}
