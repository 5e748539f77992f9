namespace Countdown.Preprocess.Inspection;

/// <summary>What <c>inspect</c> says about a file before its rows: format, row count and schema.</summary>
/// <param name="Path">The file path as given.</param>
/// <param name="Format">The detected format.</param>
/// <param name="RowCount">The number of rows (records, lines or array elements).</param>
/// <param name="Fields">The top-level columns in stored (or first-seen) order; types are inferred for JSON and CSV.</param>
/// <param name="Parquet">Parquet file details, for Parquet files only.</param>
public sealed record TableDescription(
    string Path, TableFormat Format, long RowCount, IReadOnlyList<SchemaField> Fields, ParquetDetails? Parquet = null);
