using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Parquet.Schema;
using PageEncoding = Parquet.Meta.Encoding;

namespace Countdown.Preprocess.Parquet.Encoding;

internal sealed partial class RowGroupEncoder
{
    /// <summary>Stages an int64 column chunk: one PLAIN data page; returns false, staging nothing, when the page would be too big.</summary>
    /// <remarks>Parquet.Net's min and max of no values are both 0, so an all-null chunk still has 8-byte zero statistics.</remarks>
    internal bool Int64Column(DataField field, ReadOnlySpan<long> values, ReadOnlySpan<int> definitions, ReadOnlySpan<int> repetitions)
    {
        if ((8L * values.Length) + LevelsBound(definitions.Length, repetitions.Length) > MaxPageBytes)
        {
            return false;
        }

        int start = _group.Length;
        _page.Clear();
        WriteLevels(field, definitions, repetitions);
        _page.Write(MemoryMarshal.AsBytes(values));

        long min = values.IsEmpty ? 0 : values[0], max = min;
        foreach (long value in values)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        Span<byte> minBytes = stackalloc byte[8], maxBytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(minBytes, min);
        BinaryPrimitives.WriteInt64LittleEndian(maxBytes, max);
        var statistics = new ChunkStatistics(definitions.Length - values.Length, true, minBytes, maxBytes);
        var sizes = default(ChunkSizes);
        StagePage(ref sizes, dictionaryPage: false, definitions.Length, PageEncoding.PLAIN, statistics);
        AddChunk(field, global::Parquet.Meta.Type.INT64, start, definitions.Length, dictionary: false, statistics, sizes);
        return true;
    }
}
