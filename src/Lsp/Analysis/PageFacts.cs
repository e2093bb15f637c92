using System.Text;
using MmuDsl.Mmu;

namespace MmuDsl.Lsp.Analysis;

/// <summary>
/// A page's state at one moment, copied (the engine goes on changing the page): what its
/// <c>show</c> line and its fields say there. A value, so that recording it allocates nothing.
/// </summary>
internal readonly struct PageFacts
{
    private readonly Bitmap512 _bitmap;
    private readonly Bitmap512 _children;

    private PageFacts(ShadowPage page)
    {
        Name = page.Name;
        Level = page.Level;
        Gfn = page.Gfn;
        RootCount = page.RootCount;
        Zapped = page.Zapped;
        Unsync = page.Unsync;
        UnsyncChildren = page.UnsyncChildren;
        Syncs = page.Syncs;
        Parents = page.ParentCount;
        _bitmap = page.UnsyncChildBitmap;
        _children = page.ChildBitmap;
    }

    public string Name { get; }

    public int Level { get; }

    public long Gfn { get; }

    public int RootCount { get; }

    public bool Zapped { get; }

    public bool Unsync { get; }

    public int UnsyncChildren { get; }

    public int Syncs { get; }

    public int Parents { get; }

    /// <summary>The facts of <paramref name="page"/> now.</summary>
    public static PageFacts Of(ShadowPage page) => new(page);

    /// <summary>The page's line in <c>show</c> (ShowPrinter.PageLine; a test keeps the two the same).</summary>
    public string ShowLine()
    {
        var sb = new StringBuilder().Append(Name).Append(" L").Append(Level);
        if (RootCount > 0)
        {
            sb.Append(" root");
        }

        if (Zapped)
        {
            sb.Append(" zapped");
        }

        if (Level == 1)
        {
            sb.Append(Unsync ? " unsync" : " sync");
        }
        else
        {
            sb.Append(" unsync_children=").Append(UnsyncChildren).Append(" bitmap=").Append(_bitmap.ToString());
        }

        return sb.ToString();
    }

    /// <summary>A field's value as a script prints it (docs/language.md#page-fields), or null for an unknown field.</summary>
    public string? Field(string field) => field switch
    {
        "unsync" => Unsync ? "true" : "false",
        "unsync_children" => UnsyncChildren.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "bitmap" => _bitmap.ToString(),
        "children" => _children.ToString(),
        "parents" => Parents.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "level" => Level.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "gfn" => Gfn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "root_count" => RootCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "zapped" => Zapped ? "true" : "false",
        "syncs" => Syncs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
