namespace MmuDsl.Html.Tests.Browser;

/// <summary>The tests that share one browser (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
