using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Encoding;

namespace Countdown.Preprocess.Tests.Parquet;

public sealed class NativeBlockTests
{
    [Fact]
    public void Memory_WrittenThroughSlices_ReadsBackAsWritten()
    {
        using var block = new NativeBlock<char>(1_000);

        "hello".CopyTo(block.Memory.Slice(10, 5).Span);
        "world".CopyTo(block.Memory.Span[995..]);

        Assert.Equal("hello", block.Memory.Slice(10, 5).ToString());
        Assert.Equal("world", new string(block.GetSpan()[995..]));
        Assert.Equal(1_000, block.Memory.Length);
    }

    [Fact]
    public void GetSpan_AfterDispose_Throws()
    {
        var block = new NativeBlock<byte>(16);
        ((IDisposable)block).Dispose();

        Assert.Throws<ObjectDisposedException>(() => block.GetSpan());
    }

    [Fact]
    public void ByteBuffer_GrowsPastItsCapacity_KeepsEveryByte()
    {
        using var buffer = new ByteBuffer(16);
        var expected = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

        foreach (var chunk in expected.Chunk(333)) buffer.Write(chunk);
        buffer.PatchInt32(4, 0x01020304);
        expected[4] = 4; expected[5] = 3; expected[6] = 2; expected[7] = 1;

        Assert.Equal(expected, buffer.Written.ToArray());
    }

    [Fact]
    public void ByteBuffer_AfterDispose_Throws()
    {
        var buffer = new ByteBuffer(16);
        buffer.Dispose();
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.WriteByte(1));
    }
}
