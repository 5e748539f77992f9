namespace Countdown.Preprocess.Preparing;

/// <summary>One file <see cref="PrepareJob"/> wrote.</summary>
/// <param name="Path">The absolute final path.</param>
/// <param name="Rows">Rows written (0 for non-table files).</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file, when hashes were asked for.</param>
public sealed record PreparedOutput(string Path, long Rows, long Bytes, string? Sha256);
