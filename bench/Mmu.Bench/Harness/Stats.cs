namespace MmuDsl.Mmu.Bench.Harness;

/// <summary>Small statistics over repeated measurements.</summary>
internal static class Stats
{
    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// Half the interquartile range relative to the median, as a percentage: the noise of the
    /// middle half of the runs (a robust "±"; one stray run does not move it).
    /// </summary>
    public static double HalfIqrPercent(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double median = Median(sorted);
        return median == 0 ? 0 : (Quantile(sorted, 0.75) - Quantile(sorted, 0.25)) / 2 / median * 100;
    }

    /// <summary>Linear-interpolated quantile <paramref name="q"/> (0..1) of sorted values.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double pos = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (pos - lo));
    }
}
