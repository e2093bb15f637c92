using System.Globalization;

namespace MmuDsl.Explore.Results;

/// <summary>
/// Merges the results files of every shard of one exploration into the report a single run of
/// the same bounds makes: counts and work add up, each class keeps the instance with the smallest
/// <see cref="FindingKey"/> (the one a single run keeps, since shapes keep their places), and the
/// largest ratio is chosen by the rule a single run uses. It refuses, naming the files, results of
/// different tool versions, bounds, algorithms or shard counts, a shard given twice, checkpoints,
/// and a set with shards missing (which it names).
/// </summary>
public static class ShardMerger
{
    /// <summary>
    /// The results files among <paramref name="paths"/>: a file as it is, a folder's <c>*.json</c>
    /// files (not its temporary files or checkpoints); null with <paramref name="problem"/> for a
    /// path that does not exist or a folder with no results.
    /// </summary>
    public static List<string>? Files(IEnumerable<string> paths, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.json").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    problem = $"{path}: no results files (*.json) in this folder";
                    return null;
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                problem = $"{path}: no such file or folder";
                return null;
            }
        }

        if (files.Count == 0)
        {
            problem = "merge needs results files or a folder of them";
            return null;
        }

        problem = null;
        return files;
    }

    /// <summary>Reads and merges the results files.</summary>
    public static MergeOutcome Merge(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var shards = new List<(string File, ShardResults Results)>();
        foreach (var file in files)
        {
            if (ResultsFile.Read(file, out var problem) is { } results)
            {
                shards.Add((file, results));
            }
            else
            {
                problems.Add($"{file}: {problem}");
            }
        }

        if (problems.Count > 0)
        {
            return new MergeOutcome(null, problems);
        }

        return Merge(shards);
    }

    /// <summary>Merges results already read (each with the file it came from, for the messages).</summary>
    public static MergeOutcome Merge(IReadOnlyList<(string File, ShardResults Results)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var problems = new List<string>();
        if (shards.Count == 0)
        {
            return new MergeOutcome(null, ["no results to merge"]);
        }

        var (firstFile, first) = shards[0];
        foreach (var (file, r) in shards)
        {
            if (!r.Complete)
            {
                problems.Add($"{file}: a checkpoint of shard {r.Shard}, not finished results: run the shard again to finish it");
            }
        }

        foreach (var (file, r) in shards.Skip(1))
        {
            if (r.ToolVersion != first.ToolVersion)
            {
                problems.Add($"{file}: made by mmudsl {r.ToolVersion}, {firstFile} by {first.ToolVersion}: shards of different versions may count differently");
            }

            var differences = r.Bounds.Differences(first.Bounds);
            if (differences.Count > 0)
            {
                problems.Add($"{file}: other bounds than {firstFile}: {string.Join(", ", differences)}");
            }

            if (!r.First.SameCodeAs(first.First) || !r.Second.SameCodeAs(first.Second))
            {
                problems.Add($"{file}: compares {r.First.Describe()} against {r.Second.Describe()}, {firstFile} {first.First.Describe()} against {first.Second.Describe()}");
            }

            if (r.Shard.Count != first.Shard.Count)
            {
                problems.Add($"{file}: shard {r.Shard} of a run cut in {r.Shard.Count}, {firstFile} shard {first.Shard} of one cut in {first.Shard.Count}");
            }
            else if (r.Shapes != first.Shapes || r.ShapesExplored != first.ShapesExplored)
            {
                problems.Add($"{file}: {r.ShapesExplored} shapes explored of {r.Shapes}, {firstFile} {first.ShapesExplored} of {first.Shapes}");
            }
        }

        if (problems.Count > 0)
        {
            return new MergeOutcome(null, problems);
        }

        foreach (var group in shards.GroupBy(s => s.Results.Shard.Index).Where(g => g.Count() > 1))
        {
            problems.Add($"shard {group.Key}/{first.Shard.Count} given more than once: {string.Join(", ", group.Select(g => g.File))}");
        }

        var present = shards.Select(s => s.Results.Shard.Index).ToHashSet();
        var missing = Enumerable.Range(0, first.Shard.Count).Where(i => !present.Contains(i)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{missing.Count} of {first.Shard.Count} shards missing: {Ranges(missing)} (run them with --shard I/{first.Shard.Count})"));
        }

        if (problems.Count > 0)
        {
            return new MergeOutcome(null, problems);
        }

        var ordered = shards.OrderBy(s => s.Results.Shard.Index).Select(s => s.Results.ToReport()).ToList();
        var merged = new ExploreReport(first.Bounds, first.First, first.Second, 0, null)
        {
            Shapes = first.Shapes,
            ShapesExplored = first.ShapesExplored,
            MergedShards = ordered.Count,
            ExactStates = true,
        };
        foreach (var report in ordered)
        {
            merged.Add(report);
            merged.ShapesInShard += report.ShapesInShard;
            merged.Threads += report.Threads;
            merged.Elapsed += report.Elapsed;
            if (report.Elapsed > merged.LongestShard)
            {
                merged.LongestShard = report.Elapsed;
            }
        }

        if (merged.ShapesInShard != merged.ShapesExplored)
        {
            return new MergeOutcome(null, [$"the shards explored {merged.ShapesInShard} shapes between them, not the {merged.ShapesExplored} of the exploration: they were not cut by the same plan"]);
        }

        return new MergeOutcome(merged, []);
    }

    // 3, 5-7, 9
    private static string Ranges(List<int> sorted)
    {
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
