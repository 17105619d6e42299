using System.Text;

namespace Compare.Core;

/// <summary>How the Markdown report is written.</summary>
public sealed record MarkdownOptions
{
    /// <summary>The default options: the report's title is a level-2 heading.</summary>
    public static MarkdownOptions Default { get; } = new();

    /// <summary>The report's title, as plain text (it is escaped): "Source comparison", or what a report that holds several comparisons calls this one.</summary>
    public string Title { get; init; } = "Source comparison";

    /// <summary>The level of the report's title (1 to 4); its sections are one level below, its groups two (never below 6).</summary>
    public int HeadingLevel
    {
        get;
        init => field = value is >= 1 and <= 4 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a heading level from 1 to 4");
    } = 2;
}

/// <summary>
/// The Markdown report cut into the parts a reader can do without, each rendered once: one that must fit a
/// budget (a pull request comment) measures them and keeps what matters most, never editing rendered text.
/// Concatenated in order (<see cref="Head"/>, <see cref="Claims"/>, <see cref="GroupsIntro"/>, every group,
/// every only-in list whole, <see cref="Boilerplate"/>) they are the report.
/// </summary>
/// <param name="Head">The title, the sources table, the counts, the verdict, the key findings and the table of difference kinds.</param>
/// <param name="Claims">The claims × sources table (three or more sources), or empty.</param>
/// <param name="GroupsIntro">The heading and legend of the aligned groups, or empty when there are none.</param>
/// <param name="Groups">The aligned groups in the report's order (most important difference first).</param>
/// <param name="OnlyIn">Each source's statements only in it.</param>
/// <param name="Boilerplate">The boilerplate set aside, or empty.</param>
public sealed record MarkdownSections(
    string Head,
    string Claims,
    string GroupsIntro,
    IReadOnlyList<GroupSection> Groups,
    IReadOnlyList<OnlyInSection> OnlyIn,
    string Boilerplate);

/// <summary>One aligned group of the Markdown report.</summary>
/// <param name="Number">Its number in the report (1-based).</param>
/// <param name="Heading">Its heading, as document text (not yet escaped).</param>
/// <param name="Kinds">The kinds of its labelled differences, most important first.</param>
/// <param name="Changed">Whether its statements differ at all (a difference, a value written differently, or other words).</param>
/// <param name="Text">Its Markdown.</param>
public sealed record GroupSection(int Number, string Heading, IReadOnlyList<DifferenceKind> Kinds, bool Changed, string Text);

/// <summary>One source's statements only in it, as a list that can be shown in part.</summary>
/// <param name="Source">The source.</param>
/// <param name="Heading">The list's heading ("Only in A (18 statements, 15 resembling one in B)"), as Markdown.</param>
/// <param name="Items">One Markdown list item per statement.</param>
/// <param name="HeadingPrefix">The heading's "###" and space.</param>
public sealed record OnlyInSection(int Source, string Heading, IReadOnlyList<string> Items, string HeadingPrefix)
{
    /// <summary>The longest list shown open; a longer one is collapsed.</summary>
    public const int MaxOpen = 5;

    /// <summary>The list with its first <paramref name="keep"/> items, and a line that says how many more there are when it is cut, naming where they are.</summary>
    public string Render(int keep, string? whereRest = null) => AppendTo(new StringBuilder(), keep, whereRest).ToString();

    /// <summary>Appends what <see cref="Render"/> returns.</summary>
    internal StringBuilder AppendTo(StringBuilder md, int keep, string? whereRest = null)
    {
        keep = Math.Clamp(keep, 0, Items.Count);
        var collapsed = Items.Count > MaxOpen;
        if (collapsed)
        {
            md.Append("<details>\n<summary>").Append(Heading).Append("</summary>\n\n");
        }
        else
        {
            md.Append(HeadingPrefix).Append(Heading).Append("\n\n");
        }

        for (var i = 0; i < keep; i++)
        {
            md.Append(Items[i]);
        }

        if (keep < Items.Count)
        {
            md.Append($"- *{Items.Count - keep} more{(whereRest is null ? string.Empty : ": " + whereRest)}*\n");
        }

        return md.Append(collapsed ? "\n</details>\n\n" : "\n");
    }
}
