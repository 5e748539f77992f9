using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Validation;

internal sealed partial class PreparedFileCheck
{
    /// <summary>Checks a regular row group from its columns: rows that pass every check are counted here without objects;
    /// any other row is rebuilt and goes through <see cref="CheckRow"/>, which reports exactly as the generic path.</summary>
    public void CheckRowGroup(PreparedColumns c)
    {
        for (var i = 0; i < c.Rows; i++)
        {
            if (!TryAccept(c, i)) CheckRow(Rebuild(c, i));
        }
    }

    private bool TryAccept(PreparedColumns c, int i)
    {
        var r = RowCount;
        if (!c.DataSource[i].Span.SequenceEqual(PreparedRow.DataSource) || !c.Ability[i].Span.SequenceEqual(PreparedRow.Ability)
            || !c.Style[i].Span.SequenceEqual(PreparedRow.RewardStyle) || c.Index[i] != ExpectedIndex(r, c.Index[i]) || c.Target[i] != c.TruthTarget[i])
            return false;
        var split = c.Split[i].Span;
        if (_splitFromName is { } named ? !split.SequenceEqual(named) : _firstSplitRow is not null && !split.SequenceEqual(_firstSplit)) return false;
        var truth = c.TruthNumbers.AsSpan(c.TruthStart[i], c.TruthStart[i + 1] - c.TruthStart[i]);
        if (!c.Nums.AsSpan(c.NumsStart[i], c.NumsStart[i + 1] - c.NumsStart[i]).SequenceEqual(truth)) return false;

        var first = c.PromptStart[i];
        var messages = c.PromptStart[i + 1] - first;
        var roles = c.Role.AsSpan(first, messages);
        var contents = c.Content.AsSpan(first, messages);
        for (var k = 0; k < _templates.Count; k++)
        {
            var t = (_lastTemplate + k) % _templates.Count;
            if (!_templates[t].Matches(c.TruthTarget[i], truth, roles, contents)) continue;

            RowCount++;
            if (_splitFromName is null && _firstSplitRow is null) (_firstSplit, _firstSplitRow) = (split.ToString(), r);
            _lastTemplate = t;
            _templateRows[_templates[t].Name] = _templateRows.GetValueOrDefault(_templates[t].Name) + 1;
            TaskKeys.AddSpan(c.TruthTarget[i], truth);
            if (_promptLimit is not null) CheckPromptTokens(r, _templates[t].Render(new CountdownTask(c.TruthTarget[i], truth.ToArray())), _templates[t]);
            return true;
        }
        return false;
    }

    /// <summary>Row <paramref name="i"/> as the generic reader would give it, for the full check.</summary>
    private static StructValue Rebuild(PreparedColumns c, int i)
    {
        static KeyValuePair<string, object?> F(string name, object? value) => new(name, value);
        static object?[] Longs(long[] values, int[] starts, int i) => values[starts[i]..starts[i + 1]].Select(v => (object?)v).ToArray();

        var prompt = new object?[c.PromptStart[i + 1] - c.PromptStart[i]];
        for (var m = 0; m < prompt.Length; m++)
        {
            var at = c.PromptStart[i] + m;
            prompt[m] = new StructValue([F("content", c.Content[at].ToString()), F("role", c.Role[at].ToString())]);
        }
        var truth = new StructValue([F("numbers", Longs(c.TruthNumbers, c.TruthStart, i)), F("target", c.TruthTarget[i])]);
        var extra = c.Solution is { } solution
            ? new StructValue([F("index", c.Index[i]), F("solution", solution[i].ToString()), F("split", c.Split[i].ToString())])
            : new StructValue([F("index", c.Index[i]), F("split", c.Split[i].ToString())]);
        return new StructValue(
        [
            F("target", c.Target[i]), F("nums", Longs(c.Nums, c.NumsStart, i)), F("data_source", c.DataSource[i].ToString()),
            F("prompt", prompt), F("ability", c.Ability[i].ToString()),
            F("reward_model", new StructValue([F("ground_truth", truth), F("style", c.Style[i].ToString())])),
            F("extra_info", extra),
        ]);
    }
}
