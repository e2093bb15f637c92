namespace MmuDsl.Explore.Results;

/// <summary>
/// The progress of a run that writes results (<see cref="ExploreOptions.ResultsFile"/>), kept in
/// <c>FILE.checkpoint</c>: a results document, not complete, with the shapes done so far. A run
/// given the same file and the same bounds, algorithms, version and shard takes it up and explores
/// only the rest; the instances a checkpoint keeps only by their key are found again by searching
/// their one shape once more. Written atomically after the shape that crosses the interval, under
/// the lock that adds each shape's totals (what it costs: see docs/explore.md).
/// </summary>
internal sealed class ShardCheckpoint
{
    private readonly string _path;
    private readonly TimeSpan _interval;
    private TimeSpan _last;

    private ShardCheckpoint(string path, TimeSpan interval)
    {
        _path = path;
        _interval = interval;
    }

    /// <summary>How many checkpoints were written, and their total time.</summary>
    public (int Count, TimeSpan Time) Written { get; private set; }

    /// <summary>The checkpoint file of a results file.</summary>
    public static string PathFor(string resultsFile) => resultsFile + ".checkpoint";

    /// <summary>
    /// Opens the checkpoint of <paramref name="options"/>' results file. When one is there and was
    /// written by a run of the same exploration and shard, its totals are added to
    /// <paramref name="report"/> and its shapes done are returned; <paramref name="note"/> says why
    /// one that is there is not taken up.
    /// </summary>
    public static ShardCheckpoint Open(ExploreOptions options, ExploreReport report, out HashSet<int> done, out TimeSpan before, out string? note)
    {
        string path = PathFor(options.ResultsFile!);
        var checkpoint = new ShardCheckpoint(path, options.CheckpointInterval);
        done = [];
        before = TimeSpan.Zero;
        note = null;
        if (!File.Exists(path))
        {
            return checkpoint;
        }

        var saved = ResultsFile.Read(path, out var problem);
        if (saved == null)
        {
            note = $"{path}: not taken up ({problem}); starting over";
            return checkpoint;
        }

        var mine = ShardResults.Of(report, []);
        string? mismatch = saved.ToolVersion != mine.ToolVersion ? $"made by mmudsl {saved.ToolVersion}"
            : saved.Bounds.Differences(mine.Bounds) is { Count: > 0 } d ? $"its bounds differ: {string.Join(", ", d)}"
            : !saved.First.SameCodeAs(mine.First) || !saved.Second.SameCodeAs(mine.Second) ? $"other algorithms: {saved.First.Describe()} against {saved.Second.Describe()}"
            : saved.Shard != mine.Shard ? $"shard {saved.Shard}, not {mine.Shard}"
            : saved.Complete || saved.ShapesDone == null ? "not a checkpoint"
            : null;
        if (mismatch != null)
        {
            note = $"{path}: not taken up ({mismatch}); starting over";
            return checkpoint;
        }

        report.Add(saved.ToReport());
        done = [.. saved.ShapesDone!];
        before = TimeSpan.FromSeconds(saved.Seconds);
        return checkpoint;
    }

    /// <summary>Writes the checkpoint if the interval has passed since the last one (call under the report's lock).</summary>
    public void MaybeWrite(ExploreReport report, HashSet<int> done, TimeSpan elapsed)
    {
        if (elapsed - _last < _interval)
        {
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var saved = report.Elapsed;
        report.Elapsed = elapsed;
        ResultsFile.Write(_path, ShardResults.Of(report, [.. done.Order()]));
        report.Elapsed = saved;
        _last = elapsed;
        Written = (Written.Count + 1, Written.Time + clock.Elapsed);
    }

    /// <summary>Removes the checkpoint once the results are written.</summary>
    public void Delete() => File.Delete(_path);
}
