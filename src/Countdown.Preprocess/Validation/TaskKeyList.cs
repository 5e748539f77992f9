using Countdown.Preprocess.Quality;

namespace Countdown.Preprocess.Validation;

/// <summary>Each row's task as target and multiset of numbers, for the overlap check: 16 bytes a row (a packed key), about 80 MB for 5 million rows.</summary>
/// <remarks>
/// Rows whose task does not pack (more than six numbers, or values beyond 16 bits) keep a text key on the side. Made
/// with a probe, the list keeps nothing: each key goes to the probe with its row (a train file is matched against the
/// test keys as it is read, so 20M train rows do not cost 320 MB).
/// </remarks>
internal sealed class TaskKeyList
{
    private static readonly UInt128 NoTask = UInt128.MaxValue; // the count field of a real key is at most 6, never all ones
    private const int BlockSize = 1 << 16;

    // Blocks of 65,536 keys, not one growing array: no doubling slack and no copy of every key on growth.
    private readonly List<UInt128[]> _blocks = [];
    private readonly Action<(UInt128? Packed, string? Text), int>? _probe;
    private Dictionary<int, string>? _text;

    /// <summary>Creates a list that keeps every row's key.</summary>
    public TaskKeyList()
    {
    }

    /// <summary>Creates a list that keeps no key but hands each row's (when it has a task) to <paramref name="probe"/> with the row.</summary>
    public TaskKeyList(Action<(UInt128? Packed, string? Text), int> probe) => _probe = probe;

    public int Count { get; private set; }

    /// <summary>Adds the next row's task (null when the row has no readable task).</summary>
    public void Add(long? target, long[]? nums)
    {
        if (target is null || nums is null)
        {
            Append(NoTask);
            return;
        }
        if (PackedTaskKey.TryPackMultiset(target.Value, nums, out var key))
        {
            Append(key);
            return;
        }
        var text = $"{target}:{string.Join(',', nums.Order())}";
        if (_probe is not null)
        {
            _probe((null, text), Count++);
            return;
        }
        (_text ??= [])[Count] = text;
        Append(NoTask);
    }

    /// <summary>Adds the next row's task from spans (the column fast path; no array per row when the task packs).</summary>
    public void AddSpan(long target, ReadOnlySpan<long> nums)
    {
        if (PackedTaskKey.TryPackMultiset(target, nums, out var key)) Append(key);
        else Add(target, nums.ToArray());
    }

    private void Append(UInt128 key)
    {
        if (_probe is not null)
        {
            if (key != NoTask) _probe((key, null), Count);
            Count++;
            return;
        }
        if (Count % BlockSize == 0) _blocks.Add(new UInt128[BlockSize]);
        _blocks[^1][Count % BlockSize] = key;
        Count++;
    }

    /// <summary>The key of row <paramref name="row"/>: packed or text, or neither when the row had no task.</summary>
    /// <exception cref="InvalidOperationException">The list was made with a probe and keeps no keys.</exception>
    public (UInt128? Packed, string? Text) this[int row]
    {
        get
        {
            if (_probe is not null) throw new InvalidOperationException("A probing key list keeps no keys.");
            var key = _blocks[row / BlockSize][row % BlockSize];
            return key != NoTask ? (key, null) : (null, _text?.GetValueOrDefault(row));
        }
    }

    /// <summary>The key's target and sorted numbers, for messages.</summary>
    public static (string Target, string Numbers) Describe((UInt128? Packed, string? Text) key)
    {
        if (key.Packed is { } packed)
        {
            var (target, nums) = PackedTaskKey.Unpack(packed);
            return (target.ToString(System.Globalization.CultureInfo.InvariantCulture), "[" + string.Join(", ", nums) + "]");
        }
        var text = key.Text!;
        return (text[..text.IndexOf(':')], "[" + text[(text.IndexOf(':') + 1)..].Replace(",", ", ") + "]");
    }
}
