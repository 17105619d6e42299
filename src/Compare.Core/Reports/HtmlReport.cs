using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using static Compare.Core.Reports.ReportFacts;

namespace Compare.Core.Reports;

/// <summary>
/// One self-contained HTML page: the summary, then the sources side by side, every statement in its
/// document's order, corresponding statements highlighted and linked both ways, the labelled words
/// marked by kind, a legend that filters by kind, and the aligned groups in detail. Nothing is loaded
/// from elsewhere, document text is always escaped, and the Content-Security-Policy allows only the
/// page's own style and script (by hash).
/// </summary>
internal static class HtmlReport
{
    public static string Render(ComparisonResult result)
    {
        var html = new StringBuilder();
        var title = "Source comparison: " + string.Join(" · ", result.Sources.Select(s => $"{Report.Label(s.Index)} {Path.GetFileName(s.Path)}"));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{StyleHash}'; script-src '{ScriptHash}'; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
        html.Append("<title>").Append(Escape(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

        Summary(html, result);
        var groupOf = GroupOf(result);

        html.Append("<main>\n");
        var nearMatches = NearMatchesOf(result);
        foreach (var source in result.Sources)
        {
            Column(html, result, source, groupOf, nearMatches);
        }

        html.Append("</main>\n");
        // Kept in view at the bottom of the window while the columns scroll.
        html.Append("<aside id=\"panel\" aria-live=\"polite\"><p class=\"hint\">Select a statement to highlight what corresponds to it in the other source and to see the group’s differences here.</p></aside>\n");
        Groups(html, result);
        html.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The same first screen as the Markdown report: coverage, counts, key findings, kinds, and the legend that filters.</summary>
    private static void Summary(StringBuilder html, ComparisonResult result)
    {
        html.Append("<header>\n<h1>Source comparison</h1>\n");
        html.Append("<table class=\"sources\"><thead><tr><th></th><th>Source</th><th>Title</th><th>Statements</th><th>Aligned</th><th>Words aligned</th><th>Only here</th></tr></thead><tbody>\n");
        foreach (var source in result.Sources)
        {
            html.Append($"<tr><th>{Report.Label(source.Index)}</th><td><code>{Escape(source.Path)}</code></td><td>{Escape(source.Title)}</td>");
            html.Append($"<td class=\"n\">{source.Statements}</td><td class=\"n\">{AlignedIn(result, source.Index)}</td><td class=\"n\">{Coverage(result, source.Index)}</td><td class=\"n\">{OnlyIn(result, source.Index)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        var counts = new List<string> { $"<strong>{Plural(result.Alignments.Count, "aligned group", "aligned groups")}</strong>" };
        counts.AddRange(result.Sources.Select(s => $"{Plural(OnlyIn(result, s.Index), "statement", "statements")} only in {Report.Label(s.Index)}"));
        counts.Add(Plural(result.Boilerplate.Count, "boilerplate line", "boilerplate lines") + " set aside");
        html.Append("<p>").Append(string.Join(" · ", counts)).Append("</p>\n");
        if (Verdict(result) is { } verdict)
        {
            html.Append("<p><strong>").Append(Escape(verdict)).Append("</strong></p>\n");
        }

        var kinds = KindSummary(result);
        if (result.Alignments.Count > 0)
        {
            html.Append("<ul class=\"findings\">\n");
            foreach (var (heading, finding) in KeyFindings(result, kinds))
            {
                html.Append($"<li><strong>{heading}:</strong> {Escape(finding)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (kinds.Count > 0)
        {
            html.Append("<details><summary>Differences by kind</summary>\n<table class=\"kinds\"><thead><tr><th>Difference</th>");
            html.AppendJoin(string.Empty, result.Sources.Select(s => $"<th>Labels citing {Report.Label(s.Index)}</th>")).Append("<th>Groups</th><th>Finding</th></tr></thead><tbody>\n");
            foreach (var (kind, bySource, groups, finding) in kinds)
            {
                html.Append($"<tr><td><span class=\"sw {KindClass(kind)}\"></span>{DifferenceKinds.Name(kind)}</td>");
                html.AppendJoin(string.Empty, bySource.Select(n => $"<td class=\"n\">{n}</td>")).Append($"<td class=\"n\">{groups}</td><td>{Escape(finding)}</td></tr>\n");
            }

            html.Append("</tbody></table>\n</details>\n");
        }

        // The legend: a swatch per labelled kind found, each a filter (the groups that have it stay bright).
        html.Append("<nav class=\"legend\" aria-label=\"Filter by kind\"><span>Show:</span><button type=\"button\" data-kind=\"\" aria-pressed=\"true\">all groups</button>");
        foreach (var kind in Enum.GetValues<DifferenceKind>().OrderBy(DifferenceKinds.Importance))
        {
            var groups = result.Alignments.Count(g => g.Differences.Any(d => d.Kind == kind));
            if (groups > 0)
            {
                html.Append($"<button type=\"button\" data-kind=\"{DifferenceKinds.Name(kind)}\" aria-pressed=\"false\"><span class=\"sw {KindClass(kind)}\"></span>{DifferenceKinds.Name(kind)} ({groups} {(groups == 1 ? "group" : "groups")})</button>");
            }
        }

        html.Append("<span class=\"key\"><span class=\"chg\">words only in this source</span></span></nav>\n</header>\n");
    }

    /// <summary>A source's statements in document order: aligned ones selectable and linked to their counterparts, the rest muted (linked to the closest statement of another source when one resembles them).</summary>
    private static void Column(
        StringBuilder html, ComparisonResult result, SourceSummary source, Dictionary<(int Source, int Index), int> groupOf, Dictionary<(int Source, int Index), List<NearMatch>> nearMatches)
    {
        var statements = result.Alignments.SelectMany(g => g.Statements).Concat(result.Unmatched)
            .Where(s => s.Source == source.Index)
            .OrderBy(s => s.Index)
            .ToList();
        html.Append($"<section class=\"source\" aria-label=\"Source {Report.Label(source.Index)}\">\n<h2><span class=\"label\">{Report.Label(source.Index)}</span> {Escape(source.Title)} <code>{Escape(Path.GetFileName(source.Path))}</code></h2>\n");
        foreach (var statement in statements)
        {
            var location = $"{statement.Line}:{statement.Column}";
            if (!groupOf.TryGetValue((statement.Source, statement.Index), out var g))
            {
                html.Append($"<p class=\"st only\" id=\"{Id(statement)}\" data-kinds=\"\" title=\"line {location}: only in {Report.Label(statement.Source)}\">");
                html.Append(Escape(statement.Text));
                foreach (var match in nearMatches.GetValueOrDefault((statement.Source, statement.Index)) ?? [])
                {
                    var closest = match.Closest;
                    html.Append($" <a class=\"to\" href=\"#{Id(closest)}\" title=\"a likely counterpart in {Report.Label(closest.Source)} ({Score(match.Confidence)}), similarity {Score(match.Score)}: not aligned\">≈ {Report.Label(closest.Source)} {closest.Line}:{closest.Column}</a>");
                }

                html.Append("</p>\n");
                continue;
            }

            var group = result.Alignments[g];
            var top = group.Differences.Where(d => DifferenceKinds.Importance(d.Kind) < 4).OrderBy(d => DifferenceKinds.Importance(d.Kind)).Select(d => d.Kind).FirstOrDefault(DifferenceKind.Wording);
            html.Append($"<p class=\"st al {KindClass(top)}\" id=\"{Id(statement)}\" data-group=\"{g + 1}\" data-kinds=\"{KindNames(group)}\" tabindex=\"0\" title=\"line {location}\">");
            html.Append($"<a class=\"gn\" href=\"#g{g + 1}\" title=\"group {g + 1}\">{g + 1}</a> ");
            Marked(html, statement, group);
            foreach (var other in group.Statements.Where(s => s.Source != statement.Source))
            {
                html.Append($" <a class=\"to\" href=\"#{Id(other)}\">→ {Report.Label(other.Source)} {other.Line}:{other.Column}</a>");
            }

            html.Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>The aligned groups in report order: statements, labelled differences and the word diff.</summary>
    private static void Groups(StringBuilder html, ComparisonResult result)
    {
        if (result.Alignments.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"groups\">\n<h2>Aligned groups</h2>\n");
        for (var g = 0; g < result.Alignments.Count; g++)
        {
            var group = result.Alignments[g];
            html.Append($"<article class=\"group\" id=\"g{g + 1}\" data-group=\"{g + 1}\" data-kinds=\"{KindNames(group)}\">\n<h3>{g + 1}. {Escape(group.Heading)}</h3>\n<p class=\"refs\">");
            html.AppendJoin(" · ", group.Statements.Select(s => $"<a href=\"#{Id(s)}\">{Report.Label(s.Source)} {s.Line}:{s.Column}</a>"));
            html.Append($" · similarity {Score(group.Score)}</p>\n");
            if (ReportFacts.IsPair(result))
            {
                Comparison(html, null, group.Differences, group.SameValues, group.Diff);
            }
            else
            {
                foreach (var values in ConflictingValues(group))
                {
                    html.Append($"<p><strong>Conflicting values:</strong> {Escape(values)}</p>\n");
                }

                foreach (var comparison in group.Comparisons)
                {
                    Comparison(html, $"{Report.Label(comparison.Source)} → {Report.Label(comparison.OtherSource)}", comparison.Differences, comparison.SameValues, comparison.Diff);
                }
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>Labelled differences and the word diff of two sources (named by <paramref name="pair"/> when the group has more).</summary>
    private static void Comparison(StringBuilder html, string? pair, IReadOnlyList<Difference> differences, IReadOnlyList<SameValue> sameValues, IReadOnlyList<DiffSegment> diff)
    {
        if (pair is not null)
        {
            html.Append($"<h4>{pair}</h4>\n");
        }

        if (differences.Count + sameValues.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var difference in differences)
            {
                html.Append($"<li><span class=\"badge {KindClass(difference.Kind)}\">{DifferenceKinds.Name(difference.Kind)}</span> {Escape(difference.Detail)}</li>\n");
            }

            foreach (var value in sameValues)
            {
                html.Append($"<li><span class=\"badge same\">{DifferenceKinds.Name(value.Kind)}</span> {Escape(value.Detail)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<p class=\"diff\">");
        foreach (var (operation, words, space) in DiffPieces(diff))
        {
            var tag = operation switch { DiffOperation.Deleted => "del", DiffOperation.Inserted => "ins", _ => null };
            html.Append(tag is null ? Escape(words) : $"<{tag}>{Escape(words)}</{tag}>").Append(space);
        }

        html.Append("</p>\n");
    }

    /// <summary>
    /// A statement's text with the words only its side has in <c>span.chg</c> and the words a labelled
    /// difference names in <c>mark</c> of that kind (the most important kind where two overlap).
    /// </summary>
    private static void Marked(StringBuilder html, Statement statement, AlignedGroup group)
    {
        var text = statement.Text;
        var changed = new bool[text.Length];
        foreach (var span in group.Changes.Where(c => c.Source == statement.Source && c.Index == statement.Index))
        {
            Array.Fill(changed, true, span.Start, Math.Min(span.Length, text.Length - span.Start));
        }

        // The words each label tells of, by the spans the comparison found them at.
        var kinds = new DifferenceKind?[text.Length];
        foreach (var difference in group.Differences.Where(d => DifferenceKinds.Importance(d.Kind) < 4).OrderByDescending(d => DifferenceKinds.Importance(d.Kind)))
        {
            foreach (var span in difference.Spans.Where(s => s.Source == statement.Source && s.Index == statement.Index && s.Start >= 0 && s.Start < text.Length))
            {
                Array.Fill(kinds, difference.Kind, span.Start, Math.Min(span.Length, text.Length - span.Start));
            }
        }

        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && changed[i] == changed[start] && kinds[i] == kinds[start])
            {
                continue;
            }

            var run = Escape(text[start..i]);
            run = changed[start] ? $"<span class=\"chg\">{run}</span>" : run;
            html.Append(kinds[start] is { } kind ? $"<mark class=\"{KindClass(kind)}\" title=\"{DifferenceKinds.Name(kind)}\">{run}</mark>" : run);
            start = i;
        }
    }

    private static string Id(Statement statement) => Report.Label(statement.Source).ToLowerInvariant() + statement.Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The class that colours a kind: number, date and time share the conflict colour.</summary>
    private static string KindClass(DifferenceKind kind) =>
        DifferenceKinds.IsConflict(kind) ? "k-conflict" : DifferenceKinds.Importance(kind) == 4 ? "k-wording" : "k-" + DifferenceKinds.Name(kind);

    private static string KindNames(AlignedGroup group) =>
        string.Join(' ', group.Differences.Select(d => DifferenceKinds.Name(d.Kind)).Distinct().Order(StringComparer.Ordinal));

    /// <summary>Text for an element or a quoted attribute: the five characters HTML gives meaning are written as references.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0 && !Reading.ControlCharacters.Any(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => Reading.ControlCharacters.Show(c).ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static readonly string StyleHash = Hash(Style);

    private static readonly string ScriptHash = Hash(Script);

    private const string Style = """
        :root{--conflict:#cf222e;--attribution:#8250df;--hedge:#bc4c00;--modality:#0969da;--quotation:#1a7f37;--naming:#9a6700;--wording:#8c959f;--line:#d0d7de;--muted:#656d76}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;background:#fff}
        header,.groups{max-width:1400px;margin:0 auto;padding:12px 24px}
        h1{font-size:22px;margin:0 0 8px}
        table{border-collapse:collapse;margin:8px 0}
        th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
        td.n{text-align:right}
        code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
        .findings{margin:8px 0;padding-left:20px}
        .k-conflict{--k:var(--conflict)}.k-attribution{--k:var(--attribution)}.k-hedge{--k:var(--hedge)}.k-modality{--k:var(--modality)}.k-quotation{--k:var(--quotation)}.k-naming{--k:var(--naming)}.k-wording{--k:var(--wording)}
        .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;background:var(--k)}
        .legend{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:10px 0 0}
        .legend button{font:inherit;font-size:13px;border:1px solid var(--line);border-radius:14px;background:#f6f8fa;padding:2px 10px;cursor:pointer}
        .legend button[aria-pressed=true]{background:#1f2328;color:#fff;border-color:#1f2328}
        .key{margin-left:12px;font-size:13px}
        #panel{position:sticky;bottom:8px;z-index:2;box-shadow:0 -2px 10px rgba(31,35,40,.12);margin:0 max(24px,calc((100% - 1352px)/2));padding:8px 16px;background:#f6f8fa;border:1px solid var(--line);border-radius:6px;max-height:32vh;overflow:auto}
        #panel .hint{margin:0;color:var(--muted)}
        #panel h3{margin:0 0 4px;font-size:15px}
        main{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px;max-width:1400px;margin:12px auto;padding:0 24px}
        .source{border:1px solid var(--line);border-radius:6px;max-height:72vh;overflow:auto;padding:0 12px 12px}
        .source::after{content:"";display:block;height:40vh}
        .source h2{position:sticky;top:0;z-index:1;background:#fff;margin:0 0 4px;padding:8px 0;font-size:15px;border-bottom:1px solid var(--line)}
        .label{display:inline-block;background:#1f2328;color:#fff;border-radius:4px;padding:0 6px;margin-right:4px}
        .st{margin:6px 0;padding:4px 8px;border-left:4px solid transparent;border-radius:3px}
        .st.only{color:var(--muted)}
        .st.al{cursor:pointer;border-left-color:var(--k)}
        .st.al:hover{background:#f6f8fa}
        .st.al.sel{background:#fff8c5;outline:2px solid #d4a72c}
        .dim{opacity:.3}
        .gn{display:inline-block;min-width:1.6em;text-align:center;font-size:12px;border-radius:8px;background:#eaeef2;color:#1f2328;text-decoration:none;margin-right:2px}
        .to{font-size:12px;color:var(--modality);text-decoration:none;white-space:nowrap}
        .chg{background:#ddf4ff;border-radius:2px}
        mark{background:none;color:inherit;border-bottom:3px solid var(--k)}
        .badge{display:inline-block;font-size:12px;border-radius:8px;padding:0 7px;color:#fff;background:var(--k)}
        .badge.same{background:#6e7781}
        .group{border-top:1px solid var(--line);padding:8px 0}
        .group.sel{background:#fff8c5}
        .group h3{margin:0;font-size:15px}
        .group h4{margin:6px 0 0;font-size:13px}
        .refs{margin:2px 0;font-size:13px;color:var(--muted)}
        .group ul{margin:4px 0;padding-left:20px}
        del{background:#ffebe9;color:#82071e}
        ins{background:#dafbe1;color:#116329;text-decoration:none}
        """;

    private const string Script = """
        (function () {
          var selected = [];
          var panel = document.getElementById('panel');
          // Scrolls a statement's own column (not the page) to line it up with the statement selected
          // in the other column, or to just below its column's heading.
          function reveal(e, from) {
            var column = e.closest('.source'), c = column.getBoundingClientRect();
            var top = c.top + column.querySelector('h2').getBoundingClientRect().height + 8;
            if (from) { top = Math.max(top, from.getBoundingClientRect().top); }
            column.scrollTop += e.getBoundingClientRect().top - top;
          }
          function select(group, from) {
            selected.forEach(function (e) { e.classList.remove('sel'); });
            selected = Array.prototype.slice.call(document.querySelectorAll('[data-group="' + group + '"]'));
            selected.forEach(function (e) { e.classList.add('sel'); });
            var column = from && from.closest('.source'), revealed = [];
            selected.forEach(function (e) {
              var other = e.closest('.source');
              if (e.classList.contains('st') && other !== column && revealed.indexOf(other) < 0) { revealed.push(other); reveal(e, from); }
            });
            var article = document.getElementById('g' + group);
            if (article) {
              var copy = article.cloneNode(true);
              copy.removeAttribute('id');
              copy.classList.remove('sel');
              panel.replaceChildren(copy);
            }
          }
          document.querySelectorAll('.st.al').forEach(function (e) {
            e.addEventListener('click', function (event) {
              if (!event.target.closest('a')) { select(e.dataset.group, e); }
            });
            e.addEventListener('keydown', function (event) {
              if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(e.dataset.group, e); }
            });
          });
          document.querySelectorAll('a.to').forEach(function (a) {
            a.addEventListener('click', function (event) {
              event.preventDefault();
              var target = document.getElementById(a.getAttribute('href').slice(1));
              if (target) { select(target.dataset.group, a.closest('.st')); target.focus({ preventScroll: true }); }
            });
          });
          var buttons = document.querySelectorAll('.legend button');
          buttons.forEach(function (b) {
            b.addEventListener('click', function () {
              var kind = b.dataset.kind;
              buttons.forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
              document.querySelectorAll('[data-kinds]').forEach(function (e) {
                e.classList.toggle('dim', kind !== '' && e.dataset.kinds.split(' ').indexOf(kind) < 0);
              });
            });
          });
        })();
        """;
}
