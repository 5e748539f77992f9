using System.Buffers.Binary;

namespace Countdown.Preprocess.Tests.Fuzz;

/// <summary>Seeded mutations of a file's bytes: the generic ones for every format, plus footer and magic damage for Parquet.</summary>
internal static class FuzzMutator
{
    private static readonly string[] Generic = ["flip", "truncate", "insert-garbage", "duplicate-chunk", "delete-chunk"];
    private static readonly string[] ParquetOnly = ["footer-length", "footer-bytes", "magic"];

    /// <summary>One or two mutations of <paramref name="input"/>, chosen by <paramref name="random"/>; returns the bytes and what was done.</summary>
    public static (byte[] Bytes, string Description) Mutate(byte[] input, Random random, bool parquet)
    {
        var kinds = parquet ? [.. Generic, .. ParquetOnly, .. ParquetOnly] : Generic;
        var bytes = input;
        var done = new List<string>();
        var count = random.Next(4) == 0 ? 2 : 1;
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            (bytes, var detail) = Apply(kind, bytes, random);
            done.Add($"{kind}({detail})");
        }
        return (bytes, string.Join(" + ", done));
    }

    private static (byte[] Bytes, string Detail) Apply(string kind, byte[] input, Random random)
    {
        var bytes = (byte[])input.Clone();
        switch (kind)
        {
            case "flip":
            {
                if (bytes.Length == 0) return (bytes, "empty");
                var flips = 1 + random.Next(8);
                for (var i = 0; i < flips; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                return (bytes, $"{flips} bytes");
            }
            case "truncate":
            {
                var length = random.Next(bytes.Length + 1);
                return (bytes[..length], $"to {length}");
            }
            case "insert-garbage":
            {
                var at = random.Next(bytes.Length + 1);
                var garbage = new byte[1 + random.Next(64)];
                random.NextBytes(garbage);
                return ([.. bytes[..at], .. garbage, .. bytes[at..]], $"{garbage.Length} at {at}");
            }
            case "duplicate-chunk":
            {
                if (bytes.Length == 0) return (bytes, "empty");
                var (start, length) = Chunk(bytes.Length, random);
                var at = random.Next(bytes.Length + 1);
                return ([.. bytes[..at], .. bytes.AsSpan(start, length), .. bytes[at..]], $"{length} from {start} to {at}");
            }
            case "delete-chunk":
            {
                if (bytes.Length == 0) return (bytes, "empty");
                var (start, length) = Chunk(bytes.Length, random);
                return ([.. bytes[..start], .. bytes[(start + length)..]], $"{length} at {start}");
            }
            case "footer-length":
            {
                if (bytes.Length < 8) return (bytes, "too short");
                int[] choices = [0, -1, int.MaxValue, int.MinValue, bytes.Length, bytes.Length - 8, 1, random.Next()];
                var value = choices[random.Next(choices.Length)];
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), value);
                return (bytes, value.ToString());
            }
            case "footer-bytes":
            {
                if (bytes.Length < 12) return (bytes, "too short");
                var footer = Math.Clamp(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8)), 1, bytes.Length - 12);
                var start = bytes.Length - 8 - footer;
                var changes = 1 + random.Next(16);
                for (var i = 0; i < changes; i++) bytes[start + random.Next(footer)] = (byte)random.Next(256);
                return (bytes, $"{changes} of {footer}");
            }
            case "magic":
            {
                if (bytes.Length < 4) return (bytes, "too short");
                var tail = random.Next(2) == 0;
                bytes[(tail ? bytes.Length - 4 : 0) + random.Next(4)] ^= 0x20;
                return (bytes, tail ? "tail" : "head");
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static (int Start, int Length) Chunk(int size, Random random)
    {
        var start = random.Next(size);
        var length = 1 + random.Next(Math.Min(size - start, 256));
        return (start, length);
    }
}
