namespace Countdown.Preprocess.Readers;

/// <summary>A read-only stream that first replays bytes already taken from its source, so content can be sniffed.</summary>
internal sealed class PeekedStream : Stream
{
    private const int MaxPeek = 64 * 1024;
    private readonly Stream _source;
    private readonly byte[] _prefix;
    private int _position;

    private PeekedStream(Stream source, byte[] prefix)
    {
        _source = source;
        _prefix = prefix;
    }

    /// <summary>The bytes read ahead: at least the first non-blank line, unless the input is shorter or it is over 64 KB.</summary>
    public ReadOnlySpan<byte> Prefix => _prefix;

    /// <summary>Reads ahead from <paramref name="source"/> until the first non-blank line is complete.</summary>
    public static async Task<PeekedStream> PeekAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        int length = 0;
        while (length < MaxPeek && !HasFirstLine(buffer.AsSpan(0, length)))
        {
            if (length == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            int read = await InputFiles.ReadAsync(source, buffer.AsMemory(length), path, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            length += read;
        }
        return new PeekedStream(source, buffer[..length]);
    }

    /// <summary>The first byte that is not a byte-order mark or white space, or null when there is none yet.</summary>
    public static byte? FirstContentByte(ReadOnlySpan<byte> data)
    {
        data = SkipByteOrderMark(data);
        int index = data.IndexOfAnyExcept(" \t\r\n"u8);
        return index < 0 ? null : data[index];
    }

    /// <summary>The data without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> data)
        => data.StartsWith("\uFEFF"u8) ? data[3..] : data;

    private static bool HasFirstLine(ReadOnlySpan<byte> data)
    {
        data = SkipByteOrderMark(data);
        int start = data.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && data[start..].Contains((byte)'\n');
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_position < _prefix.Length)
            return CopyPrefix(buffer);
        return _source.Read(buffer);
    }

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < _prefix.Length)
            return ValueTask.FromResult(CopyPrefix(buffer.Span));
        return _source.ReadAsync(buffer, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int CopyPrefix(Span<byte> buffer)
    {
        int count = Math.Min(buffer.Length, _prefix.Length - _position);
        _prefix.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Flush() { }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
