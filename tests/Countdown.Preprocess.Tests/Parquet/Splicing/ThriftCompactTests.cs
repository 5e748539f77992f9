using System.Buffers;
using Countdown.Preprocess.Parquet.Splicing;

namespace Countdown.Preprocess.Tests.Parquet.Splicing;

public sealed class ThriftCompactTests
{
    // {1: i32 -1, 20: bool true, 21: list<i64> 0..14, 22: binary "ab", 23: double 1.5, 24: struct {1: byte -2}}
    private static readonly byte[] Encoded =
    [
        0x15, 0x01,
        0x01, 0x28,
        0x19, 0xF6, 0x0F, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28,
        0x18, 0x02, (byte)'a', (byte)'b',
        0x17, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F,
        0x1C, 0x13, 0xFE, 0x00,
        0x00,
    ];

    [Fact]
    public void ReadStruct_EveryFooterType_ReadsValues()
    {
        var value = new ThriftCompactReader(Encoded).ReadStruct();

        Assert.Equal(-1L, value.Get(1).Value);
        Assert.Equal(CompactType.BooleanTrue, value.Get(20).Type);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (object)(long)i), ((ThriftList)value.Get(21).Value!).Items);
        Assert.Equal("ab"u8.ToArray(), (byte[])value.Get(22).Value!);
        Assert.Equal(1.5, value.Get(23).Value);
        Assert.Equal(-2L, ((ThriftStruct)value.Get(24).Value!).Get(1).Value);
    }

    [Fact]
    public void WriteStruct_ReadBytes_WritesThemBack()
    {
        var value = new ThriftCompactReader(Encoded).ReadStruct();
        var output = new ArrayBufferWriter<byte>();

        new ThriftCompactWriter(output).WriteStruct(value);

        Assert.Equal(Encoded, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteStruct_ChangedOffset_WritesLongerVarint()
    {
        var value = new ThriftCompactReader([0x16, 0x08, 0x00]).ReadStruct();
        value.Get(1).Value = 1_000L;
        var output = new ArrayBufferWriter<byte>();

        new ThriftCompactWriter(output).WriteStruct(value);

        Assert.Equal(new byte[] { 0x16, 0xD0, 0x0F, 0x00 }, output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x15 })]
    [InlineData(new byte[] { 0x18, 0x05, (byte)'a' })]
    [InlineData(new byte[] { 0x1B, 0x00, 0x00 })]
    public void ReadStruct_TruncatedOrMap_ThrowsInvalidData(byte[] bytes)
    {
        Assert.Throws<InvalidDataException>(() => new ThriftCompactReader(bytes).ReadStruct());
    }
}
