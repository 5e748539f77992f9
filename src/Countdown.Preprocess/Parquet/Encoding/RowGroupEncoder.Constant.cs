using Parquet.Meta;
using Parquet.Schema;

namespace Countdown.Preprocess.Parquet.Encoding;

internal sealed partial class RowGroupEncoder
{
    private readonly Dictionary<DataField, ConstantChunk> _constants = [];

    /// <summary>Stages a column whose every row holds <paramref name="values"/>[0]: encoded once per row count, then its bytes are reused.</summary>
    /// <remarks>The caller guarantees the column is constant (<see cref="ConstantColumns"/>): the chunk then depends only on the row count.</remarks>
    internal bool ConstantTextColumn(DataField field, ReadOnlySpan<ReadOnlyMemory<char>> values, ReadOnlySpan<int> definitions)
    {
        int start = _group.Length;
        if (_constants.TryGetValue(field, out var cached) && cached.Levels == definitions.Length
            && cached.Value.Span.SequenceEqual(values.IsEmpty ? default : values[0].Span))
        {
            _group.Write(cached.Bytes);
            _columns.Add(cached.At(start));
            return true;
        }

        if (!TextColumn(field, values, definitions, default))
        {
            return false;
        }

        _constants[field] = new ConstantChunk(definitions.Length, values.IsEmpty ? default : values[0], _group.Written[start..].ToArray(), _columns[^1]);
        return true;
    }

    /// <summary>A constant column's staged bytes and metadata for one row count.</summary>
    private sealed record ConstantChunk(int Levels, ReadOnlyMemory<char> Value, byte[] Bytes, ColumnChunk Chunk)
    {
        /// <summary>Copies the metadata for a chunk staged at <paramref name="start"/>.</summary>
        public ColumnChunk At(int start)
        {
            var meta = Chunk.MetaData!;
            var statistics = meta.Statistics!;
            return new ColumnChunk
            {
                FileOffset = start,
                MetaData = new ColumnMetaData
                {
                    Type = meta.Type,
                    Encodings = [.. meta.Encodings],
                    PathInSchema = [.. meta.PathInSchema],
                    Codec = meta.Codec,
                    NumValues = meta.NumValues,
                    TotalUncompressedSize = meta.TotalUncompressedSize,
                    TotalCompressedSize = meta.TotalCompressedSize,
                    DataPageOffset = start,
                    Statistics = new Statistics
                    {
                        NullCount = statistics.NullCount,
                        Min = statistics.Min,
                        MinValue = statistics.MinValue,
                        Max = statistics.Max,
                        MaxValue = statistics.MaxValue,
                    },
                },
            };
        }
    }
}
