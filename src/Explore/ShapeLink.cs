namespace MmuDsl.Explore;

/// <summary>Spte <paramref name="Slot"/> of page <paramref name="Parent"/> links page <paramref name="Child"/> (indexes into the shape's pages).</summary>
public readonly record struct ShapeLink(int Parent, int Slot, int Child) : IComparable<ShapeLink>
{
    /// <inheritdoc/>
    public int CompareTo(ShapeLink other)
    {
        int c = Parent.CompareTo(other.Parent);
        if (c != 0)
        {
            return c;
        }

        c = Slot.CompareTo(other.Slot);
        return c != 0 ? c : Child.CompareTo(other.Child);
    }
}
