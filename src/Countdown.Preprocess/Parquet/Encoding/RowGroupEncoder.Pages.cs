using Parquet.Meta;
using Parquet.Schema;
using PageEncoding = Parquet.Meta.Encoding;

namespace Countdown.Preprocess.Parquet.Encoding;

internal sealed partial class RowGroupEncoder
{
    /// <summary>Compresses the page in <see cref="_page"/>, followed by <paramref name="tail"/> if any, stages its header and bytes, and counts both sizes as Parquet.Net does (headers included).</summary>
    private void StagePage(ref ChunkSizes sizes, bool dictionaryPage, int numValues, PageEncoding encoding, in ChunkStatistics statistics, ReadOnlySpan<byte> tail = default)
    {
        var data = _compressor.Compress(_page.Written, tail);
        int pageLength = _page.Length + tail.Length;
        int needed = PageHeaders.MaxSize(statistics.Min.Length, statistics.Max.Length);
        if (_header.Length < needed)
        {
            _header = new byte[needed];
        }

        int header = dictionaryPage
            ? PageHeaders.WriteDictionaryPage(_header, pageLength, data.Length, numValues)
            : PageHeaders.WriteDataPage(_header, pageLength, data.Length, numValues, encoding, statistics);
        _group.Write(_header.AsSpan(0, header));
        _group.Write(data);
        sizes.Compressed += header + data.Length;
        sizes.Uncompressed += header + pageLength;
    }

    /// <summary>Writes repetition then definition levels, each with its 4-byte length, when the field has them.</summary>
    private void WriteLevels(DataField field, ReadOnlySpan<int> definitions, ReadOnlySpan<int> repetitions)
    {
        if (field.MaxRepetitionLevel > 0)
        {
            RleRunEncoder.EncodeWithLength(_page, repetitions, field.MaxRepetitionLevel);
        }

        if (field.MaxDefinitionLevel > 0)
        {
            RleRunEncoder.EncodeWithLength(_page, definitions, field.MaxDefinitionLevel);
        }
    }

    /// <summary>Gets an upper bound of the levels' encoded size.</summary>
    private static long LevelsBound(int definitions, int repetitions)
        => 8 + RleRunEncoder.MaxLength(definitions, 1) + RleRunEncoder.MaxLength(repetitions, 1);

    /// <summary>Records the chunk's metadata as Parquet.Net's column writer fills it: the data page offset is the chunk's start, even after a dictionary page.</summary>
    private void AddChunk(DataField field, global::Parquet.Meta.Type type, int start, int numValues, bool dictionary, in ChunkStatistics statistics, ChunkSizes sizes)
    {
        List<PageEncoding> encodings = dictionary ? [PageEncoding.PLAIN_DICTIONARY, PageEncoding.RLE] : [PageEncoding.PLAIN, PageEncoding.RLE];
        _columns.Add(new ColumnChunk
        {
            FileOffset = start,
            MetaData = new ColumnMetaData
            {
                Type = type,
                Encodings = encodings,
                PathInSchema = field.Path.ToList(),
                Codec = _thriftCodec,
                NumValues = numValues,
                TotalUncompressedSize = sizes.Uncompressed,
                TotalCompressedSize = sizes.Compressed,
                DataPageOffset = start,
                Statistics = statistics.ToThrift(),
            },
        });
    }

    /// <summary>A chunk's sizes, headers included: Parquet.Net's column metrics.</summary>
    private struct ChunkSizes
    {
        public int Compressed;
        public int Uncompressed;
    }
}
