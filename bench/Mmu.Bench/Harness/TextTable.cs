using System.Globalization;
using System.Text;

namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>A plain-text table: a header row, rows of cells, columns padded to their widest cell.
/// Text columns are left-aligned, the others right-aligned.</summary>
internal sealed class TextTable
{
    private readonly string[] _header;
    private readonly bool[] _leftAligned;
    private readonly List<string[]> _rows = [];

    /// <summary>Columns by header; a header starting with '&lt;' is a left-aligned (text) column.</summary>
    public TextTable(params string[] header)
    {
        _leftAligned = header.Select(h => h.StartsWith('<')).ToArray();
        _header = header.Select(h => h.TrimStart('<')).ToArray();
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != _header.Length)
        {
            throw new ArgumentException($"{cells.Length} cells for {_header.Length} columns", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void WriteTo(TextWriter w, string indent = "  ")
    {
        var widths = new int[_header.Length];
        foreach (var row in _rows.Prepend(_header))
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        WriteRow(w, indent, _header, widths);
        WriteRow(w, indent, widths.Select(n => new string('-', n)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteRow(w, indent, row, widths);
        }
    }

    private void WriteRow(TextWriter w, string indent, string[] cells, int[] widths)
    {
        var sb = new StringBuilder(indent);
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                sb.Append("  ");
            }

            sb.Append(_leftAligned[c] ? cells[c].PadRight(widths[c]) : cells[c].PadLeft(widths[c]));
        }

        w.WriteLine(sb.ToString().TrimEnd());
    }

    /// <summary>An integer with thousands separators.</summary>
    public static string Int(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A number with <paramref name="decimals"/> decimals.</summary>
    public static string Num(double x, int decimals = 1) => x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
