namespace Countdown.Preprocess.Readers.ParquetPages;

/// <summary>A column chunk's pages cannot be decoded: a corrupt or truncated page, or a feature seen only once reading has begun.</summary>
/// <remarks>The reader turns it into an <see cref="Tasks.InputFileException"/> naming the file, row group and column.</remarks>
internal sealed class ParquetPageException(string message, Exception? inner = null) : Exception(message, inner);
