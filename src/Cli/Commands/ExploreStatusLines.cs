using System.Diagnostics;
using System.Globalization;
using MmuDsl.Explore;

namespace MmuDsl.Cli.Commands;

/// <summary>
/// What <c>explore</c> tells standard error while it runs, so that a long run never looks hung:
/// a line as each phase starts (the link assignments to enumerate; then the shapes and shape
/// runs; then the estimate of the work from a pilot; shrinking), and a progress line every
/// <see cref="CliEnvironment.ProgressInterval"/> (on a terminal: one line rewritten in place, five
/// times a second). Standard output keeps only the report.
/// </summary>
internal sealed class ExploreStatusLines : IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly TextWriter _stderr;
    private readonly bool _terminal;
    private readonly ExploreOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private readonly TimeSpan _interval;
    private bool _stopped;
    private bool _liveLine;

    public ExploreStatusLines(TextWriter stderr, CliEnvironment env, ExploreOptions options)
    {
        _stderr = stderr;
        _terminal = env.OutputIsTerminal;
        _options = options;
        Progress = new ExploreProgress { PhaseStarted = Announce };
        _interval = env.ProgressInterval;
        var period = _terminal ? TimeSpan.FromMilliseconds(200) : _interval;
        if (period <= TimeSpan.Zero)
        {
            period = TimeSpan.FromMilliseconds(1);
        }

        _timer = new Timer(_ => Tick(), null, period, period);
    }

    /// <summary>The status the explorer keeps up to date.</summary>
    public ExploreProgress Progress { get; }

    /// <summary>Prints nothing more (before an error line, and at the end).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            ClearLiveLine();
            _stopped = true;
        }
    }

    public void Dispose()
    {
        Stop();
        _timer.Dispose();
    }

    private void Announce(ExploreProgress p)
    {
        string? line = p.Phase switch
        {
            ExplorePhase.Enumerating => string.Format(Inv, "explore: enumerating the canonical shapes within the bounds ({0:N0} link assignments to try)", p.LinkAssignments),
            ExplorePhase.Estimating => string.Format(
                Inv,
                "explore: {0}, {1:N0} shape runs (each shape under each batch capacity), every sequence of up to {2} operations on each; estimating the work from {3} of them",
                p.ShapesToExplore < p.Shapes ? string.Format(Inv, "{0:N0} of {1:N0} canonical shapes drawn", p.ShapesToExplore, p.Shapes) : string.Format(Inv, "{0:N0} canonical shapes", p.Shapes),
                p.Runs,
                _options.MaxOperations,
                Math.Min(12, p.ShapesToExplore)),
            ExplorePhase.Searching => p.PilotShapes > 0
                ? string.Format(Inv, "explore: estimate: about {0:N0} states, {1} on {2} thread{3} (from a pilot of {4} shapes); progress every {5}", p.EstimatedStates, Duration(p.EstimatedTime), _options.Parallelism, _options.Parallelism == 1 ? string.Empty : "s", p.PilotShapes, _terminal ? "moment" : Duration(_interval))
                : null,
            ExplorePhase.Shrinking => "explore: shrinking the findings to minimal repros",
            _ => null,
        };
        if (line == null)
        {
            return;
        }

        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            ClearLiveLine();
            _stderr.WriteLine(line);
            _stderr.Flush();
        }
    }

    private void Tick()
    {
        var p = Progress;
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        string? text = p.Phase switch
        {
            ExplorePhase.Enumerating => string.Format(Inv, "explore: enumerating: {0:N0} canonical shapes found, {1:0} s", p.ShapesFound, seconds),
            ExplorePhase.Estimating => string.Format(Inv, "explore: estimating the work, {0:0} s", seconds),
            ExplorePhase.Searching => string.Format(Inv, "explore: {0:N0}/{1:N0} shapes, {2:N0} states, {3:N0} states/s, {4:0} s", p.ShapesDone, p.ShapesToExplore, p.States, p.States / seconds, seconds),
            ExplorePhase.Shrinking => string.Format(Inv, "explore: shrinking, {0:0} s", seconds),
            _ => null,
        };
        if (text == null)
        {
            return;
        }

        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            if (_terminal)
            {
                _stderr.Write("\r  " + text.PadRight(98));
                _liveLine = true;
            }
            else
            {
                _stderr.WriteLine(text);
            }

            _stderr.Flush();
        }
    }

    private void ClearLiveLine()
    {
        if (_liveLine)
        {
            _stderr.Write("\r" + new string(' ', 100) + "\r");
            _liveLine = false;
        }
    }

    private static string Duration(TimeSpan t) =>
        t.TotalSeconds < 90 ? string.Format(Inv, "{0:0} s", Math.Max(1, t.TotalSeconds))
        : t.TotalMinutes < 90 ? string.Format(Inv, "{0:0} min", t.TotalMinutes)
        : string.Format(Inv, "{0:0.0} h", t.TotalHours);
}
