namespace MmuDsl.Html.Layout;

/// <summary>Where each node's centre goes (by the node's number in the input), and the drawing's size.</summary>
internal sealed class PlacedGraph(double[] x, double[] y, double width, double height)
{
    public double[] X { get; } = x;

    public double[] Y { get; } = y;

    public double Width { get; } = width;

    public double Height { get; } = height;
}
