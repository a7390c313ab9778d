using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;

namespace Flux.Bench;

/// <summary>
/// P4: live dashboards (Blazor circuits of a signed-in merchant on the Overview page) held open at once against the app
/// started as its own process, and P4′: the same count of circuits of the framework's floor, the empty page of
/// <c>dotnet new blazor --interactivity Server --all-interactive --empty</c>, in the same run and the same way
/// (<see cref="CircuitGrowth"/>). Both apps run in Development: Flux's demo merchant exists only there.
/// </summary>
public static partial class CircuitBenchmark
{
    private const string Email = "demo@flux.local";
    private const string Password = "Bench-Demo!2026";
    private const string Environment = "Development";

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchSize size)
    {
        var warmUp = size.Pick(10, 2);
        var circuits = size.Pick(500, 10);
        var flux = await MeasureFluxAsync(warmUp, circuits, size);
        var empty = await MeasureEmptyPageAsync(warmUp, circuits, size);
        return
        [
            Figure.AtMost($"P4 memory per circuit ({circuits} open at once)", flux.ResidentPerCircuitKb, "KB", 500, flux.Describe()),
            Figure.AtLeast("P4 circuits live at the end", flux.Live, "circuits", warmUp + circuits, flux.DescribeErrors()),
            Figure.Info("P4′ empty Blazor page: memory per circuit", empty.ResidentPerCircuitKb, "KB", empty.Describe()),
            Figure.AtLeast("P4′ empty Blazor page: circuits live at the end", empty.Live, "circuits", warmUp + circuits, empty.DescribeErrors()),
            Figure.AtMost("P4′ Flux ÷ empty page, memory per circuit", flux.ResidentPerCircuitKb / empty.ResidentPerCircuitKb, "×", 2,
                $"GC heap per circuit: {flux.GcHeapPerCircuitKb:N0} against {empty.GcHeapPerCircuitKb:N0} KB"),
        ];
    }

    private static async Task<CircuitGrowth> MeasureFluxAsync(int warmUp, int circuits, BenchSize size)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = FluxProcess.Start(folder, Environment, new Dictionary<string, string>
            {
                ["Flux:Demo:Email"] = Email,
                ["Flux:Demo:Password"] = Password,
                ["Flux:Chain:StreamPayments"] = "false",
            });
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            return await CircuitGrowth.MeasureAsync(app, await SignInAsync(app.BaseAddress), "/", warmUp, circuits, size);
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static async Task<CircuitGrowth> MeasureEmptyPageAsync(int warmUp, int circuits, BenchSize size)
    {
        var template = await PublishedApp.EmptyBlazor;
        var folder = Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = FluxProcess.Start(folder, Environment, app: template.Dll);
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(60), "/");
            return await CircuitGrowth.MeasureAsync(app, new CookieContainer(), "/", warmUp, circuits, size);
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (DirectoryNotFoundException) { /* the app never made it */ }
        catch (IOException) { /* the app may still be closing its files */ }
    }

    private static async Task<CookieContainer> SignInAsync(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        // The demo merchant is created by a hosted service right after start: try for a while.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var page = await http.GetStringAsync("/Account/Login");
            var form = HiddenInput().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            form["_handler"] = "login";
            form["Input.Email"] = Email;
            form["Input.Password"] = Password;
            using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(form));
            if (response.StatusCode == HttpStatusCode.Redirect && cookies.GetCookies(baseAddress).Any(c => c.Name.Contains("Identity", StringComparison.Ordinal)))
                return cookies;
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"Could not sign in as {Email}.");
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
