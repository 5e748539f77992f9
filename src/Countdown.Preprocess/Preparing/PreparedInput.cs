using Countdown.Preprocess.Readers;

namespace Countdown.Preprocess.Preparing;

/// <summary>One input file <see cref="PrepareJob"/> read.</summary>
/// <param name="Path">The path as given (<c>-</c> for standard input).</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Records">Records read from it.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes, when hashes were asked for and it is a file.</param>
public sealed record PreparedInput(string Path, TaskInputFormat Format, long Records, string? Sha256);
