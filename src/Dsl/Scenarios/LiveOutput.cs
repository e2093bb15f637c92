using MmuDsl.Dsl.Runtime;

namespace MmuDsl.Dsl.Scenarios;

/// <summary>
/// Writes a scenario's merged output while its last run prints it, so that a long run shows its
/// output as it goes instead of gathering it in one string. What it writes, put together, is
/// exactly <see cref="OutputMerger.Merge"/> of the runs: the earlier runs are complete when the last
/// one starts (their output is held, within max_output), and each chunk of the last run is merged
/// with theirs as it comes (tests/Dsl.Tests/Hardening/OutputLimitTests.cs checks the equality).
/// </summary>
internal sealed class LiveOutput
{
    private readonly TextWriter _writer;
    private readonly List<AlgorithmRun> _earlier = [];
    private string _live = string.Empty;
    private int _next;
    private bool _diverged;

    public LiveOutput(TextWriter writer)
    {
        _writer = writer;
    }

    /// <summary>The runs before the last one, complete, in order; then the last one's name.</summary>
    public void Start(IEnumerable<AlgorithmRun> earlier, string live)
    {
        _earlier.AddRange(earlier);
        _live = live;
    }

    /// <summary>The last run printed <paramref name="chunk"/>.</summary>
    public void Hear(OutputChunk chunk)
    {
        if (_diverged || _earlier.Count == 0)
        {
            _writer.Write(chunk.Text);
            return;
        }

        int n = _next;
        if (_earlier.All(r => n < r.Output.Count && ReferenceEquals(r.Output[n].Statement, chunk.Statement)))
        {
            if (_earlier.All(r => r.Output[n].Text == chunk.Text))
            {
                _writer.Write(chunk.Text);
            }
            else
            {
                foreach (var r in _earlier)
                {
                    _writer.Write('@' + r.Algorithm + '\n' + r.Output[n].Text);
                }

                _writer.Write('@' + _live + '\n' + chunk.Text);
            }

            _next++;
            return;
        }

        Diverge();
        _writer.Write(chunk.Text);
    }

    /// <summary>The last run ended.</summary>
    public void Finish()
    {
        if (!_diverged && _earlier.Any(r => _next < r.Output.Count))
        {
            Diverge();
        }

        _writer.Flush();
    }

    // The runs stop printing the same statements: the rest of each follows under its own header.
    private void Diverge()
    {
        _diverged = true;
        foreach (var r in _earlier)
        {
            _writer.Write('@' + r.Algorithm + " (from here on)\n");
            for (int i = _next; i < r.Output.Count; i++)
            {
                _writer.Write(r.Output[i].Text);
            }
        }

        _writer.Write('@' + _live + " (from here on)\n");
    }
}
