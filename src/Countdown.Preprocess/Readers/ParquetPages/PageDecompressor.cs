using System.IO.Compression;
using Parquet.Meta;
using Snappier;
using ZstdSharp;

namespace Countdown.Preprocess.Readers.ParquetPages;

/// <summary>Decompresses a page into a buffer of exactly its declared size: none, Snappy, gzip or Zstandard.</summary>
/// <remarks>
/// Those are the codecs pyarrow, DuckDB, Polars and Spark write by default or on common request. LZ4, LZ4_RAW, Brotli and
/// LZO are left to Parquet.Net's whole-chunk path (see <see cref="Supports"/>). One instance per column keeps its
/// Zstandard context from page to page.
/// </remarks>
internal sealed class PageDecompressor : IDisposable
{
    private Decompressor? _zstd;

    /// <summary>Whether this decoder reads <paramref name="codec"/>.</summary>
    public static bool Supports(CompressionCodec codec)
        => codec is CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.GZIP or CompressionCodec.ZSTD;

    /// <summary>Decompresses (with <paramref name="codec"/>) <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>] into all of <paramref name="destination"/>.</summary>
    /// <exception cref="ParquetPageException">The data is corrupt or does not decompress to exactly the declared size.</exception>
    public void Decompress(CompressionCodec codec, byte[] buffer, int offset, int count, Span<byte> destination)
    {
        var source = new ReadOnlySpan<byte>(buffer, offset, count);
        int written;
        try
        {
            switch (codec)
            {
                case CompressionCodec.UNCOMPRESSED:
                    if (source.Length != destination.Length)
                        throw Mismatch(source.Length, destination.Length);
                    source.CopyTo(destination);
                    return;
                case CompressionCodec.SNAPPY:
                    written = Snappy.GetUncompressedLength(source);
                    if (written != destination.Length)
                        throw Mismatch(written, destination.Length);
                    written = Snappy.Decompress(source, destination);
                    break;
                case CompressionCodec.ZSTD:
                    _zstd ??= new Decompressor();
                    written = _zstd.Unwrap(source, destination);
                    break;
                case CompressionCodec.GZIP:
                    written = Gunzip(buffer, offset, count, destination);
                    break;
                default:
                    throw new ParquetPageException($"its pages use codec {codec}, which this reader does not decompress");
            }
        }
        catch (Exception ex) when (ex is not (ParquetPageException or OperationCanceledException))
        {
            throw new ParquetPageException($"a {codec} page does not decompress ({InputFiles.Clause(ex.Message)})", ex);
        }
        if (written != destination.Length)
            throw Mismatch(written, destination.Length);
    }

    private static int Gunzip(byte[] buffer, int offset, int count, Span<byte> destination)
    {
        using var compressed = new MemoryStream(buffer, offset, count, writable: false);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        int read = gzip.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read == destination.Length && gzip.ReadByte() >= 0)
            read++; // more than declared
        return read;
    }

    private static ParquetPageException Mismatch(int actual, int declared)
        => new($"a page decompresses to {actual} bytes where its header declares {declared}");

    public void Dispose() => _zstd?.Dispose();
}
