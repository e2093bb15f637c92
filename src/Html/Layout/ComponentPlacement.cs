namespace MmuDsl.Html.Layout;

/// <summary>One connected component laid out on its own: x centres from its left edge, its width, its levels.</summary>
internal sealed class ComponentPlacement(double[] x, double width, int minLevel, int maxLevel)
{
    public double[] X { get; } = x;

    public double Width { get; } = width;

    public int MinLevel { get; } = minLevel;

    public int MaxLevel { get; } = maxLevel;
}
