namespace Countdown.Preprocess.Reporting;

/// <summary>One file a report read.</summary>
/// <param name="Path">The path as given (or found in the given folder).</param>
/// <param name="Bytes">The file size.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="Split">The split the file holds (<c>train</c>, <c>test</c>), or null for a raw or score file.</param>
public sealed record InputFileInfo(string Path, long Bytes, string Sha256, string? Split);
