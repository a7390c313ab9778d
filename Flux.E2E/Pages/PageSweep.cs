using System.Text.Json;
using Microsoft.Playwright;

namespace Flux.E2E.Pages;

/// <summary>
/// A page the sweep opens: its name in reports and screenshots, its path, what shows it is ready, what to do on it before
/// the checks, and the HTTP status it answers with.
/// </summary>
public sealed record SweptPage(string Name, string Path, string ReadySelector = "h1", Func<IPage, Task>? Prepare = null, int Status = 200);

/// <summary>
/// Checks one open page the way issue #26 asks every page to pass: nothing scrolls sideways, axe-core finds no critical
/// or serious violation; and keeps a full-page screenshot of it in Flux.E2E/test-results/pages/.
/// </summary>
public sealed class PageSweep(string resultsFolder, string axeScript)
{
    private readonly List<string> problems = [];

    public IReadOnlyList<string> Problems => problems;

    public async Task CheckAsync(IPage page, SweptPage swept, string variant)
    {
        var label = $"{swept.Name} [{variant}]";
        var response = await page.GotoAsync(swept.Path);
        if (response is not null && response.Status != swept.Status)
            problems.Add($"{label}: HTTP {response.Status}, not {swept.Status}");
        try
        {
            await page.Locator(swept.ReadySelector).First.WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            problems.Add($"{label}: never showed {swept.ReadySelector}");
        }
        if (swept.Prepare is not null)
            await swept.Prepare(page);

        var overflow = await page.EvaluateAsync<string?>(OverflowScript);
        if (overflow is not null)
            problems.Add($"{label}: scrolls sideways: {overflow}");

        // A control that has just changed (a toggle's fill fading in) would otherwise be read mid-transition, in colours
        // that are neither the old nor the new ones: a contrast no reader ever sees.
        await page.EvaluateAsync(SettledScript);
        foreach (var violation in await AxeViolationsAsync(page))
            problems.Add($"{label}: axe {violation}");

        var folder = Path.Combine(resultsFolder, "pages");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{variant}-{swept.Name}.png"), FullPage = true });
    }

    /// <summary>Waits until every CSS transition and finite animation on the page has run to its end.</summary>
    private const string SettledScript = """
        async () => {
            const finite = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
            await Promise.all(finite.map(a => a.finished.catch(() => null)));
        }
        """;

    /// <summary>Null when the page is no wider than the window, else its width and the widest elements that stick out.</summary>
    private const string OverflowScript = """
        () => {
            const width = window.innerWidth;
            if (document.documentElement.scrollWidth <= width) return null;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '') +
                (e.dataset && e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '');
            const out = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
                .slice(0, 6)
                .map(e => `${describe(e)} (right ${Math.round(e.getBoundingClientRect().right)}) "${(e.textContent || '').trim().slice(0, 40)}"`);
            return `${document.documentElement.scrollWidth} px wide in ${width} px: ${out.join('; ')}`;
        }
        """;

    private async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        if (!File.Exists(axeScript))
            throw new InvalidOperationException($"{axeScript} is missing: run npm ci in Flux.E2E/Axe (./test.sh does).");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.AddScriptTagAsync(new() { Path = axeScript });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => `${v.impact} ${v.id} (${v.help}): ` + v.nodes.slice(0, 4)
                        .map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\n').slice(1, 2).join(' ').trim())
                        .join(' | '));
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
