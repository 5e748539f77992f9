namespace Countdown.Preprocess.Inspection;

/// <summary>The type of a column or nested field, printed as Apache Arrow prints it (<c>list&lt;element: int64&gt;</c>).</summary>
public abstract record FieldType
{
    /// <summary>The Arrow-style type text.</summary>
    public abstract override string ToString();
}
