using System.CommandLine;

namespace MmuDsl.Cli.Formats;

/// <summary>What a format prints to and with: the parsed command line, the two streams, the colours.</summary>
internal sealed record FormatContext(ParseResult Parse, TextWriter Stdout, TextWriter Stderr, Paint Paint);
