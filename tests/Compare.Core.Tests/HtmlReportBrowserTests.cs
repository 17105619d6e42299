using Compare.Tests.Shared;
using Microsoft.Playwright;

namespace Compare.Core.Tests;

/// <summary>Headless Chromium, started once for these tests (Debian's <c>chromium</c>, driven by Playwright).</summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(executable), $"{executable} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // No sandbox as root; no background connections, which this machine's closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The HTML report as a reviewer uses it, in a real browser.</summary>
public sealed class HtmlReportBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly Lazy<ComparisonResult> Seeds = new(() => Comparison.Compare(
    [
        Comparison.ReadFile(Repository.PathOf(Repository.SeedA)) with { Path = Repository.SeedA.Replace('\\', '/') },
        Comparison.ReadFile(Repository.PathOf(Repository.SeedB)) with { Path = Repository.SeedB.Replace('\\', '/') },
    ]));

    [Fact]
    public async Task Selecting_a_statement_highlights_its_counterparts_in_the_other_source_both_ways()
    {
        var (page, errors) = await Open(Seeds.Value);
        var split = Seeds.Value.Alignments.First(g => g.Statements.Count(s => s.Source == 1) == 2);
        var single = Seeds.Value.Alignments.First(g => g.Statements.Count == 2);

        await page.ClickAsync(Selector(split.Statements[0]));

        foreach (var statement in split.Statements)
        {
            Assert.True(await IsSelected(page, statement), $"{Selector(statement)} is not highlighted");
        }

        Assert.False(await IsSelected(page, single.Statements[0]));
        Assert.Contains(split.Topic[0], await page.InnerTextAsync("#panel"), StringComparison.Ordinal);

        // From the other side: B's statement selects A's, and the earlier selection is cleared.
        await page.ClickAsync(Selector(single.Statements[1]));

        Assert.True(await IsSelected(page, single.Statements[0]));
        Assert.False(await IsSelected(page, split.Statements[0]));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_link_beside_a_statement_selects_its_counterpart_and_scrolls_it_into_its_column()
    {
        var (page, errors) = await Open(Seeds.Value);
        // The last statement of A in document order that is aligned: far down its column.
        var group = Seeds.Value.Alignments.OrderByDescending(g => g.Statements[0].Index).First();
        var a = group.Statements[0];
        var b = group.Statements.First(s => s.Source == 1);

        await page.ClickAsync($"{Selector(b)} a.to");

        Assert.True(await IsSelected(page, a));
        var visible = await page.EvalOnSelectorAsync<bool>(Selector(a), """
            e => { const c = e.closest('.source').getBoundingClientRect(), r = e.getBoundingClientRect(); return r.top >= c.top && r.bottom <= c.bottom; }
            """);
        Assert.True(visible, "the counterpart was not scrolled into its column");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Selecting_a_statement_of_three_sources_highlights_its_counterparts_in_both_other_columns()
    {
        var three = Comparison.Compare([TestData.Read("three/ministry.txt"), TestData.Read("three/gazette.txt"), TestData.Read("three/wire.txt")]);
        var (page, errors) = await Open(three);
        var ferry = three.Alignments.Single(g => g.Statements[0].Text.Contains("ferry", StringComparison.Ordinal));

        await page.ClickAsync(Selector(ferry.Statements.Single(s => s.Source == 2)));

        Assert.Equal(3, await page.Locator("section.source").CountAsync());
        foreach (var statement in ferry.Statements)
        {
            Assert.True(await IsSelected(page, statement), $"{Selector(statement)} is not highlighted");
        }

        Assert.Contains("A → B", await page.InnerTextAsync("#panel"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Filtering_by_a_kind_dims_every_statement_and_group_without_it()
    {
        var (page, errors) = await Open(Seeds.Value);
        var hedged = Seeds.Value.Alignments.Single(g => g.Differences.Any(d => d.Kind == DifferenceKind.Hedge));
        var other = Seeds.Value.Alignments.First(g => g.Differences.All(d => d.Kind != DifferenceKind.Hedge));

        await page.ClickAsync("nav.legend button[data-kind=hedge]");

        Assert.False(await HasClass(page, Selector(hedged.Statements[0]), "dim"));
        Assert.True(await HasClass(page, Selector(other.Statements[0]), "dim"));
        Assert.True(await HasClass(page, Selector(Seeds.Value.Unmatched[0]), "dim"));
        Assert.Equal("true", await page.GetAttributeAsync("nav.legend button[data-kind=hedge]", "aria-pressed"));

        await page.ClickAsync("nav.legend button[data-kind='']");

        Assert.Equal(0, await page.Locator(".dim").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_hostile_document_neither_runs_a_script_nor_loads_anything()
    {
        var result = Comparison.Compare([TestData.Read("hostile/hostile-a.txt"), TestData.Read("hostile/hostile-b.txt")]);
        var requests = new List<string>();
        var dialogs = new List<string>();

        var (page, _) = await Open(result, page =>
        {
            page.Request += (_, request) => requests.Add(request.Url);
            page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        });
        await page.ClickAsync(".st.al");

        Assert.Empty(dialogs);
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
        Assert.Single(requests);
        Assert.Equal(0, await page.Locator("img, iframe, object, embed, form, details[open]").CountAsync());
        Assert.Equal(1, await page.Locator("script").CountAsync());
        // The page's own script still ran (it answers the click).
        Assert.True(await page.Locator(".st.sel").CountAsync() >= 2);
    }

    [Fact]
    public async Task Takes_screenshots_of_the_seed_reports_as_html_and_as_github_renders_the_markdown()
    {
        var (page, errors) = await Open(Seeds.Value, height: 1500);
        // B's first statement, at the top of its column: selecting it scrolls A's column to its counterpart.
        var first = Seeds.Value.Alignments.SelectMany(g => g.Statements).Where(s => s.Source == 1).MinBy(s => s.Index)!;
        await page.ClickAsync(Selector(first));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var html = await Screenshot(page, "html-report.png");

        var markdown = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1012, Height = 1400 } });
        await markdown.SetContentAsync(GitHubPage(CmarkGfm.Render(Report.ToMarkdown(Seeds.Value))));
        var rendered = await Screenshot(markdown, "markdown-report.png");

        Assert.True(new FileInfo(html).Length > 10_000 && new FileInfo(rendered).Length > 10_000);
        Assert.Empty(errors);
    }

    private static string Selector(Statement statement) => $"#{Report.Label(statement.Source).ToLowerInvariant()}{statement.Index}";

    private static Task<bool> IsSelected(IPage page, Statement statement) => HasClass(page, Selector(statement), "sel");

    private static Task<bool> HasClass(IPage page, string selector, string name) =>
        page.EvalOnSelectorAsync<bool>(selector, "(e, name) => e.classList.contains(name)", name);

    /// <summary>Writes the report to a file, opens it and collects what the page reports as errors (a blocked script or style among them).</summary>
    private async Task<(IPage Page, List<string> Errors)> Open(ComparisonResult result, Action<IPage>? watch = null, int height = 1000)
    {
        var path = Path.Combine(Path.GetTempPath(), $"compare-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, Report.ToHtml(result));
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        watch?.Invoke(page);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return (page, errors);
    }

    /// <summary>Saves a screenshot beside the test output; with UPDATE_SNAPSHOTS=1 also as the README's picture in docs/images.</summary>
    private static async Task<string> Screenshot(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.Copy(path, Repository.PathOf(Path.Combine("docs", "images", name)), overwrite: true);
        }

        return path;
    }

    /// <summary>cmark-gfm's HTML in a page styled like a GitHub comment, as the README's picture shows it.</summary>
    private static string GitHubPage(string body) => $$"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><style>
        body{margin:0;padding:16px 24px;font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328}
        h2{font-size:1.5em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em} h3{font-size:1.25em} h4{font-size:1em}
        table{border-collapse:collapse;display:block;overflow:auto} th,td{border:1px solid #d1d9e0;padding:6px 13px;vertical-align:top}
        tr:nth-child(2n){background:#f6f8fa} code{font:12px ui-monospace,monospace;background:#eff1f3;padding:.2em .4em;border-radius:6px}
        blockquote{margin:0;padding:0 1em;color:#59636e;border-left:.25em solid #d1d9e0}
        del{background:#ffebe9} ins{background:#dafbe1;text-decoration:none}
        </style></head><body>{{body}}</body></html>
        """;
}
