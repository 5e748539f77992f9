using System.Buffers.Binary;
using System.Numerics;
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

        var (min, max) = MinMax(values);
        Span<byte> minBytes = stackalloc byte[8], maxBytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(minBytes, min);
        BinaryPrimitives.WriteInt64LittleEndian(maxBytes, max);
        var statistics = new ChunkStatistics(definitions.Length - values.Length, true, minBytes, maxBytes);
        var sizes = default(ChunkSizes);
        StagePage(ref sizes, dictionaryPage: false, definitions.Length, PageEncoding.PLAIN, statistics);
        AddChunk(field, global::Parquet.Meta.Type.INT64, start, definitions.Length, dictionary: false, statistics, sizes);
        return true;
    }

    /// <summary>Finds the min and max, both 0 without values (as Parquet.Net reports them), several values at a time.</summary>
    private static (long Min, long Max) MinMax(ReadOnlySpan<long> values)
    {
        if (values.IsEmpty)
        {
            return (0, 0);
        }

        long min = values[0], max = min;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<long>.Count)
        {
            var low = new Vector<long>(values);
            var high = low;
            for (; i <= values.Length - Vector<long>.Count; i += Vector<long>.Count)
            {
                var next = new Vector<long>(values[i..]);
                low = Vector.Min(low, next);
                high = Vector.Max(high, next);
            }

            for (int lane = 0; lane < Vector<long>.Count; lane++)
            {
                min = Math.Min(min, low[lane]);
                max = Math.Max(max, high[lane]);
            }
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }
}
