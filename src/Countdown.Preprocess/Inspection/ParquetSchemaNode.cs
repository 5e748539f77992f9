using Parquet.Meta;

namespace Countdown.Preprocess.Inspection;

/// <summary>One node of a Parquet file's physical schema with its Dremel levels and the leaf columns below it.</summary>
internal sealed class ParquetSchemaNode
{
    private ParquetSchemaNode(SchemaElement element, ParquetSchemaNode? parent)
    {
        Element = element;
        // The root carries no repetition (some writers set one anyway); it never adds a level.
        Repetition = parent is null ? FieldRepetitionType.REQUIRED : element.RepetitionType ?? FieldRepetitionType.REQUIRED;
        Path = parent is null ? [] : [.. parent.Path, element.Name];
        Parent = parent;
        DefinitionLevel = (parent?.DefinitionLevel ?? 0) + (Repetition == FieldRepetitionType.REQUIRED ? 0 : 1);
        RepetitionLevel = (parent?.RepetitionLevel ?? 0) + (Repetition == FieldRepetitionType.REPEATED ? 1 : 0);
    }

    public SchemaElement Element { get; }

    public string Name => Element.Name;

    public FieldRepetitionType Repetition { get; }

    public ParquetSchemaNode? Parent { get; }

    /// <summary>The column path below the root (<c>nums</c>, <c>list</c>, <c>element</c>).</summary>
    public IReadOnlyList<string> Path { get; }

    public ParquetNodeKind Kind { get; private set; }

    public List<ParquetSchemaNode> Children { get; } = [];

    /// <summary>The definition level at which this node is present.</summary>
    public int DefinitionLevel { get; }

    /// <summary>The repetition level of a new occurrence of this node (for repeated nodes).</summary>
    public int RepetitionLevel { get; }

    /// <summary>The index of the first leaf column below this node (itself when a leaf).</summary>
    public int FirstLeaf { get; private set; }

    /// <summary>The number of leaf columns below this node.</summary>
    public int LeafCount { get; private set; }

    /// <summary>For lists: the element is the repeated node itself (legacy two-level lists), not its only child.</summary>
    public bool ElementIsRepeatedNode { get; private set; }

    /// <summary>Builds the tree from the footer's depth-first schema list; the root has the columns as children.</summary>
    /// <exception cref="InvalidDataException">The schema list is malformed.</exception>
    public static ParquetSchemaNode Parse(IReadOnlyList<SchemaElement> elements)
    {
        if (elements.Count == 0) throw new InvalidDataException("the footer holds no schema");
        var index = 0;
        var leaves = 0;
        var root = new ParquetSchemaNode(elements[index++], null);
        root.ReadChildren(elements, ref index, ref leaves);
        root.Kind = ParquetNodeKind.Struct;
        return root;
    }

    private void ReadChildren(IReadOnlyList<SchemaElement> elements, ref int index, ref int leaves)
    {
        FirstLeaf = leaves;
        var count = Element.NumChildren ?? 0;
        for (var i = 0; i < count; i++)
        {
            if (index >= elements.Count) throw new InvalidDataException($"group '{Name}' declares {count} children but the schema ends");
            var child = new ParquetSchemaNode(elements[index++], this);
            if (child.Element.NumChildren is > 0)
            {
                child.ReadChildren(elements, ref index, ref leaves);
                child.Kind = child.GroupKind();
            }
            else if (child.Element.Type is null)
            {
                throw new InvalidDataException($"group '{string.Join(".", child.Path)}' has no fields");
            }
            else
            {
                child.Kind = ParquetNodeKind.Primitive;
                child.FirstLeaf = leaves++;
                child.LeafCount = 1;
            }
            Children.Add(child);
        }
        LeafCount = leaves - FirstLeaf;
    }

    private ParquetNodeKind GroupKind()
    {
        var only = Children.Count == 1 ? Children[0] : null;
        var repeatedChild = only is { Repetition: FieldRepetitionType.REPEATED };
        if (repeatedChild && (Element.LogicalType?.LIST is not null || Element.ConvertedType == ConvertedType.LIST))
        {
            // The Parquet backward-compatibility rules: the repeated node is itself the element unless it is a
            // group of one field not named "array" or "<list>_tuple".
            ElementIsRepeatedNode = only!.Kind == ParquetNodeKind.Primitive
                || only.Children.Count != 1
                || only.Name == "array"
                || only.Name == Name + "_tuple";
            return ParquetNodeKind.List;
        }
        var isMap = Element.LogicalType?.MAP is not null
            || Element.ConvertedType is ConvertedType.MAP or ConvertedType.MAP_KEY_VALUE;
        if (repeatedChild && isMap && only!.Children.Count == 2)
            return ParquetNodeKind.Map;
        return ParquetNodeKind.Struct;
    }
}
