using System.Reflection;
using System.Text.RegularExpressions;
using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;

namespace Flux.E2E.Pages;

/// <summary>
/// The sweep of <see cref="EveryPageTests"/> covers every page Flux routes to: a new page, or one dropped from the sweep's
/// lists by mistake, fails here until it is swept or named in <see cref="EveryPageTests.NotSwept"/> with the reason.
/// </summary>
public sealed class SweptRoutesTests
{
    /// <summary>Ids of the right shape; only the paths' shapes matter here, no page is opened.</summary>
    private static readonly EveryPageTests.SampleShop Sample = new("sweep@shop.test", "merchant",
        new SampleDataIds("wal_1", "ord_1", "ord_2", "btn_1", "we_1", "rv_1", "plink_1", "ord_3", "plink_2", "rf_1", "cp_1"), "rcpt_1");

    private static readonly IReadOnlyList<string> SweptPaths = EveryPageTests.PublicPages(Sample).Concat(EveryPageTests.DashboardPages(Sample))
        .Select(p => p.Path.Split('?')[0]).ToList();

    /// <summary>Every <c>@page</c> route of Flux.Dashboard, read from the compiled components.</summary>
    private static readonly IReadOnlyList<string> Routes = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template).Distinct().ToList();

    [Fact]
    public void Every_routed_page_is_swept_or_left_out_with_a_reason()
    {
        Assert.NotEmpty(Routes);
        var missing = Routes.Where(route => !EveryPageTests.NotSwept.ContainsKey(route) && !SweptPaths.Any(path => Matches(route, path))).ToList();

        Assert.True(missing.Count == 0, $"Pages the sweep does not open: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_pages_left_out_are_routed_pages_the_sweep_really_leaves_out()
    {
        var stale = EveryPageTests.NotSwept.Keys.Where(route => !Routes.Contains(route)).ToList();
        var swept = EveryPageTests.NotSwept.Keys.Where(route => SweptPaths.Any(path => Matches(route, path))).ToList();

        Assert.True(stale.Count == 0, $"Left out but no such page: {string.Join(", ", stale)}");
        Assert.True(swept.Count == 0, $"Left out but swept: {string.Join(", ", swept)}");
    }

    /// <summary>Whether a route template (<c>/pay/{LinkId}</c>) matches a path (<c>/pay/plink_1</c>).</summary>
    private static bool Matches(string route, string path)
    {
        var pattern = "^" + Regex.Replace(Regex.Escape(route), @"\\\{[^}]+}", "[^/]+") + "$";
        return Regex.IsMatch(path, pattern, RegexOptions.IgnoreCase);
    }
}
