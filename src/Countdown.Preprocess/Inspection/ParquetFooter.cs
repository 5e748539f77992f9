using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Inspection;

/// <summary>
/// Checks a Parquet file's frame (leading and trailing 'PAR1', footer length within the file) before Parquet.Net reads
/// it, so a corrupt length is a one-line error instead of a multi-gigabyte allocation or an out-of-range exception.
/// </summary>
public static class ParquetFooter
{
    private const int MagicLength = 4;
    private const int TailLength = 8;

    // The smallest FileMetaData Thrift can encode with its required fields (version, schema, num_rows, row_groups).
    // Shorter footers are refused here: Parquet.Net's Thrift reader was seen to loop forever on a one-byte footer.
    private const int MinFooterLength = 12;

    /// <summary>Throws <see cref="InvalidDataException"/> saying what is wrong when <paramref name="stream"/> is not framed as Parquet; leaves the position at 0.</summary>
    /// <remarks>Callers wrap it into their own one-line message naming the file.</remarks>
    public static void Check(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var length = stream.Length;
        if (length == 0)
            throw new InvalidDataException("it is empty, 0 bytes");
        Span<byte> head = stackalloc byte[MagicLength];
        Span<byte> tail = stackalloc byte[TailLength];
        stream.Position = 0;
        var headRead = stream.ReadAtLeast(head, MagicLength, throwOnEndOfStream: false);
        if (headRead < MagicLength || !head.SequenceEqual("PAR1"u8))
            throw new InvalidDataException("it does not start with 'PAR1'");
        if (length < MagicLength + TailLength)
            throw new InvalidDataException($"it is truncated: {length} bytes, too short for a footer");
        stream.Position = length - TailLength;
        stream.ReadExactly(tail);
        stream.Position = 0;
        if (!tail[MagicLength..].SequenceEqual("PAR1"u8))
            throw new InvalidDataException("it does not end with 'PAR1', so it is truncated or damaged");
        var footerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength < MinFooterLength || footerLength > length - MagicLength - TailLength)
            throw new InvalidDataException($"its footer claims {footerLength} bytes of metadata in a file of {length} bytes");
    }

    /// <summary>Whether an exception thrown while decoding a Parquet file means the file is damaged (anything but cancellation or our own errors).</summary>
    public static bool IsCorruption(Exception error)
        => error is not (OperationCanceledException or CountdownException or StackOverflowException or AccessViolationException);
}
