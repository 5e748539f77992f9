namespace Countdown.Preprocess.Parquet;

/// <summary>Reusable blocks of characters that hold copies of a row group's long strings.</summary>
/// <remarks>
/// Copying a prompt here lets its string die young: the GC then never promotes row groups of prompts to the older
/// generations, which would cost copying time and grow the heap. Blocks are added as a row group needs them and
/// kept for the next one, so a small row group (a test split) takes little memory and no block is ever copied. The
/// blocks are unmanaged memory (<see cref="NativeBlock{T}"/>: a row group of prompts is about 13 MB of them), freed
/// by <see cref="Dispose"/>.
/// </remarks>
internal sealed class TextArena : IDisposable
{
    /// <summary>Characters per block: 512 KB, about 900 of TinyZero's prompts.</summary>
    private const int BlockLength = 256 * 1024;

    private readonly List<NativeBlock<char>> _blocks = [];
    private int _block = -1;
    private int _used = BlockLength;

    /// <summary>Copies <paramref name="text"/> into a block and returns the copy; a text longer than a block is not copied.</summary>
    public ReadOnlyMemory<char> Add(string text)
    {
        if (text.Length > BlockLength)
        {
            return text.AsMemory();
        }

        var copy = Allocate(text.Length);
        text.CopyTo(copy.Span);
        return copy;
    }

    /// <summary>Reserves <paramref name="length"/> characters for the caller to fill; a text longer than a block gets an array of its own.</summary>
    public Memory<char> Allocate(int length)
    {
        if (length > BlockLength)
        {
            return new char[length];
        }

        if (BlockLength - _used < length)
        {
            _block++;
            _used = 0;
            if (_block == _blocks.Count)
            {
                _blocks.Add(new NativeBlock<char>(BlockLength));
            }
        }

        var memory = _blocks[_block].Memory.Slice(_used, length);
        _used += length;
        return memory;
    }

    /// <summary>Forgets the copies (keeping the blocks) so the next row group can reuse them.</summary>
    public void Clear()
    {
        _block = -1;
        _used = BlockLength;
    }

    /// <summary>Frees the blocks; copies handed out before must no longer be read.</summary>
    public void Dispose()
    {
        foreach (var block in _blocks) ((IDisposable)block).Dispose();
        _blocks.Clear();
        Clear();
    }
}
