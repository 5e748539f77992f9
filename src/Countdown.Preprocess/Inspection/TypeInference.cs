namespace Countdown.Preprocess.Inspection;

/// <summary>Infers Arrow-style types from plain values (JSON and CSV), widening as it sees more: int64 and double make double.</summary>
internal sealed class TypeInference
{
    private string? _primitive;
    private bool _isList, _isStruct, _isMixed, _sawNull;
    private TypeInference? _element;
    private readonly List<(string Name, TypeInference Type)> _fields = [];
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.Ordinal);
    private readonly List<long> _present = [];
    private long _structs;

    /// <summary>Whether the values widened to <c>double</c>, so integers among them read as doubles.</summary>
    public bool IsDouble => !_isMixed && _primitive == "double";

    /// <summary>Takes one more value into account.</summary>
    public void Observe(object? value)
    {
        switch (value)
        {
            case null: _sawNull = true; return;
            case object?[] list:
                Kind(list: true);
                _element ??= new TypeInference();
                foreach (var item in list) _element.Observe(item);
                return;
            case StructValue record:
                Kind(@struct: true);
                _structs++;
                foreach (var (name, item) in record.Fields)
                {
                    if (!_fieldIndex.TryGetValue(name, out var index))
                    {
                        _fieldIndex[name] = index = _fields.Count;
                        _fields.Add((name, new TypeInference()));
                        _present.Add(0);
                    }
                    _present[index]++;
                    _fields[index].Type.Observe(item);
                }
                return;
            default:
                Kind(primitive: value switch
                {
                    long => "int64",
                    double => "double",
                    bool => "bool",
                    string => "string",
                    _ => value.GetType().Name,
                });
                return;
        }
    }

    /// <summary>The inferred fields of the observed structs (the columns, when the values were rows).</summary>
    public IReadOnlyList<SchemaField> Fields
        => _fields.Select((f, i) => Field(f.Name, f.Type, nullable: f.Type._sawNull || _present[i] < _structs)).ToArray();

    /// <summary>Converts a value to the inferred type: integers become doubles in double columns, recursively.</summary>
    public object? Coerce(object? value)
    {
        if (_isMixed) return value;
        switch (value)
        {
            case long number when IsDouble: return (double)number;
            case object?[] list when _element is not null && _element.NeedsCoercion:
                return list.Select(_element.Coerce).ToArray();
            case StructValue record when _fields.Any(f => f.Type.NeedsCoercion):
                return new StructValue(record.Fields
                    .Select(f => new KeyValuePair<string, object?>(f.Key, _fields[_fieldIndex[f.Key]].Type.Coerce(f.Value)))
                    .ToArray());
            default: return value;
        }
    }

    private bool NeedsCoercion
        => !_isMixed && (IsDouble || (_isList && _element!.NeedsCoercion) || (_isStruct && _fields.Any(f => f.Type.NeedsCoercion)));

    private FieldType Type
    {
        get
        {
            if (_isMixed) return new PrimitiveFieldType("mixed");
            if (_isList) return new ListFieldType(Field("item", _element!, _element!._sawNull));
            if (_isStruct) return new StructFieldType(Fields);
            return new PrimitiveFieldType(_primitive ?? "null");
        }
    }

    private static SchemaField Field(string name, TypeInference type, bool nullable)
        => new(name, type.Type, nullable || type.Type is PrimitiveFieldType { Name: "null" });

    private void Kind(bool list = false, bool @struct = false, string? primitive = null)
    {
        if (_isMixed) return;
        var known = _isList || _isStruct || _primitive is not null;
        if (!known)
        {
            (_isList, _isStruct, _primitive) = (list, @struct, primitive);
            return;
        }
        if (list && _isList || @struct && _isStruct || primitive is not null && primitive == _primitive) return;
        if (primitive is "int64" or "double" && _primitive is "int64" or "double")
        {
            _primitive = "double";
            return;
        }
        _isMixed = true;
    }
}
