namespace Countdown.Preprocess.Readers.ParquetPages;

/// <summary>Decodes Parquet's RLE/bit-packed hybrid encoding (levels and dictionary indices) from a byte range, a span at a time.</summary>
/// <remarks>
/// A run header is a varint: odd, <c>header &gt;&gt; 1</c> groups of 8 bit-packed values follow (LSB first); even, one value
/// (in whole bytes) repeated <c>header &gt;&gt; 1</c> times. State persists between calls, so a page is decoded in
/// bounded pieces. Running past the range throws <see cref="ParquetPageException"/>.
/// </remarks>
internal sealed class RleBitPackedDecoder
{
    private byte[] _data = [];
    private int _position, _end, _bitWidth;
    private int _repeatLeft, _repeatValue;
    private int _groupsLeft;
    private readonly int[] _group = new int[8];
    private int _groupPosition = 8;

    /// <summary>Starts decoding <paramref name="data"/>[<paramref name="start"/>..<paramref name="end"/>) at <paramref name="bitWidth"/> bits a value (0 to 32).</summary>
    public void Reset(byte[] data, int start, int end, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
            throw new ParquetPageException($"a page declares a bit width of {bitWidth}, more than 32");
        _data = data;
        _position = start;
        _end = end;
        _bitWidth = bitWidth;
        _repeatLeft = _groupsLeft = 0;
        _groupPosition = 8;
    }

    /// <summary>Fills all of <paramref name="destination"/> with the next values.</summary>
    public void Read(Span<int> destination)
    {
        int filled = 0;
        while (filled < destination.Length)
        {
            if (_repeatLeft > 0)
            {
                int count = Math.Min(_repeatLeft, destination.Length - filled);
                destination.Slice(filled, count).Fill(_repeatValue);
                _repeatLeft -= count;
                filled += count;
            }
            else if (_groupPosition < 8)
            {
                int count = Math.Min(8 - _groupPosition, destination.Length - filled);
                _group.AsSpan(_groupPosition, count).CopyTo(destination[filled..]);
                _groupPosition += count;
                filled += count;
            }
            else if (_groupsLeft > 0)
            {
                // Whole groups go straight to the destination; a partly wanted one waits in _group.
                while (_groupsLeft > 0 && destination.Length - filled >= 8)
                {
                    Unpack(destination.Slice(filled, 8));
                    filled += 8;
                }
                if (_groupsLeft > 0 && filled < destination.Length)
                {
                    Unpack(_group);
                    _groupPosition = 0;
                }
            }
            else
            {
                ReadRunHeader();
            }
        }
    }

    private void ReadRunHeader()
    {
        uint header = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (_position >= _end || shift > 28)
                throw new ParquetPageException("its levels or dictionary indices end before the page's value count");
            byte b = _data[_position++];
            header |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                break;
        }
        if ((header & 1) != 0)
        {
            _groupsLeft = (int)(header >> 1);
            return;
        }
        int bytes = (_bitWidth + 7) / 8;
        if (_end - _position < bytes)
            throw new ParquetPageException("an RLE run of its levels or dictionary indices is cut short");
        int value = 0;
        for (int i = 0; i < bytes; i++)
            value |= _data[_position++] << (8 * i);
        _repeatValue = value;
        _repeatLeft = (int)(header >> 1);
    }

    private void Unpack(Span<int> eight)
    {
        int width = _bitWidth;
        if (_end - _position < width)
            throw new ParquetPageException("a bit-packed run of its levels or dictionary indices is cut short");
        ulong mask = width == 32 ? uint.MaxValue : (1UL << width) - 1;
        ulong buffer = 0;
        int bits = 0, source = _position;
        byte[] data = _data;
        for (int i = 0; i < 8; i++)
        {
            while (bits < width)
            {
                buffer |= (ulong)data[source++] << bits;
                bits += 8;
            }
            eight[i] = (int)(buffer & mask);
            buffer >>= width;
            bits -= width;
        }
        _position += width;
        _groupsLeft--;
    }
}
