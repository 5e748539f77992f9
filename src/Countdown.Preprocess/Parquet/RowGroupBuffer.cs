using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Parquet;

/// <summary>Shreds up to one row group of rows into column values with definition and repetition levels.</summary>
/// <remarks>
/// Levels follow the schema's nesting: every node is optional, so a leaf's definition level counts the defined
/// nodes on its path (list repeated groups included). Values hold only the non-null leaves. The buffers are reused
/// for every row group of a file, so memory stays at one row group.
/// </remarks>
internal sealed partial class RowGroupBuffer : IDisposable
{
    private readonly VerlParquetSchema _schema;
    private readonly ColumnBuffer<long> _targets;
    private readonly ColumnBuffer<long> _numbers;
    private readonly ColumnBuffer<int> _numsDefinitions;
    private readonly ColumnBuffer<int> _numbersDefinitions;
    private readonly ColumnBuffer<int> _numsRepetitions;
    private readonly ColumnBuffer<ReadOnlyMemory<char>> _contents;
    private readonly TextArena _contentText;
    private readonly ColumnBuffer<int> _contentDefinitions;
    private readonly ColumnBuffer<ReadOnlyMemory<char>> _roles;
    private readonly ColumnBuffer<int> _roleDefinitions;
    private readonly ColumnBuffer<int> _promptRepetitions;
    private readonly ColumnBuffer<long> _indexes;
    private readonly ColumnBuffer<ReadOnlyMemory<char>> _solutions;
    private readonly ColumnBuffer<int> _solutionDefinitions;
    private readonly ColumnBuffer<ReadOnlyMemory<char>> _splits;
    private readonly ColumnBuffer<int> _splitDefinitions;
    private readonly ConstantColumns _constants;
    private readonly ReadOnlyMemory<char>[] _renderedContents = new ReadOnlyMemory<char>[8];
    private readonly Func<int, Memory<char>> _allocateText;

    /// <summary>Creates buffers sized for <paramref name="rowGroupSize"/> rows of the given schema.</summary>
    public RowGroupBuffer(VerlParquetSchema schema, int rowGroupSize)
    {
        _schema = schema;
        // Rows usually hold 3-4 numbers and 1-2 messages; the buffers grow as needed, so a huge group size costs nothing up front.
        int rows = Math.Min(rowGroupSize, 16_384), lists = rows * 4, messages = rows * 2;
        _targets = new(rows);
        _numbers = new(lists);
        _numsDefinitions = new(lists);
        _numbersDefinitions = new(lists);
        _numsRepetitions = new(lists);
        _contents = new(messages);
        _contentText = new();
        _contentDefinitions = new(messages);
        _roles = new(messages);
        _roleDefinitions = new(messages);
        _promptRepetitions = new(messages);
        _indexes = new(rows);
        _solutions = new(schema.IncludeSolution ? rows : 1);
        _solutionDefinitions = new(schema.IncludeSolution ? rows : 1);
        _splits = new(rows);
        _splitDefinitions = new(rows);
        _constants = new ConstantColumns(rows);
        _allocateText = _contentText.Allocate;
    }

    /// <summary>Frees the unmanaged blocks that hold the prompts' text.</summary>
    public void Dispose()
    {
        _contentText.Dispose();
        _contentUtf8?.Dispose();
    }

    /// <summary>Gets the number of rows buffered since the last flush.</summary>
    public int Count { get; private set; }

    /// <summary>Shreds one row into the column buffers.</summary>
    public void Add(PreparedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        MoveUtf8ContentsToText();
        _targets.Add(row.Task.Target);
        AddNumbers(row.Task.Nums);
        AddPrompt(row.Prompt);
        _indexes.Add(row.Index);
        if (_schema.IncludeSolution)
        {
            AddText(_solutions, _solutionDefinitions, row.Solution, definedLevel: 2);
        }

        AddText(_splits, _splitDefinitions, row.Split, definedLevel: 2);
        Count++;
    }

    /// <summary>Shreds the row of <paramref name="task"/> without building it: the prompt is rendered straight into the buffer's UTF-8 values or text blocks.</summary>
    /// <remarks>Gives the same columns as <see cref="Add(PreparedRow)"/> with <see cref="PromptTemplate.Render"/>'s prompt and no solution.</remarks>
    public void Add(CountdownTask task, PromptTemplate template, string split, long index)
    {
        _targets.Add(task.Target);
        AddNumbers(task.Nums);
        if (template is TextTemplate { RendersOrderedUtf8: true } utf8 && RendersUtf8 && _contents.Count == 0)
        {
            AddPromptUtf8(task, utf8);
        }
        else
        {
            MoveUtf8ContentsToText();
            if (template is TextTemplate text) AddPrompt(task, text);
            else AddPrompt(template.Render(task));
        }

        _indexes.Add(index);
        if (_schema.IncludeSolution)
        {
            AddText(_solutions, _solutionDefinitions, null, definedLevel: 2);
        }

        AddText(_splits, _splitDefinitions, split, definedLevel: 2);
        Count++;
    }

    private void AddPrompt(CountdownTask task, TextTemplate template)
    {
        int messages = template.MessageCount;
        Span<ReadOnlyMemory<char>> contents = messages <= 8 ? _renderedContents : new ReadOnlyMemory<char>[messages];
        template.RenderInto(task, _allocateText, contents);
        for (int i = 0; i < messages; i++)
        {
            _contents.Add(contents[i]);
            AddRenderedMessageLevels(template, i);
        }
    }

    /// <summary>Adds message <paramref name="index"/> of a rendered prompt to every column but the contents' values: its levels and its role.</summary>
    private void AddRenderedMessageLevels(TextTemplate template, int index)
    {
        _promptRepetitions.Add(index == 0 ? 0 : 1);
        _contentDefinitions.Add(4);
        _roles.Add(template.RoleAt(index).AsMemory());
        _roleDefinitions.Add(4);
    }

    private void AddNumbers(long[]? nums)
    {
        // nums: nums(1) > list(2) > element(3); numbers: reward_model(1) > ground_truth(2) > numbers(3) > list(4) > element(5).
        if (nums is null || nums.Length == 0)
        {
            int level = nums is null ? 0 : 1;
            _numsDefinitions.Add(level);
            _numbersDefinitions.Add(level + 2);
            _numsRepetitions.Add(0);
            return;
        }

        for (int i = 0; i < nums.Length; i++)
        {
            _numbers.Add(nums[i]);
            _numsDefinitions.Add(3);
            _numbersDefinitions.Add(5);
            _numsRepetitions.Add(i == 0 ? 0 : 1);
        }
    }

    private void AddPrompt(IReadOnlyList<Templates.ChatMessage>? prompt)
    {
        // prompt(1) > list(2) > element(3) > content/role(4).
        if (prompt is null || prompt.Count == 0)
        {
            int level = prompt is null ? 0 : 1;
            _contentDefinitions.Add(level);
            _roleDefinitions.Add(level);
            _promptRepetitions.Add(0);
            return;
        }

        for (int i = 0; i < prompt.Count; i++)
        {
            var message = prompt[i];
            _promptRepetitions.Add(i == 0 ? 0 : 1);
            if (message is null)
            {
                _contentDefinitions.Add(2);
                _roleDefinitions.Add(2);
                continue;
            }

            AddText(_contents, _contentDefinitions, message.Content, definedLevel: 4, _contentText);
            AddText(_roles, _roleDefinitions, message.Role, definedLevel: 4);
        }
    }

    private static void AddText(ColumnBuffer<ReadOnlyMemory<char>> values, ColumnBuffer<int> definitions, string? text, int definedLevel, TextArena? copyTo = null)
    {
        if (text is null)
        {
            definitions.Add(definedLevel - 1);
            return;
        }

        values.Add(copyTo is null ? text.AsMemory() : copyTo.Add(text));
        definitions.Add(definedLevel);
    }
}
