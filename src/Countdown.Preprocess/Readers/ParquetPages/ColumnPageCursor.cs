using Parquet.Meta;

namespace Countdown.Preprocess.Readers.ParquetPages;

/// <summary>Walks one integer column chunk page by page, handing out its levels and values a bounded piece at a time.</summary>
/// <remarks>
/// Holds one page (compressed and decompressed), the chunk's dictionary and one piece of at most <see cref="PieceLevels"/>
/// decoded levels, so memory follows the page size, not the row group's. The owner reads <see cref="Repetition"/>,
/// <see cref="Definition"/> and <see cref="Values"/> from <see cref="Position"/> and <see cref="ValuePosition"/>, advancing
/// them, and calls <see cref="FillAsync"/> once <see cref="Position"/> reaches <see cref="Count"/>. Reads data pages v1 and v2
/// with RLE levels and PLAIN or dictionary (PLAIN_DICTIONARY / RLE_DICTIONARY) INT32 or INT64 values; which chunks it
/// takes is decided by <see cref="CanRead"/>, anything else stays on Parquet.Net's whole-chunk path.
/// </remarks>
internal sealed partial class ColumnPageCursor : IDisposable
{
    /// <summary>Levels decoded at a time.</summary>
    public const int PieceLevels = 8_192;

    /// <summary>The largest page accepted (decompressed); pyarrow writes 1 MB pages, so anything near this is corrupt.</summary>
    internal const int MaxPageBytes = 256 << 20;

    /// <summary>The largest page header accepted; an integer column's header, statistics included, takes well under 100 bytes.</summary>
    internal const int MaxHeaderBytes = 1 << 20;

    private const int HeaderProbe = 256;

    private readonly Stream _file;
    private readonly int _maxRepetition, _maxDefinition, _repetitionWidth, _definitionWidth;
    private readonly bool _int32;
    private readonly PageDecompressor _decompressor = new();
    private readonly RleBitPackedDecoder _repetitionDecoder = new(), _definitionDecoder = new(), _indexDecoder = new();
    private readonly int[] _indices = new int[PieceLevels];

    private CompressionCodec _codec;
    private long _next, _end, _levelsLeft;
    private byte[] _header = [], _raw = [], _page = [], _valuesPage = [];
    private long[] _dictionary = [];
    private int _dictionaryCount = -1;
    private int _pageLevelsLeft, _plainPosition, _valuesEnd;
    private bool _dictionaryEncoded;

    /// <summary>Creates a cursor over <paramref name="file"/> for a leaf column with the given maximum levels.</summary>
    public ColumnPageCursor(Stream file, int maxRepetition, int maxDefinition, bool int32)
    {
        _file = file;
        _maxRepetition = maxRepetition;
        _maxDefinition = maxDefinition;
        _repetitionWidth = 32 - int.LeadingZeroCount(maxRepetition);
        _definitionWidth = 32 - int.LeadingZeroCount(maxDefinition);
        _int32 = int32;
    }

    /// <summary>Repetition levels of the current piece (meaningful when the column repeats).</summary>
    public int[] Repetition { get; } = new int[PieceLevels];

    /// <summary>Definition levels of the current piece; all 0 for a required column (0 is then its maximum).</summary>
    public int[] Definition { get; } = new int[PieceLevels];

    /// <summary>The non-null values of the current piece, in order.</summary>
    public long[] Values { get; } = new long[PieceLevels];

    /// <summary>Levels in the current piece.</summary>
    public int Count { get; private set; }

    /// <summary>Non-null values in the current piece.</summary>
    public int ValueCount { get; private set; }

    /// <summary>The next level of the current piece to take; advanced by the owner.</summary>
    public int Position { get; set; }

    /// <summary>The next value of the current piece to take; advanced by the owner.</summary>
    public int ValuePosition { get; set; }

    /// <summary>Whether this cursor reads the chunk <paramref name="chunk"/>: a codec and encodings it decodes.</summary>
    /// <remarks>
    /// Falls back (false) for LZ4, LZ4_RAW, Brotli and LZO pages, for DELTA_*, BYTE_STREAM_SPLIT and the deprecated
    /// BIT_PACKED level encoding, and for a chunk whose physical type disagrees with the schema.
    /// </remarks>
    public static bool CanRead(ColumnMetaData? chunk, bool int32)
        => chunk is not null
           && PageDecompressor.Supports(chunk.Codec)
           && chunk.Type == (int32 ? global::Parquet.Meta.Type.INT32 : global::Parquet.Meta.Type.INT64)
           && chunk.Encodings is not null
           && chunk.Encodings.All(e => e is Encoding.PLAIN or Encoding.PLAIN_DICTIONARY or Encoding.RLE or Encoding.RLE_DICTIONARY);

    /// <summary>Starts on the chunk <paramref name="chunk"/> of a file of <paramref name="fileLength"/> bytes.</summary>
    /// <exception cref="ParquetPageException">The chunk lies outside the file.</exception>
    public void Start(ColumnMetaData chunk, long fileLength)
    {
        long start = chunk.DataPageOffset;
        // The dictionary page comes first when there is one; Arrow leaves the data page offset 0 in a chunk without data pages.
        if (chunk.DictionaryPageOffset is long dictionary && dictionary >= 4 && (dictionary < start || start < 4))
            start = dictionary;
        long length = chunk.TotalCompressedSize;
        if (start < 4 || length < 0 || length > fileLength - start || chunk.NumValues < 0)
            throw new ParquetPageException($"its chunk of {length} bytes at offset {start} lies outside the file of {fileLength} bytes");
        _codec = chunk.Codec;
        _next = start;
        _end = start + length;
        _levelsLeft = chunk.NumValues;
        _dictionaryCount = -1;
        _pageLevelsLeft = Count = ValueCount = Position = ValuePosition = 0;
    }

    /// <summary>Decodes the next piece into <see cref="Repetition"/>, <see cref="Definition"/> and <see cref="Values"/>; false at the end of the chunk.</summary>
    public ValueTask<bool> FillAsync(CancellationToken cancellationToken)
        => DecodePiece() ? new ValueTask<bool>(true) : LoadAndFillAsync(cancellationToken);

    /// <summary>Whether the chunk holds levels not yet taken.</summary>
    public async ValueTask<bool> HasMoreAsync(CancellationToken cancellationToken)
        => Position < Count || await FillAsync(cancellationToken).ConfigureAwait(false);

    private async ValueTask<bool> LoadAndFillAsync(CancellationToken cancellationToken)
    {
        while (await LoadPageAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DecodePiece())
                return true;
        }
        Count = ValueCount = Position = ValuePosition = 0;
        return false;
    }

    public void Dispose() => _decompressor.Dispose();
}
