namespace Countdown.Preprocess.Readers.ParquetPages;

/// <summary>The fields of a Parquet <c>PageHeader</c> (with its data, data v2 or dictionary page header) that decoding needs.</summary>
/// <param name="Type">The page type (<see cref="DataPage"/>, <see cref="DictionaryPage"/>, <see cref="DataPageV2"/>, or another to skip).</param>
/// <param name="UncompressedSize">Bytes of the page once decompressed (for v2: levels plus values).</param>
/// <param name="CompressedSize">Bytes of the page in the file, after its header.</param>
/// <param name="NumValues">Levels in a data page (values plus nulls), or entries in a dictionary page.</param>
/// <param name="Encoding">The values' encoding.</param>
/// <param name="DefinitionLevelEncoding">Data page v1: the encoding of the definition levels.</param>
/// <param name="RepetitionLevelEncoding">Data page v1: the encoding of the repetition levels.</param>
/// <param name="DefinitionLevelsLength">Data page v2: bytes of definition levels (never compressed).</param>
/// <param name="RepetitionLevelsLength">Data page v2: bytes of repetition levels (never compressed).</param>
/// <param name="IsCompressed">Data page v2: whether the values section is compressed.</param>
/// <param name="HeaderLength">Bytes of the header itself.</param>
internal readonly record struct PageHeader(
    int Type, int UncompressedSize, int CompressedSize, int NumValues, int Encoding,
    int DefinitionLevelEncoding, int RepetitionLevelEncoding, int DefinitionLevelsLength, int RepetitionLevelsLength,
    bool IsCompressed, int HeaderLength)
{
    /// <summary>Page types.</summary>
    public const int DataPage = 0, DictionaryPage = 2, DataPageV2 = 3;

    /// <summary>Encodings.</summary>
    public const int Plain = 0, PlainDictionary = 2, Rle = 3, RleDictionary = 8;

    /// <summary>Parses a header at the start of <paramref name="data"/>.</summary>
    /// <exception cref="EndOfStreamException"><paramref name="data"/> ends inside the header.</exception>
    /// <exception cref="ParquetPageException">The header is malformed or lacks a required field.</exception>
    public static PageHeader Parse(ReadOnlySpan<byte> data)
    {
        var thrift = new ThriftCompactReader(data);
        int type = -1, uncompressed = -1, compressed = -1, numValues = -1, encoding = -1;
        int definitionEncoding = Rle, repetitionEncoding = Rle, definitionLength = 0, repetitionLength = 0;
        bool isCompressed = true;
        short lastId = 0;
        while (thrift.ReadFieldHeader(ref lastId, out short id, out byte fieldType))
        {
            switch (id)
            {
                case 1: type = thrift.ReadInt(fieldType); break;
                case 2: uncompressed = thrift.ReadInt(fieldType); break;
                case 3: compressed = thrift.ReadInt(fieldType); break;
                case 5 or 7 or 8 when fieldType == ThriftCompactReader.Struct:
                {
                    short innerId = 0;
                    while (thrift.ReadFieldHeader(ref innerId, out short inner, out byte innerType))
                    {
                        switch (id, inner)
                        {
                            case (_, 1): numValues = thrift.ReadInt(innerType); break;
                            case (5, 2) or (7, 2) or (8, 4): encoding = thrift.ReadInt(innerType); break;
                            case (5, 3): definitionEncoding = thrift.ReadInt(innerType); break;
                            case (5, 4): repetitionEncoding = thrift.ReadInt(innerType); break;
                            case (8, 5): definitionLength = thrift.ReadInt(innerType); break;
                            case (8, 6): repetitionLength = thrift.ReadInt(innerType); break;
                            case (8, 7): isCompressed = ThriftCompactReader.ReadBool(innerType); break;
                            default: thrift.Skip(innerType); break; // statistics, num_nulls, num_rows, is_sorted, ...
                        }
                    }
                    break;
                }
                default: thrift.Skip(fieldType); break; // crc, index page header, newer fields
            }
        }
        if (type < 0 || uncompressed < 0 || compressed < 0)
            throw new ParquetPageException("a page header lacks its type or sizes, or holds a negative size");
        bool known = type is DataPage or DictionaryPage or DataPageV2;
        if (known && (numValues < 0 || encoding < 0))
            throw new ParquetPageException($"the header of a page of type {type} lacks its value count or encoding, or holds a negative count");
        if (definitionLength < 0 || repetitionLength < 0)
            throw new ParquetPageException("a data page v2 header holds a negative level length");
        return new PageHeader(type, uncompressed, compressed, numValues, encoding, definitionEncoding, repetitionEncoding,
            definitionLength, repetitionLength, isCompressed, thrift.Position);
    }
}
