using System.Runtime.InteropServices;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>Packed keys appended to an unlinked temporary file through a buffer, and read back in order.</summary>
/// <remarks>The file is unlinked as soon as it is created: the open handle keeps the data, and nothing is left behind however the process ends.</remarks>
internal sealed class SpillBucket : IDisposable
{
    private const int BufferKeys = 4096;
    private readonly FileStream _file;
    private readonly string _directory;
    private readonly UInt128[] _buffer = new UInt128[BufferKeys];
    private int _buffered;

    private SpillBucket(FileStream file, string directory) => (_file, _directory) = (file, directory);

    /// <summary>Creates a bucket file in <paramref name="directory"/>.</summary>
    public static SpillBucket Create(string directory)
    {
        string path = Path.Combine(directory, $".countdown-keys-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(directory, ex);
        }
        try
        {
            File.Delete(path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        return new SpillBucket(file, directory);
    }

    /// <summary>Creates <paramref name="count"/> buckets, or none if one cannot be created.</summary>
    public static SpillBucket[] CreateMany(int count, string directory)
    {
        var buckets = new SpillBucket[count];
        try
        {
            for (int i = 0; i < count; i++) buckets[i] = Create(directory);
        }
        catch
        {
            foreach (var bucket in buckets) bucket?.Dispose();
            throw;
        }
        return buckets;
    }

    /// <summary>Appends one key.</summary>
    /// <exception cref="OutputException">The file cannot be written (e.g. the disk is full).</exception>
    public void Write(UInt128 key)
    {
        _buffer[_buffered++] = key;
        if (_buffered == BufferKeys) Flush();
    }

    /// <summary>Hands every key written so far to <paramref name="take"/>, in order, then empties the bucket.</summary>
    public void Drain(Action<UInt128> take)
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
            for (int i = 0; i < whole; i++) take(_buffer[i]);
            carried = filled - whole * 16;
            bytes.Slice(whole * 16, carried).CopyTo(bytes);
        }
        _file.SetLength(0);
        _file.Position = 0;
    }

    /// <summary>Closes, and so frees, the file.</summary>
    public void Dispose() => _file.Dispose();

    private void Flush()
    {
        if (_buffered == 0) return;
        try
        {
            _file.Write(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _buffered)));
        }
        catch (IOException ex)
        {
            throw Failed(_directory, ex);
        }
        _buffered = 0;
    }

    private static OutputException Failed(string directory, Exception ex) => new(
        $"Temporary files in '{directory}' could not be written ({ex.Message.TrimEnd('.')}); counting duplicates past two million distinct tasks spills about 16 bytes a task there: free some space or set TMPDIR to another folder.",
        directory, ex);
}
