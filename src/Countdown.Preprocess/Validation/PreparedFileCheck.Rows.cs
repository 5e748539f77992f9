using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Validation;

internal sealed partial class PreparedFileCheck
{
    /// <summary>Checks the next row: no nulls, constants, split, index, nums and target against the ground truth, and the prompt.</summary>
    public void CheckRow(StructValue row)
    {
        var r = RowCount++;
        if (HasNull(row)) FindNulls(r, "", row);

        CheckConstant(r, "data_source", row.Get("data_source"), PreparedRow.DataSource);
        CheckConstant(r, "ability", row.Get("ability"), PreparedRow.Ability);
        var reward = row.Get("reward_model") as StructValue;
        CheckConstant(r, "reward_model.style", reward?.Get("style"), PreparedRow.RewardStyle);

        var extra = row.Get("extra_info") as StructValue;
        CheckSplit(r, extra?.Get("split"));
        var index = extra?.Get("index");
        if (index is not null && Integer(index) != r)
            Log.Add(ViolationKind.Index, r, "extra_info.index", () => $"Row {r} has 'extra_info.index' '{Show(index)}'; expected '{r}', as indexes run 0..n-1 in file order.");

        var truth = reward?.Get("ground_truth") as StructValue;
        var truthNumbers = Integers(truth?.Get("numbers"));
        var truthTarget = Integer(truth?.Get("target"));
        var nums = Integers(row.Get("nums"));
        var target = Integer(row.Get("target"));
        if (nums is not null && truthNumbers is not null && !nums.AsSpan().SequenceEqual(truthNumbers))
            Log.Add(ViolationKind.Nums, r, "nums", () => $"Row {r} has 'nums' '{PythonFormat.List(nums)}' but 'reward_model.ground_truth.numbers' '{PythonFormat.List(truthNumbers)}'; they must be equal.");
        if (target is not null && truthTarget is not null && target != truthTarget)
            Log.Add(ViolationKind.Target, r, "target", () => $"Row {r} has 'target' '{target}' but 'reward_model.ground_truth.target' '{truthTarget}'; they must be equal.");

        var taskNumbers = truthNumbers ?? nums;
        var taskTarget = truthTarget ?? target;
        var task = taskNumbers is not null && taskTarget is not null ? new CountdownTask(taskTarget.Value, taskNumbers) : null;
        if (task is not null) CheckPrompt(r, row.Get("prompt"), task);
        TaskKeys.Add(task is null ? null : $"{task.Target}:{string.Join(',', task.Nums.Order())}");
    }

    private void CheckConstant(long r, string field, object? value, string expected)
    {
        if (value is not null && !Equals(value, expected))
            Log.Add(ViolationKind.Constant, r, field, () => $"Row {r} has '{field}' '{Show(value)}'; expected the constant '{expected}'.");
    }

    private void CheckSplit(long r, object? value)
    {
        if (value is null) return;
        var split = value as string;
        if (_splitFromName is { } named)
        {
            if (split != named)
                Log.Add(ViolationKind.Split, r, "extra_info.split", () => $"Row {r} has 'extra_info.split' '{Show(value)}' in {System.IO.Path.GetFileName(Path)}; expected '{named}'.");
            return;
        }
        if (_firstSplitRow is null)
        {
            (_firstSplit, _firstSplitRow) = (split, r);
            return;
        }
        if (split != _firstSplit)
            Log.Add(ViolationKind.Split, r, "extra_info.split", () => $"Row {r} has 'extra_info.split' '{Show(value)}' but row {_firstSplitRow} has '{_firstSplit}'; a file holds one split.");
    }

    private void CheckPrompt(long r, object? prompt, CountdownTask task)
    {
        if (prompt is null || HasNull(prompt)) return;
        if (Messages(prompt) is not { } messages)
        {
            Log.Add(ViolationKind.Prompt, r, "prompt", () => $"Row {r} has a 'prompt' that is not a list of {{content, role}} string messages.");
            return;
        }
        for (var k = 0; k < _templates.Count; k++)
        {
            var t = (_lastTemplate + k) % _templates.Count;
            if (!Same(messages, _templates[t].Render(task))) continue;
            _lastTemplate = t;
            _templateRows[_templates[t].Name] = _templateRows.GetValueOrDefault(_templates[t].Name) + 1;
            return;
        }
        var (field, nearest) = Nearest(messages, task);
        Log.Add(ViolationKind.Prompt, r, field, () => $"Row {r} has a 'prompt' that matches none of the templates {string.Join(", ", _templates.Select(t => t.Name))} rendered from its ground truth; {nearest}.");
    }

    /// <summary>Describes where the prompt departs from the template it resembles most.</summary>
    private (string Field, string Text) Nearest(IReadOnlyList<ChatMessage> messages, CountdownTask task)
    {
        (int Message, int Chars, string Name, IReadOnlyList<ChatMessage> Rendered) best = (-1, -1, "", []);
        foreach (var template in _templates)
        {
            var rendered = template.Render(task);
            var m = 0;
            while (m < messages.Count && m < rendered.Count && messages[m] == rendered[m]) m++;
            var chars = m < messages.Count && m < rendered.Count && messages[m].Role == rendered[m].Role
                ? messages[m].Content.AsSpan().CommonPrefixLength(rendered[m].Content) : -1;
            if (m > best.Message || m == best.Message && chars > best.Chars) best = (m, chars, template.Name, rendered);
        }
        var (message, at, name, expected) = best;
        if (message >= messages.Count || message >= expected.Count)
            return ("prompt", $"it has {messages.Count} message(s) where '{name}' has {expected.Count}");
        if (at < 0)
            return ($"prompt[{message}].role", $"message {message} has role '{messages[message].Role}' where '{name}' has '{expected[message].Role}'");
        var found = messages[message].Content;
        var wanted = expected[message].Content;
        return ($"prompt[{message}].content",
            $"it is closest to '{name}', whose message {message} differs at character {at}: '{Excerpt(found, at)}' instead of '{Excerpt(wanted, at)}'");
    }

    private static string Excerpt(string text, int at)
        => at >= text.Length ? "(end)" : text.Substring(at, Math.Min(24, text.Length - at)).ReplaceLineEndings("\\n");

    private static bool Same(IReadOnlyList<ChatMessage> a, IReadOnlyList<ChatMessage> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Role != b[i].Role || a[i].Content != b[i].Content) return false;
        }
        return true;
    }

    private static ChatMessage[]? Messages(object prompt)
    {
        if (prompt is not object?[] list) return null;
        var messages = new ChatMessage[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is not StructValue message || message.Get("role") is not string role || message.Get("content") is not string content)
                return null;
            messages[i] = new ChatMessage(role, content);
        }
        return messages;
    }

    private static bool HasNull(object? value)
    {
        switch (value)
        {
            case null:
                return true;
            case object?[] list:
                foreach (var item in list)
                {
                    if (HasNull(item)) return true;
                }
                return false;
            case StructValue record:
                foreach (var field in record.Fields)
                {
                    if (HasNull(field.Value)) return true;
                }
                return false;
            default:
                return false;
        }
    }

    private void FindNulls(long r, string path, object? value)
    {
        switch (value)
        {
            case null:
                Log.Add(ViolationKind.Null, r, path, $"Row {r} has a null '{path}'; prepared files hold no nulls.");
                break;
            case object?[] list:
                for (var i = 0; i < list.Length; i++) FindNulls(r, $"{path}[{i}]", list[i]);
                break;
            case StructValue record:
                foreach (var (name, item) in record.Fields) FindNulls(r, path.Length == 0 ? name : $"{path}.{name}", item);
                break;
        }
    }

    private static long? Integer(object? value) => value switch
    {
        long n => n,
        int n => n,
        short n => n,
        sbyte n => n,
        byte n => n,
        ushort n => n,
        uint n => n,
        ulong n when n <= long.MaxValue => (long)n,
        _ => null,
    };

    private static long[]? Integers(object? value)
    {
        if (value is not object?[] list) return null;
        var numbers = new long[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            if (Integer(list[i]) is not { } n) return null;
            numbers[i] = n;
        }
        return numbers;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => text,
        object?[] => "a list",
        StructValue => "a struct",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
