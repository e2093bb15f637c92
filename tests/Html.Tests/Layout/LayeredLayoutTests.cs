using MmuDsl.Html.Layout;

namespace MmuDsl.Html.Tests.Layout;

public sealed class LayeredLayoutTests
{
    [Fact]
    public void Levels_AreRows_TopDown_AndNoBoxesOverlap()
    {
        // A root, two level-3 pages, four level-2 pages, one shared by both level-3 pages.
        var boxes = new List<LayoutBox> { new(120, 52, 4), new(100, 52, 3), new(100, 52, 3), new(90, 52, 2), new(90, 52, 2), new(90, 52, 2), new(160, 52, 2) };
        var edges = new HashSet<(int, int)> { (0, 1), (0, 2), (1, 3), (1, 4), (2, 4), (2, 5), (2, 6) };
        var placed = new LayeredLayout().Place(boxes, edges);
        AssertWellPlaced(boxes, placed);
        Assert.True(placed.Y[0] < placed.Y[1] && placed.Y[1] < placed.Y[3]);
        Assert.Equal(placed.Y[1], placed.Y[2]);
        Assert.Equal(placed.Y[3], placed.Y[6]);
    }

    [Fact]
    public void SameShapedComponents_AreLaidOutOnce_AndSideBySide()
    {
        var boxes = new List<LayoutBox>();
        var edges = new HashSet<(int, int)>();
        for (int c = 0; c < 5; c++)
        {
            int root = boxes.Count;
            boxes.Add(new LayoutBox(100, 52, 3));
            boxes.Add(new LayoutBox(90, 52, 2));
            boxes.Add(new LayoutBox(90, 52, 2));
            edges.Add((root, root + 1));
            edges.Add((root, root + 2));
        }

        var layout = new LayeredLayout();
        var placed = layout.Place(boxes, edges);
        Assert.Equal(1, layout.MsaglRuns);
        AssertWellPlaced(boxes, placed);
        Assert.True(placed.X[0] < placed.X[3] && placed.X[3] < placed.X[6], "components keep their order");
    }

    [Fact]
    public void UnlinkedPages_OfOneLevel_ShareItsRow()
    {
        var boxes = new List<LayoutBox> { new(100, 52, 4), new(100, 52, 1), new(100, 52, 1), new(100, 52, 3) };
        var placed = new LayeredLayout().Place(boxes, new HashSet<(int, int)>());
        AssertWellPlaced(boxes, placed);
        Assert.Equal(placed.Y[1], placed.Y[2]);
        Assert.True(placed.Y[0] < placed.Y[3] && placed.Y[3] < placed.Y[1]);
    }

    private static void AssertWellPlaced(List<LayoutBox> boxes, PlacedGraph placed)
    {
        for (int i = 0; i < boxes.Count; i++)
        {
            Assert.InRange(placed.X[i] - boxes[i].Width / 2, 0, placed.Width);
            Assert.InRange(placed.X[i] + boxes[i].Width / 2, 0, placed.Width);
            Assert.InRange(placed.Y[i] - boxes[i].Height / 2, 0, placed.Height);
            Assert.InRange(placed.Y[i] + boxes[i].Height / 2, 0, placed.Height);
            for (int j = i + 1; j < boxes.Count; j++)
            {
                bool apartX = Math.Abs(placed.X[i] - placed.X[j]) >= (boxes[i].Width + boxes[j].Width) / 2;
                bool apartY = Math.Abs(placed.Y[i] - placed.Y[j]) >= (boxes[i].Height + boxes[j].Height) / 2;
                Assert.True(apartX || apartY, $"boxes {i} and {j} overlap");
            }
        }
    }
}
