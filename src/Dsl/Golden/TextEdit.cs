namespace MmuDsl.Dsl.Golden;

/// <summary>One replacement in a file's text: the characters <c>[Start, End)</c> become <see cref="Text"/>.</summary>
public readonly record struct TextEdit(int Start, int End, string Text);
