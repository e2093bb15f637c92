using MmuDsl.Mmu;

namespace MmuDsl.Dsl.Output;

/// <summary>The spte indexes a picture of a page shows: present sptes and set bitmap bits.</summary>
internal static class ShownIndexes
{
    /// <summary>The smallest index at or above <paramref name="from"/> that is a present spte or a set bit, or -1.</summary>
    public static int Next(ShadowPage page, Bitmap512 bitmap, int from)
    {
        int bit = bitmap.NextSetBit(from);
        int spte = page.NextPresentIndex(from);
        if (bit < 0)
        {
            return spte;
        }

        return spte < 0 ? bit : Math.Min(bit, spte);
    }
}
