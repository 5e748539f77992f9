using Parquet.Meta;
using PageEncoding = Parquet.Meta.Encoding;

namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>Serialises data and dictionary page headers field for field as Parquet.Net 6.1 writes them.</summary>
/// <remarks>
/// A data page header carries the column chunk's statistics (Parquet.Net puts the same ones in the page and the
/// chunk), in Thrift field order: max, min, null count, max_value, min_value, with min/max left out when there is
/// no value. The CRC and the optional flags are never written.
/// </remarks>
internal static class PageHeaders
{
    /// <summary>Gets an upper bound of the header's size for statistics of these lengths.</summary>
    public static int MaxSize(int minLength, int maxLength) => 96 + (2 * (minLength + maxLength));

    /// <summary>Writes a DATA_PAGE header into <paramref name="destination"/> and returns its length.</summary>
    public static int WriteDataPage(Span<byte> destination, int uncompressedSize, int compressedSize, int numValues, PageEncoding encoding, in ChunkStatistics statistics)
    {
        var writer = new ThriftCompactWriter(destination);
        short top = writer.BeginStruct();
        WriteSizes(ref writer, PageType.DATA_PAGE, uncompressedSize, compressedSize);
        writer.WriteStructField(5);
        short page = writer.BeginStruct();
        writer.WriteI32Field(1, numValues);
        writer.WriteI32Field(2, (int)encoding);
        writer.WriteI32Field(3, (int)PageEncoding.RLE);
        writer.WriteI32Field(4, (int)PageEncoding.RLE);
        writer.WriteStructField(5);
        short stats = writer.BeginStruct();
        if (statistics.HasMinMax)
        {
            writer.WriteBinaryField(1, statistics.Max);
            writer.WriteBinaryField(2, statistics.Min);
        }

        writer.WriteI64Field(3, statistics.NullCount);
        if (statistics.HasMinMax)
        {
            writer.WriteBinaryField(5, statistics.Max);
            writer.WriteBinaryField(6, statistics.Min);
        }

        writer.EndStruct(stats);
        writer.EndStruct(page);
        writer.EndStruct(top);
        return writer.Length;
    }

    /// <summary>Writes a DICTIONARY_PAGE header (PLAIN_DICTIONARY, not flagged sorted) and returns its length.</summary>
    public static int WriteDictionaryPage(Span<byte> destination, int uncompressedSize, int compressedSize, int numValues)
    {
        var writer = new ThriftCompactWriter(destination);
        short top = writer.BeginStruct();
        WriteSizes(ref writer, PageType.DICTIONARY_PAGE, uncompressedSize, compressedSize);
        writer.WriteStructField(7);
        short page = writer.BeginStruct();
        writer.WriteI32Field(1, numValues);
        writer.WriteI32Field(2, (int)PageEncoding.PLAIN_DICTIONARY);
        writer.EndStruct(page);
        writer.EndStruct(top);
        return writer.Length;
    }

    private static void WriteSizes(ref ThriftCompactWriter writer, PageType type, int uncompressedSize, int compressedSize)
    {
        writer.WriteI32Field(1, (int)type);
        writer.WriteI32Field(2, uncompressedSize);
        writer.WriteI32Field(3, compressedSize);
    }
}
