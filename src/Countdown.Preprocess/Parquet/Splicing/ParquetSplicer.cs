using System.Buffers;
using System.Buffers.Binary;

namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>Assembles one Parquet file from row groups that Parquet.Net encoded as files of one group each, in order.</summary>
/// <remarks>
/// Why: Parquet.Net 6.1's <c>ParquetWriter</c> writes each row group straight into one stream, so groups are encoded
/// one after another, on one core; the default job spends most of its time there. Encoded as separate one-group
/// files they can be encoded on every core. A group's column chunks do not depend on where they land in the file:
/// only the footer records absolute offsets. So we copy each group's chunks (the bytes between the leading
/// <c>PAR1</c> and its footer), move its <c>RowGroup</c> metadata by the distance it travelled, and write the
/// footer Parquet.Net would have written: the footer of an empty file Parquet.Net wrote for the same schema, options
/// and key-value metadata, with the row count and row groups filled in. The result is byte for byte the file the
/// sequential writer makes (the differential tests in <c>ParquetSplicerTests</c> hold it).
/// </remarks>
internal sealed class ParquetSplicer
{
    // Field numbers from parquet.thrift.
    private const short FileNumRows = 3, FileRowGroups = 4;
    private const short GroupColumns = 1, GroupNumRows = 3, GroupFileOffset = 5;
    private const short ChunkFileOffset = 2, ChunkMetaData = 3, ChunkOffsetIndexOffset = 4, ChunkColumnIndexOffset = 6;
    private const short MetaDataPageOffset = 9, MetaIndexPageOffset = 10, MetaDictionaryPageOffset = 11, MetaBloomFilterOffset = 14;
    private const int MagicLength = 4;

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly Stream _destination;
    private readonly ThriftStruct _footer;
    private readonly List<object> _rowGroups = []; // each its Thrift bytes
    private long _position;
    private long _rows;

    private ParquetSplicer(Stream destination, ThriftStruct footer)
    {
        _destination = destination;
        _footer = footer;
        // Parquet.Net records stream positions: absolute in a seekable stream, counted from the start otherwise.
        _position = destination.CanSeek ? destination.Position : 0;
    }

    /// <summary>Writes the file's leading magic to <paramref name="destination"/> and takes the footer of <paramref name="emptyFile"/>, a file of no row groups with the output's schema and metadata, as the template.</summary>
    public static async Task<ParquetSplicer> StartAsync(Stream destination, ReadOnlyMemory<byte> emptyFile, CancellationToken cancellationToken)
    {
        var (footer, _) = ReadFooter(emptyFile.Span);
        var splicer = new ParquetSplicer(destination, footer);
        await destination.WriteAsync(Magic.ToArray(), cancellationToken);
        splicer._position += MagicLength;
        return splicer;
    }

    /// <summary>Appends the row group of <paramref name="file"/>, a complete Parquet file of exactly one row group.</summary>
    /// <exception cref="InvalidDataException"><paramref name="file"/> is not a Parquet file of one row group.</exception>
    public async Task AppendAsync(ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        var (footer, footerStart) = ReadFooter(file.Span);
        var groups = (ThriftList)footer.Get(FileRowGroups).Value!;
        if (groups.Items.Count != 1)
        {
            throw new InvalidDataException($"An encoded row group file holds '{groups.Items.Count}' row groups instead of one.");
        }

        var group = (ThriftStruct)groups.Items[0];
        Shift(group, -MagicLength);
        await AppendChunksAsync(file[MagicLength..footerStart], group, cancellationToken);
    }

    /// <summary>Appends a row group's column chunks, <paramref name="chunks"/>, described by <paramref name="group"/> with offsets counted from the first byte of <paramref name="chunks"/>.</summary>
    public async Task AppendChunksAsync(ReadOnlyMemory<byte> chunks, ThriftStruct group, CancellationToken cancellationToken)
    {
        Shift(group, _position);
        await _destination.WriteAsync(chunks, cancellationToken);
        _position += chunks.Length;
        _rows += (long)group.Get(GroupNumRows).Value!;
        // Kept as its Thrift bytes, about a tenth of the tree: 20M rows make 2,000 groups, whose trees held ~40 MB.
        var bytes = new ArrayBufferWriter<byte>(4096);
        new ThriftCompactWriter(bytes).WriteStruct(group);
        _rowGroups.Add(bytes.WrittenSpan.ToArray());
    }

    /// <summary>Writes the footer, its length and the closing magic, then flushes the destination.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _footer.Get(FileNumRows).Value = _rows;
        _footer.Get(FileRowGroups).Value = new ThriftList(CompactType.Struct, _rowGroups);
        var bytes = new ArrayBufferWriter<byte>(64 * 1024);
        new ThriftCompactWriter(bytes).WriteStruct(_footer);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.GetSpan(4), bytes.WrittenCount);
        bytes.Advance(4);
        bytes.Write(Magic);
        await _destination.WriteAsync(bytes.WrittenMemory, cancellationToken);
        await _destination.FlushAsync(cancellationToken);
    }

    /// <summary>Reads the Thrift footer of a whole Parquet file and returns it with the offset where it starts.</summary>
    internal static (ThriftStruct Footer, int Start) ReadFooter(ReadOnlySpan<byte> file)
    {
        if (file.Length < 2 * MagicLength + 4 || !file[..MagicLength].SequenceEqual(Magic) || !file[^MagicLength..].SequenceEqual(Magic))
        {
            throw new InvalidDataException("An encoded row group is not a complete Parquet file: it lacks the 'PAR1' magic at either end.");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(file[^(MagicLength + 4)..]);
        int start = file.Length - MagicLength - 4 - length;
        if (length < 0 || start < MagicLength)
        {
            throw new InvalidDataException($"An encoded row group's footer length '{length}' does not fit its {file.Length} bytes.");
        }

        return (new ThriftCompactReader(file.Slice(start, length)).ReadStruct(), start);
    }

    /// <summary>Moves every absolute file offset in a <c>RowGroup</c> by <paramref name="distance"/> bytes.</summary>
    private static void Shift(ThriftStruct group, long distance)
    {
        ShiftField(group, GroupFileOffset, distance);
        foreach (ThriftStruct chunk in ((ThriftList)group.Get(GroupColumns).Value!).Items)
        {
            ShiftField(chunk, ChunkFileOffset, distance);
            ShiftField(chunk, ChunkOffsetIndexOffset, distance);
            ShiftField(chunk, ChunkColumnIndexOffset, distance);
            if (chunk.Find(ChunkMetaData)?.Value is ThriftStruct meta)
            {
                ShiftField(meta, MetaDataPageOffset, distance);
                ShiftField(meta, MetaIndexPageOffset, distance);
                ShiftField(meta, MetaDictionaryPageOffset, distance);
                ShiftField(meta, MetaBloomFilterOffset, distance);
            }
        }
    }

    private static void ShiftField(ThriftStruct owner, short id, long distance)
    {
        if (owner.Find(id) is { Value: long offset } field)
        {
            field.Value = offset + distance;
        }
    }
}
