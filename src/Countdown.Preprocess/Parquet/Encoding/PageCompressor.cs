using System.IO.Compression;

namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>Compresses pages with the library and level Parquet.Net 6.1 uses for each codec, into a reused buffer.</summary>
/// <remarks>
/// Snappy is Snappier's block format; Zstd is ZstdSharp at level 1 (Parquet.Net's level for
/// <see cref="CompressionLevel.Fastest"/>, which the writer options ask for), one whole frame per page; Gzip is
/// <see cref="GZipStream"/> at <see cref="CompressionLevel.Optimal"/>, written, flushed (a sync-flush block, as
/// Parquet.Net's FlushAsync adds) and closed. The same input through the same calls gives the same bytes.
/// </remarks>
internal sealed class PageCompressor : IDisposable
{
    private readonly ParquetCodec _codec;
    // Sized at once for a 10,000-row prompt page's bound (about 7.7 MB for Snappy): grown by doubling, each slot's
    // buffer was reallocated several times per job, and the freed large arrays cost page faults and cross-core TLB flushes.
    private readonly ByteBuffer _output = new(8 * 1024 * 1024);
    private readonly ByteBuffer _joined = new(16);
    private readonly byte[] _straddling = new byte[SnappyBlock];
    private readonly ZstdSharp.Compressor? _zstd;
    private readonly MemoryStream? _gzipSink;

    /// <summary>Creates a compressor for <paramref name="codec"/>.</summary>
    public PageCompressor(ParquetCodec codec)
    {
        _codec = codec;
        _zstd = codec == ParquetCodec.Zstd ? new ZstdSharp.Compressor(1) : null;
        _gzipSink = codec == ParquetCodec.Gzip ? new MemoryStream() : null;
    }

    /// <summary>Compresses <paramref name="page"/> and returns the compressed bytes, valid until the next call; the page itself for no compression.</summary>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> page)
    {
        _output.Clear();
        switch (_codec)
        {
            case ParquetCodec.None:
                return page;
            case ParquetCodec.Snappy:
                _output.Advance(Snappier.Snappy.Compress(page, _output.Reserve(Snappier.Snappy.GetMaxCompressedLength(page.Length))));
                return _output.Written;
            case ParquetCodec.Zstd:
                _output.Advance(_zstd!.Wrap(page, _output.Reserve(ZstdSharp.Compressor.GetCompressBound(page.Length))));
                return _output.Written;
            case ParquetCodec.Gzip:
                return Gzip(page);
            default:
                throw new ArgumentOutOfRangeException(nameof(page), _codec, "Unknown codec.");
        }
    }

    /// <summary>Compresses the page made of <paramref name="head"/> then <paramref name="tail"/>, giving the bytes <see cref="Compress(ReadOnlySpan{byte})"/> gives for them joined.</summary>
    /// <remarks>
    /// Snappy compresses its input in independent 64 KB blocks (a fresh hash table each, no match across blocks), so
    /// the blocks are compressed where they lie and only the one that straddles the two parts is copied: a prompt
    /// page's values (megabytes) are not copied behind their levels first. Other codecs get the parts joined.
    /// </remarks>
    public ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        if (tail.IsEmpty) return Compress(head);
        if (_codec == ParquetCodec.Snappy) return SnappyInBlocks(head, tail);
        _joined.Clear();
        _joined.Write(head);
        _joined.Write(tail);
        return Compress(_joined.Written);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _zstd?.Dispose();
        _gzipSink?.Dispose();
        _output.Dispose();
        _joined.Dispose();
    }

    /// <summary>Snappy's block size (<c>kBlockSize</c>): each block of the input is compressed on its own.</summary>
    internal const int SnappyBlock = 1 << 16;

    private ReadOnlySpan<byte> SnappyInBlocks(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        int total = checked(head.Length + tail.Length);
        _output.Clear();
        _output.Advance(Uleb128.Write(_output.Reserve(Uleb128.MaxLength), (uint)total));
        for (int offset = 0; offset < total; offset += SnappyBlock)
        {
            int length = Math.Min(SnappyBlock, total - offset);
            ReadOnlySpan<byte> block;
            if (offset + length <= head.Length)
            {
                block = head.Slice(offset, length);
            }
            else if (offset >= head.Length)
            {
                block = tail.Slice(offset - head.Length, length);
            }
            else
            {
                int fromHead = head.Length - offset;
                head[offset..].CopyTo(_straddling);
                tail[..(length - fromHead)].CopyTo(_straddling.AsSpan(fromHead));
                block = _straddling.AsSpan(0, length);
            }

            // Each call writes the block's own length first, which the whole stream does not repeat.
            var room = _output.Reserve(Snappier.Snappy.GetMaxCompressedLength(length));
            int written = Snappier.Snappy.Compress(block, room);
            int prefix = Uleb128.Length((uint)length);
            room[prefix..written].CopyTo(room);
            _output.Advance(written - prefix);
        }

        return _output.Written;
    }

    private ReadOnlySpan<byte> Gzip(ReadOnlySpan<byte> page)
    {
        var sink = _gzipSink!;
        sink.SetLength(0);
        using (var gzip = new GZipStream(sink, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(page);
            gzip.Flush();
        }

        return sink.GetBuffer().AsSpan(0, (int)sink.Length);
    }
}
