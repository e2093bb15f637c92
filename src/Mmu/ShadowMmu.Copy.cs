namespace MmuDsl.Mmu;

/// <summary>
/// Forking and restoring a whole engine state, for tools that search many operation sequences
/// from one state (mmudsl explore): <see cref="Clone"/> makes an independent copy,
/// <see cref="CopyStateFrom"/> overwrites an engine with the state of another made from the same
/// pages, without allocating once the engine has held a state of that size.
/// </summary>
public sealed partial class ShadowMmu
{
    /// <summary>
    /// An independent deep copy: every page (same ids, names, levels, gfns, root counts), spte,
    /// parent pte, bitmap, counter, warning and recorded violation, the batch capacity and the
    /// postcondition setting. The copy runs the same algorithm, shares nothing mutable with this
    /// engine, and has no <see cref="Observer"/>.
    /// </summary>
    public ShadowMmu Clone()
    {
        var copy = new ShadowMmu(Algorithm) { _batchCapacity = _batchCapacity, CheckSyncPostconditions = CheckSyncPostconditions };
        foreach (var page in _pages)
        {
            var twin = new ShadowPage(copy, page.Id, page.Name, page.Level, page.Gfn, page.RootCount) { Role = page.Role };
            copy.AddPage(twin);
            copy._byName.Add(twin.Name, twin);
        }

        copy._identities.UnionWith(_identities);
        copy._nextFreshGfn = _nextFreshGfn;
        copy.CopyStateFrom(this);
        return copy;
    }

    /// <summary>
    /// Makes this engine's state that of <paramref name="source"/>, which must have the same pages
    /// (a <see cref="Clone"/> of this engine, this engine a clone of it, or an engine that made
    /// the same pages in the same order): sptes, parent ptes, flags, bitmaps, counts, counters,
    /// warnings, recorded violations and the batch capacity. Throws <see cref="MmuException"/>
    /// (and changes nothing) when the pages differ. The observer is kept.
    /// </summary>
    public void CopyStateFrom(ShadowMmu source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ReferenceEquals(source, this))
        {
            return;
        }

        if (source._pages.Count != _pages.Count)
        {
            throw new MmuException(MmuErrorKind.BadArgument, $"cannot copy the state of an engine with {source._pages.Count} pages into one with {_pages.Count}: the pages must be the same");
        }

        for (int i = 0; i < _pages.Count; i++)
        {
            var mine = _pages[i];
            var theirs = source._pages[i];
            if (mine.Level != theirs.Level || mine.RootCount != theirs.RootCount || mine.Gfn != theirs.Gfn || mine.Role != theirs.Role || !string.Equals(mine.Name, theirs.Name, StringComparison.Ordinal))
            {
                throw new MmuException(MmuErrorKind.BadArgument, $"cannot copy the state of another engine: page {i} is '{theirs.Name}' (level {theirs.Level}) there and '{mine.Name}' (level {mine.Level}) here");
            }
        }

        Array.Copy(source._syncStates, _syncStates, _pages.Count);

        // The stamps came with the copy but name the source's batches: keep every one of them
        // below the generations this engine hands out next.
        _batchGeneration = Math.Max(_batchGeneration, source._batchGeneration);
        for (int i = 0; i < _pages.Count; i++)
        {
            _pages[i].CopyStateFrom(source._pages[i], _pages);
        }

        _warnings.Clear();
        _warnings.AddRange(source._warnings);
        _syncViolations.Clear();
        _syncViolations.AddRange(source._syncViolations);
        Stats.CopyFrom(source.Stats);
        _bitClears = source._bitClears;
        _batchCapacity = source._batchCapacity;
    }
}
