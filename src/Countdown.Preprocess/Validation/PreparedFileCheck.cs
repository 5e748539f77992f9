using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Validation;

/// <summary>The running check of one prepared file: its violations, template use and task keys for the overlap check.</summary>
internal sealed partial class PreparedFileCheck
{
    private readonly IReadOnlyList<TextTemplate> _templates;
    private readonly Dictionary<string, long> _templateRows = [];
    private readonly string? _splitFromName;
    private string? _firstSplit;
    private long? _firstSplitRow;
    private int _lastTemplate;

    // A lone shard after the first (train-00002-of-00004.parquet) continues the split's index: its first row sets the base.
    private readonly bool _indexFromFirstRow;
    private long _indexBase;

    public PreparedFileCheck(string path, ValidationOptions options, TaskKeyList? taskKeys = null)
    {
        Path = path;
        TaskKeys = taskKeys ?? new TaskKeyList();
        _templates = options.Templates;
        _promptLimit = options.PromptTokens;
        _splitFromName = PreparedFileContract.SplitFromFileName(path);
        _indexFromFirstRow = Sharding.ShardNames.TryParse(System.IO.Path.GetFileName(path), out _, out var shard, out _) && shard > 0;
        Log = new ViolationLog(path, options.SamplesPerKind);
    }

    public string Path { get; }

    public ViolationLog Log { get; }

    public long RowCount { get; private set; }

    /// <summary>The split the file holds: by its name, or else as its first row says.</summary>
    public string? Split => _splitFromName ?? _firstSplit;

    /// <summary>Each row's task as target and sorted numbers (null when the row has no readable task), for the overlap check.</summary>
    public TaskKeyList TaskKeys { get; }

    /// <summary>The index row <paramref name="r"/> must hold: <paramref name="r"/>, plus the first row's index in a lone later shard.</summary>
    private long ExpectedIndex(long r, long? index)
    {
        if (r == 0 && _indexFromFirstRow && index is { } first) _indexBase = first;
        return _indexBase + r;
    }

    public FileReport ToReport()
        => new(Path, Split, RowCount, _templateRows.OrderByDescending(t => t.Value).ToArray(), Log.Summaries);
}
