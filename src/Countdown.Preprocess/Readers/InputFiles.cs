using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Readers;

/// <summary>Opens and reads inputs, turning every I/O failure into an <see cref="InputFileException"/> that names the file.</summary>
internal static class InputFiles
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>The input as a message names it: the path in single quotes, or "standard input".</summary>
    public static string Describe(string path) => path == StandardInput ? "standard input" : $"'{path}'";

    /// <summary>Like <see cref="Describe"/>, fit to start a sentence.</summary>
    public static string DescribeAtStart(string path) => path == StandardInput ? "Standard input" : $"'{path}'";

    /// <summary>Opens a file for one sequential pass, or standard input for <c>-</c>.</summary>
    /// <exception cref="InputFileException">The file is missing, a directory, or not readable.</exception>
    public static Stream OpenRead(string path)
    {
        if (path == StandardInput)
            return Console.OpenStandardInput();
        if (Directory.Exists(path))
            throw new InputFileException($"Input '{path}' is a directory, not a file; pass the path of a .parquet, .jsonl, .json or .csv task file.", path);
        try
        {
            // No FileStream buffer: every reader reads in large blocks of its own.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException($"Input file '{path}' does not exist; check the path.", path, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputFileException($"Input file '{path}' cannot be read (permission denied); check its permissions.", path, ex);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            throw new InputFileException($"Input file '{path}' cannot be opened ({Clause(ex.Message)}); check the path.", path, ex);
        }
    }

    /// <summary>Reads the next block of <paramref name="stream"/>; 0 at the end.</summary>
    public static async ValueTask<int> ReadAsync(Stream stream, Memory<byte> buffer, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReadFailed(path, ex);
        }
    }

    /// <summary>Reads the rest of <paramref name="stream"/> into one array.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var memory = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
            await stream.CopyToAsync(memory, 1 << 20, cancellationToken).ConfigureAwait(false);
            return memory.Length == memory.Capacity ? memory.GetBuffer() : memory.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReadFailed(path, ex);
        }
        catch (OverflowException ex)
        {
            throw new InputFileException($"Input file '{path}' is larger than 2 GB, too large to read at once; split it into smaller files.", path, ex);
        }
    }

    /// <summary>The error for a read that failed after the input was opened.</summary>
    public static InputFileException ReadFailed(string path, Exception ex)
        => new($"{DescribeAtStart(path)} cannot be read ({Clause(ex.Message)}); check the file and try again.", path, ex);

    /// <summary>A system message fit to sit in parentheses inside a sentence: no trailing full stop.</summary>
    public static string Clause(string message) => message.Trim().TrimEnd('.');
}
