namespace MmuDsl.Cli;

/// <summary>ANSI colours, only when writing to a terminal and not asked to stay plain.</summary>
internal sealed class Paint
{
    public Paint(bool enabled)
    {
        Enabled = enabled;
    }

    public bool Enabled { get; }

    public string Red(string s) => Wrap(s, "31");

    public string Green(string s) => Wrap(s, "32");

    public string Yellow(string s) => Wrap(s, "33");

    public string Bold(string s) => Wrap(s, "1");

    public string Dim(string s) => Wrap(s, "2");

    /// <summary>Colours a unified diff: removed lines red, added green, hunk headers dim.</summary>
    public string Diff(string diff)
    {
        if (!Enabled)
        {
            return diff;
        }

        var lines = diff.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string l = lines[i];
            if (l.StartsWith("---", StringComparison.Ordinal) || l.StartsWith("+++", StringComparison.Ordinal))
            {
                lines[i] = Bold(l);
            }
            else if (l.StartsWith('-'))
            {
                lines[i] = Red(l);
            }
            else if (l.StartsWith('+'))
            {
                lines[i] = Green(l);
            }
            else if (l.StartsWith("@@", StringComparison.Ordinal))
            {
                lines[i] = Dim(l);
            }
        }

        return string.Join('\n', lines);
    }

    private string Wrap(string s, string code) => Enabled ? $"\u001b[{code}m{s}\u001b[0m" : s;
}
