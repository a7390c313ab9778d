using System.Diagnostics.Tracing;
using System.Net;
using System.Text.RegularExpressions;
using Flux.Dashboard.Tests.Support;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Flux.Bench;

/// <summary>
/// P4: live dashboards (Blazor circuits of a signed-in merchant on the Overview page) held open at once against the app
/// started as its own process; server memory growth per circuit = growth of the app's resident memory (VmRSS), each
/// reading taken after a full GC forced in the app over the diagnostics port (EventPipe, GCHeapCollect). The GC heap that
/// GC leaves (its GCHeapStats event: generations incl. their free space) is printed beside it, to tell the circuits' own
/// retention from the memory the GC keeps around it.
/// </summary>
public static partial class CircuitBenchmark
{
    private const int WarmUp = 10;
    private const int Circuits = 500;
    private const int OpenAtOnce = 10;
    private const string Email = "demo@flux.local";
    private const string Password = "Bench-Demo!2026";
    private const string Page = "/";

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-bench", Guid.NewGuid().ToString("N"));
        var circuits = new List<CircuitClient>();
        FluxProcess? app = null;
        try
        {
            app = FluxProcess.Start(folder, "Development", new Dictionary<string, string>
            {
                ["Flux:Demo:Email"] = Email,
                ["Flux:Demo:Password"] = Password,
                ["Flux:Chain:StreamPayments"] = "false",
            });
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var cookies = await SignInAsync(app.BaseAddress);

            circuits.AddRange(await OpenAsync(app.BaseAddress, cookies, WarmUp));
            var before = await SettledMemoryAsync(app);
            circuits.AddRange(await OpenAsync(app.BaseAddress, cookies, Circuits));
            var after = await SettledMemoryAsync(app);

            var live = circuits.Count(c => c.IsLive);
            var errors = circuits.Select(c => c.Error).Where(e => e is not null).Distinct().Take(3).ToList();
            var perCircuitKb = (after.Resident - before.Resident) / 1024.0 / Circuits;
            var gcHeapPerCircuitKb = (after.GcHeap - before.GcHeap) / 1024.0 / Circuits;
            return
            [
                Figure.AtMost($"P4 memory per circuit ({Circuits} open at once)", perCircuitKb, "KB", 500,
                    $"VmRSS {before.Resident / 1048576.0:N0} → {after.Resident / 1048576.0:N0} MB after forced GC; " +
                    $"GC heap {before.GcHeap / 1048576.0:N0} → {after.GcHeap / 1048576.0:N0} MB, {gcHeapPerCircuitKb:N0} KB per circuit"),
                Figure.AtLeast("P4 circuits live at the end", live, "circuits", WarmUp + Circuits,
                    errors.Count == 0 ? null : string.Join(" | ", errors)),
            ];
        }
        finally
        {
            await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
            if (app is not null)
                await app.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the app may still be closing its files */ }
        }
    }

    private static async Task<List<CircuitClient>> OpenAsync(Uri baseAddress, CookieContainer cookies, int count)
    {
        var opened = new List<CircuitClient>();
        for (var i = 0; i < count; i += OpenAtOnce)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(OpenAtOnce, count - i))
                .Select(_ => CircuitClient.OpenAsync(baseAddress, cookies, Page)));
            opened.AddRange(batch);
            await Task.WhenAll(batch.Select(c => c.FirstRender.WaitAsync(TimeSpan.FromSeconds(30))));
        }
        return opened;
    }

    /// <summary>
    /// Waits for the circuits' first renders to settle, forces a full GC in the app, then reads its VmRSS; the GC heap
    /// is the one the last GC of the session reported.
    /// </summary>
    private static async Task<(long Resident, long GcHeap)> SettledMemoryAsync(FluxProcess app)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var diagnostics = new DiagnosticsClient(app.Id);
        const long gc = 0x1, gcHeapCollect = 0x800000;
        var gcHeap = 0L;
        using (var session = diagnostics.StartEventPipeSession(
                   new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gc | gcHeapCollect), requestRundown: false))
        {
            using var events = new EventPipeEventSource(session.EventStream);
            events.Clr.GCHeapStats += stats => gcHeap = stats.TotalHeapSize;
            var reading = Task.Run(events.Process);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        return (app.ResidentBytes(), gcHeap);
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
