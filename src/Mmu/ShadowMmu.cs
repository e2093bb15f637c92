using MmuDsl.Mmu.Algorithms;
using MmuDsl.Mmu.Events;
using MmuDsl.Mmu.Invariants;

namespace MmuDsl.Mmu;

/// <summary>
/// The shadow MMU: every shadow page of one VM, their unsync metadata, and the operations of
/// docs/model.md (link, map, unlink, unsync, sync, zap) under one <see cref="UnsyncWalkAlgorithm"/>.
/// Usable alone as a library; single-threaded like the kernel under <c>mmu_lock</c>.
/// Read ShadowMmu.Walk.cs before changing anything on the sync or zap paths.
/// </summary>
public sealed partial class ShadowMmu
{
    /// <summary><c>INVALID_INDEX</c>: the index of a walk's root in its batch.</summary>
    public const int InvalidIndex = -1;

    /// <summary>The walk's "batch full" result (-ENOSPC).</summary>
    public const int Enospc = -28;

    /// <summary>The kernel's batch capacity, <c>KVM_PAGE_ARRAY_NR</c>.</summary>
    public const int DefaultBatchCapacity = 16;

    private readonly List<ShadowPage> _pages = [];
    private readonly Dictionary<string, ShadowPage> _byName = new(StringComparer.Ordinal);

    // Every page's identity, (gfn, level, role): one page each (a zapped page keeps its gfn).
    private readonly HashSet<(long Gfn, int Level, int Role)> _identities = [];

    private readonly List<MmuWarning> _warnings = [];
    private readonly List<InvariantViolation> _syncViolations = [];
    private long _nextFreshGfn = 1;
    private long _bitClears;
    private int _batchCapacity = DefaultBatchCapacity;

    /// <summary>Creates an empty shadow MMU that runs <paramref name="algorithm"/>.</summary>
    public ShadowMmu(UnsyncWalkAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        _algorithm = algorithm;
        _kvm = new Kvm(this);
        _batches.Add(new KvmMmuPages(this, _batchCapacity));
        _guarded = algorithm.GetType().Assembly != typeof(ShadowMmu).Assembly;
    }

    /// <summary>The unsync-walk algorithm this engine runs.</summary>
    public UnsyncWalkAlgorithm Algorithm => _algorithm;

    /// <summary>The counters.</summary>
    public MmuStats Stats { get; } = new();

    /// <summary>
    /// Receives every event when set; when null (the default) no event object is ever built.
    /// </summary>
    public Action<MmuEvent>? Observer { get; set; }

    /// <summary>
    /// Check invariant 4 (nothing unsync reachable, <c>unsync_children == 0</c>) at the end of
    /// every sync that returns 0. On by default; a benchmark turns it off to time the walk alone.
    /// </summary>
    public bool CheckSyncPostconditions { get; set; } = true;

    /// <summary>
    /// The batch capacity (<c>KVM_PAGE_ARRAY_NR</c>, default 16, 1 to 4096; the language asks for
    /// at least 2). Below the level of the page walked, a sync under an algorithm that batches the
    /// pages on the path (legacy, recursive) can livelock: the engine then fires
    /// <c>no-progress</c> and stops.
    /// </summary>
    public int BatchCapacity
    {
        get => _batchCapacity;
        set
        {
            if (value < 1 || value > 4096)
            {
                throw new MmuException(MmuErrorKind.BadArgument, $"batch capacity (pvec) must be between 1 and 4096, not {value}");
            }

            _batchCapacity = value;
        }
    }

    /// <summary>Every page made, in creation order (zapped ones included).</summary>
    public IReadOnlyList<ShadowPage> Pages => _pages;

    /// <summary><see cref="Pages"/> as the list it is, for the engine's own hot loops.</summary>
    internal List<ShadowPage> PageList => _pages;

    /// <summary>The warnings fired so far, in order.</summary>
    public IReadOnlyList<MmuWarning> Warnings => _warnings;

    /// <summary>Violations of invariant 4 recorded at the end of syncs that returned 0.</summary>
    public IReadOnlyList<InvariantViolation> SyncPostconditionViolations => _syncViolations;

    /// <summary>The page named <paramref name="name"/>, or null.</summary>
    public ShadowPage? FindPage(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The page whose name is <paramref name="name"/>, or null; for callers that build
    /// names in a buffer (no string is made for a lookup).</summary>
    public ShadowPage? FindPage(ReadOnlySpan<char> name) =>
        _byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var page) ? page : null;

    /// <summary>The page named <paramref name="name"/>; throws <see cref="MmuException"/> if none.</summary>
    public ShadowPage Page(string name) =>
        FindPage(name) ?? throw new MmuException(MmuErrorKind.UnknownPage, $"unknown page '{name}': no root or page of that name was made");

    // While an observed walk runs, what it emits is held back (see UnsyncWalk) and its visits noted.
    private List<MmuEvent>? _walkEvents;
    private List<WalkVisit>? _walkVisits;

    private void Emit(MmuEvent e)
    {
        if (_walkEvents != null)
        {
            _walkEvents.Add(e);
            return;
        }

        try
        {
            Observer?.Invoke(e);
        }
        catch (Exception failure)
        {
            // The observer's own error (a script's output limit, say), not the algorithm's: the
            // containment of algorithm calls lets it through as it is (CallAlgorithm).
            _observerFailure = failure;
            throw;
        }
    }

    // The last exception an observer threw, so that CallAlgorithm does not take it for the algorithm's.
    private Exception? _observerFailure;

    private void Warn(MmuWarningKind kind, string message)
    {
        var warning = new MmuWarning(kind, message);
        _warnings.Add(warning);
        Stats.Warnings++;
        if (Observer != null)
        {
            Emit(new WarningFired(warning));
        }
    }

    private void RequireOwn(ShadowPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!ReferenceEquals(page.Owner, this))
        {
            throw new MmuException(MmuErrorKind.UnknownPage, $"unknown page '{page.Name}': it belongs to another engine");
        }
    }

    private void RequireLive(ShadowPage page, string what)
    {
        RequireOwn(page);
        if (page.Zapped)
        {
            throw new MmuException(MmuErrorKind.PageZapped, $"cannot {what} '{page.Name}': the page was zapped (only reading its fields is allowed)");
        }
    }

    private static void RequireIndex(ShadowPage page, int index)
    {
        if (index < 0 || index >= Bitmap512.Size)
        {
            throw new MmuException(MmuErrorKind.IndexOutOfRange, $"spte index {index} of '{page.Name}' is outside 0..511");
        }
    }
}
