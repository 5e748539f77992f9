using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tests.Parquet.Encoding;

/// <summary>Row shapes for the differential tests: every template, odd prompts, nulls, empties and extreme numbers.</summary>
internal static class RowGroupEncodingRows
{
    /// <summary>A custom template with accents, CJK, an astral-plane emoji and an empty message.</summary>
    public static TextTemplate Unicode { get; } = new("unicode", isChatStyle: true,
    [
        new ChatMessage("system", "Réponds: é 日本 😀 — {target}"),
        new ChatMessage("user", ""),
        new ChatMessage("assistant", "{numbers} 😀😀 ü"),
    ]);

    /// <summary>A custom template with accents, CJK and symbols, all below U+D800: rendered straight to UTF-8.</summary>
    public static TextTemplate OrderedUnicode { get; } = new("ordered-unicode", isChatStyle: true,
    [
        new ChatMessage("system", "Réponds «vite» — 日本語 ✓ {target}"),
        new ChatMessage("user", "Nombres : {numbers}, cible {target}. ü"),
    ]);

    /// <summary>A template with characters from U+E000 up and no surrogates, where UTF-8 and UTF-16 orders could part: rendered as text.</summary>
    public static TextTemplate HighBmp { get; } = new("high-bmp", isChatStyle: true,
    [
        new ChatMessage("user", "\uFF01 {numbers} \uE000 {target} \uFFFD"),
    ]);

    /// <summary>Gets the named row shapes.</summary>
    public static IReadOnlyDictionary<string, Action<RowGroupBuffer>> Shapes { get; } = new Dictionary<string, Action<RowGroupBuffer>>
    {
        ["empty-0"] = _ => { },
        ["base-1"] = b => Tasks(b, PromptTemplates.Base, 1, seed: 1),
        ["base-7"] = b => Tasks(b, PromptTemplates.Base, 7, seed: 2),
        ["base-10000"] = b => Tasks(b, PromptTemplates.Base, 10_000, seed: 3),
        ["qwen-7"] = b => Tasks(b, PromptTemplates.QwenInstruct, 7, seed: 4),
        ["chat-1"] = b => Tasks(b, PromptTemplates.Chat, 1, seed: 5),
        ["chat-7"] = b => Tasks(b, PromptTemplates.Chat, 7, seed: 6),
        ["chat-10000"] = b => Tasks(b, PromptTemplates.Chat, 10_000, seed: 7),
        ["unicode-7"] = b => Tasks(b, Unicode, 7, seed: 8),
        ["unicode-1000"] = b => Tasks(b, Unicode, 1_000, seed: 9),
        ["ordered-unicode-1000"] = b => Tasks(b, OrderedUnicode, 1_000, seed: 12),
        ["high-bmp-300"] = b => Tasks(b, HighBmp, 300, seed: 13),
        ["tasks-then-prepared-then-tasks"] = TasksThenPrepared,
        ["base-then-unicode"] = b =>
        {
            Tasks(b, PromptTemplates.Base, 200, seed: 14);
            Tasks(b, Unicode, 200, seed: 15);
        },
        ["prepared-mixed"] = PreparedMixed,
        ["prepared-extremes"] = PreparedExtremes,
        ["prepared-all-null"] = PreparedAllNull,
        ["prepared-many-roles"] = PreparedManyRoles,
        ["roles-at-threshold"] = b => PreparedRoles(b, distinct: 8),
        ["roles-over-threshold"] = b => PreparedRoles(b, distinct: 9),
        ["prepared-huge-prompt"] = PreparedHugePrompt,
        ["prepared-10000"] = b => Prepared(b, 10_000, seed: 10),
    };

    /// <summary>Adds <paramref name="count"/> tasks through the rendering path, splits alternating in runs.</summary>
    public static void Tasks(RowGroupBuffer buffer, PromptTemplate template, int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            buffer.Add(RandomTask(random), template, i % 500 < 400 ? "train" : "test", i);
        }
    }

    /// <summary>Adds <paramref name="count"/> prepared rows with solutions on some.</summary>
    public static void Prepared(RowGroupBuffer buffer, int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var task = RandomTask(random);
            string? solution = random.Next(3) == 0 ? null : $"{task.Nums[0]} + {task.Target}";
            buffer.Add(new PreparedRow(task, PromptTemplates.Chat.Render(task), "train", i, solution));
        }
    }

    private static CountdownTask RandomTask(Random random)
    {
        var nums = new long[random.Next(3, 5)];
        for (int n = 0; n < nums.Length; n++)
        {
            nums[n] = random.Next(1, 100);
        }

        return new CountdownTask(random.Next(1, 1000), nums);
    }

    /// <summary>Rendered rows, then a prepared row mid-group (the contents move to text), then rendered rows again.</summary>
    private static void TasksThenPrepared(RowGroupBuffer b)
    {
        Tasks(b, PromptTemplates.Chat, 300, seed: 16);
        var task = new CountdownTask(7, [1, 2, 3]);
        b.Add(new PreparedRow(task, PromptTemplates.Chat.Render(task), "train", 300));
        Tasks(b, PromptTemplates.Chat, 300, seed: 17);
    }

    private static void PreparedMixed(RowGroupBuffer b)
    {
        var task = new CountdownTask(24, [1, 2, 3, 4]);
        b.Add(new PreparedRow(task, PromptTemplates.Base.Render(task), "train", 0, "1 * 2 * 3 * 4"));
        b.Add(new PreparedRow(new CountdownTask(5, null!), null!, "train", 1));
        b.Add(new PreparedRow(new CountdownTask(6, []), [], "test", 2, ""));
        b.Add(new PreparedRow(task, [null!, new ChatMessage("user", "")], "", 3, "é 日本 😀"));
        b.Add(new PreparedRow(task, [new ChatMessage(null!, null!), new ChatMessage("system", "x")], null!, 4));
        b.Add(new PreparedRow(task, [new ChatMessage("user", "lone \ud800 surrogate \udc00 here")], "train", 5, "\udbff"));
        b.Add(new PreparedRow(new CountdownTask(7, [0]), [new ChatMessage("user", "😀"), new ChatMessage("user", "\uffff")], "train", 6));
    }

    private static void PreparedExtremes(RowGroupBuffer b)
    {
        long[] values = [0, -1, long.MinValue, long.MaxValue, -123456789012, 42];
        for (int i = 0; i < values.Length; i++)
        {
            var task = new CountdownTask(values[i], [values[(i + 1) % values.Length], -values[i % 3], 0]);
            b.Add(new PreparedRow(task, PromptTemplates.Base.Render(task), "train", values[(i + 2) % values.Length]));
        }
    }

    private static void PreparedAllNull(RowGroupBuffer b)
    {
        for (int i = 0; i < 5; i++)
        {
            b.Add(new PreparedRow(new CountdownTask(i, null!), null!, null!, i));
        }
    }

    private static void PreparedManyRoles(RowGroupBuffer b)
    {
        // 42 distinct roles in 72 messages: past the linear search, under Parquet.Net's 80% threshold.
        var task = new CountdownTask(10, [1, 2]);
        for (int i = 0; i < 30; i++)
        {
            b.Add(new PreparedRow(task, [new ChatMessage($"role-{i % 17}", "a"), new ChatMessage($"ρόλος-{i % 13}", "b")], $"split-{i % 9}", i));
        }

        for (int i = 0; i < 12; i++)
        {
            b.Add(new PreparedRow(task, [new ChatMessage($"unique-{i}", "c")], "train", i));
        }
    }

    private static void PreparedRoles(RowGroupBuffer b, int distinct)
    {
        // 10 role values: Parquet.Net takes a dictionary of at most (int)(10 * 0.8) = 8 entries.
        var task = new CountdownTask(10, [1, 2]);
        for (int i = 0; i < 5; i++)
        {
            b.Add(new PreparedRow(task, [new ChatMessage($"r{(2 * i) % distinct}", "a"), new ChatMessage($"r{((2 * i) + 1) % distinct}", "b")], "train", i));
        }
    }

    private static void PreparedHugePrompt(RowGroupBuffer b)
    {
        // Longer than a text arena block, and the min and max of its column: the page header carries it four times.
        var task = new CountdownTask(3, [1, 2]);
        var huge = string.Concat(Enumerable.Repeat("é日😀 ", 60_000));
        b.Add(new PreparedRow(task, [new ChatMessage("user", "m")], "train", 0));
        b.Add(new PreparedRow(task, [new ChatMessage("user", huge)], "train", 1, huge));
        b.Add(new PreparedRow(task, [new ChatMessage("user", "~" + huge)], "train", 2));
    }
}
