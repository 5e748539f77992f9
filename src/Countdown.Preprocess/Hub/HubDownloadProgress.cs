namespace Countdown.Preprocess.Hub;

/// <summary>A step in fetching one file of a split.</summary>
/// <param name="Stage">What happened.</param>
/// <param name="Path">The file's path in the repository, e.g. <c>data/train-00000-of-00001.parquet</c>.</param>
/// <param name="BytesReceived">Bytes received so far (the file size for <see cref="HubProgressStage.CacheHit"/>).</param>
/// <param name="TotalBytes">The file size the Hub announced.</param>
public sealed record HubDownloadProgress(HubProgressStage Stage, string Path, long BytesReceived, long TotalBytes);
