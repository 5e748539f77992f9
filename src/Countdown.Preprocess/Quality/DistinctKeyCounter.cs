using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Quality;

/// <summary>Counts the distinct packed task keys it is given, exactly, in bounded memory: past a limit, keys go to disk in hash buckets.</summary>
/// <remarks>
/// Statistics need only how many keys are distinct, not which came first, so the keys can be split by hash into
/// buckets that share no key and counted one bucket at a time. Up to <see cref="MemoryLimitKeys"/> keys stay in one
/// <see cref="PackedKeySet"/> (16 bytes a slot). The first key past it moves the set's keys into
/// <see cref="BucketCount"/> bucket files, and every later key is appended to its bucket; <see cref="CountDistinct"/>
/// then counts each bucket in a set of its own. The files are unlinked as soon as they are created, so they vanish
/// with the process however it ends, and never collide with another run's.
/// </remarks>
internal sealed class DistinctKeyCounter : IDisposable
{
    /// <summary>The default in-memory limit: 1,048,576 keys, a 32 MB set.</summary>
    public const int DefaultMemoryLimitKeys = 1 << 20;

    /// <summary>How many bucket files keys are spread over once they spill: a bucket of 20M distinct tasks holds about 312,000.</summary>
    public const int BucketCount = 64;

    private readonly string _spillDirectory;
    private PackedKeySet? _memory = new();
    private SpillBucket[]? _buckets;
    private long _added;

    /// <summary>Creates a counter that keeps up to <paramref name="memoryLimitKeys"/> keys in memory and spills to <paramref name="spillDirectory"/> (default: the system's temporary folder).</summary>
    public DistinctKeyCounter(int memoryLimitKeys = DefaultMemoryLimitKeys, string? spillDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryLimitKeys, 1);
        MemoryLimitKeys = memoryLimitKeys;
        _spillDirectory = spillDirectory ?? Path.GetTempPath();
    }

    /// <summary>Gets how many keys are held in memory before the counter spills to disk.</summary>
    public int MemoryLimitKeys { get; }

    /// <summary>Gets whether keys have gone to disk.</summary>
    public bool HasSpilled => _buckets is not null;

    /// <summary>Gets how many keys were added, duplicates included.</summary>
    public long Added => _added;

    /// <summary>Adds one key.</summary>
    /// <exception cref="IOException">A bucket file cannot be written (e.g. the disk is full).</exception>
    public void Add(UInt128 key)
    {
        _added++;
        if (_memory is { } memory)
        {
            if (memory.Count < MemoryLimitKeys || memory.Contains(key))
            {
                memory.Add(key);
                return;
            }
            Spill(memory);
        }
        _buckets![Bucket(key)].Write(key);
    }

    /// <summary>Counts the distinct keys added so far; reads the bucket files back when the counter has spilled.</summary>
    public long CountDistinct(CancellationToken cancellationToken = default)
    {
        if (_memory is { } memory) return memory.Count;
        long distinct = 0;
        var set = new PackedKeySet();
        foreach (var bucket in _buckets!)
        {
            cancellationToken.ThrowIfCancellationRequested();
            distinct += bucket.CountDistinct(set);
            set.Clear();
        }
        return distinct;
    }

    /// <summary>Closes (and so frees) the bucket files.</summary>
    public void Dispose()
    {
        if (_buckets is null) return;
        foreach (var bucket in _buckets) bucket?.Dispose();
    }

    private void Spill(PackedKeySet memory)
    {
        var buckets = new SpillBucket[BucketCount];
        try
        {
            for (int i = 0; i < buckets.Length; i++) buckets[i] = SpillBucket.Create(_spillDirectory);
        }
        catch
        {
            foreach (var bucket in buckets) bucket?.Dispose();
            throw;
        }
        _buckets = buckets;
        foreach (var key in memory.Keys()) buckets[Bucket(key)].Write(key);
        _memory = null;
    }

    // The top bits of a mix unlike the set's slot hash, so a bucket's keys still spread over its own set's slots.
    private static int Bucket(UInt128 key)
    {
        var mixed = ((ulong)key * 0xD6E8FEB86659FD93UL) + ((ulong)(key >> 64) * 0xFF51AFD7ED558CCDUL);
        return (int)((mixed ^ (mixed >> 32)) * 0x9E3779B97F4A7C15UL >> 58);
    }

    /// <summary>One bucket's keys in an unlinked temporary file, written and read back through a buffer.</summary>
    private sealed class SpillBucket : IDisposable
    {
        private const int BufferKeys = 4096;
        private readonly FileStream _file;
        private readonly UInt128[] _buffer = new UInt128[BufferKeys];
        private int _buffered;

        private SpillBucket(FileStream file) => _file = file;

        public static SpillBucket Create(string directory)
        {
            string path = Path.Combine(directory, $".countdown-keys-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            try
            {
                // Unlinked at once: the open handle keeps the data, and nothing is left behind if the process dies.
                File.Delete(path);
            }
            catch
            {
                file.Dispose();
                throw;
            }
            return new SpillBucket(file);
        }

        public void Write(UInt128 key)
        {
            _buffer[_buffered++] = key;
            if (_buffered == BufferKeys) Flush();
        }

        public long CountDistinct(PackedKeySet set)
        {
            Flush();
            _file.Position = 0;
            var bytes = MemoryMarshal.AsBytes(_buffer.AsSpan());
            int carried = 0;
            while (true)
            {
                int read = _file.Read(bytes[carried..]);
                if (read == 0) break;
                int filled = carried + read, whole = filled / 16;
                foreach (var key in _buffer.AsSpan(0, whole)) set.Add(key);
                carried = filled - whole * 16;
                bytes.Slice(whole * 16, carried).CopyTo(bytes);
            }
            _file.SetLength(0);
            return set.Count;
        }

        public void Dispose() => _file.Dispose();

        private void Flush()
        {
            if (_buffered == 0) return;
            _file.Write(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _buffered)));
            _buffered = 0;
        }
    }
}
