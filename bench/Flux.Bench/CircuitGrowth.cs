using System.Diagnostics.Tracing;
using System.Net;
using Flux.Dashboard.Tests.Support;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Flux.Bench;

/// <summary>
/// Server memory per live Blazor circuit of one page of an app started as its own process: after a few warm-up
/// circuits, growth of the app's resident memory (VmRSS) while <see cref="Circuits"/> more are held open at once, each
/// reading taken after a full GC forced in the app over the diagnostics port (EventPipe, GCHeapCollect). The GC heap that
/// GC leaves (its GCHeapStats event: generations incl. their free space) is kept beside it, to tell the circuits' own
/// retention from the memory the GC keeps around it.
/// </summary>
/// <param name="Live">Circuits live at the end, warm-up included.</param>
public sealed record CircuitGrowth(int WarmUp, int Circuits, AppMemory Before, AppMemory After, int Live, IReadOnlyList<string> Errors)
{
    private const int OpenAtOnce = 10;

    public double ResidentPerCircuitKb => (After.Resident - Before.Resident) / 1024.0 / Circuits;

    public double GcHeapPerCircuitKb => (After.GcHeap - Before.GcHeap) / 1024.0 / Circuits;

    public string Describe() =>
        $"VmRSS {Before.Resident / 1048576.0:N0} → {After.Resident / 1048576.0:N0} MB after forced GC; " +
        $"GC heap {Before.GcHeap / 1048576.0:N0} → {After.GcHeap / 1048576.0:N0} MB, {GcHeapPerCircuitKb:N0} KB per circuit";

    public string? DescribeErrors() => Errors.Count == 0 ? null : string.Join(" | ", Errors);

    public static async Task<CircuitGrowth> MeasureAsync(FluxProcess app, CookieContainer cookies, string page, int warmUp, int circuits, BenchSize size)
    {
        var open = new List<CircuitClient>();
        try
        {
            open.AddRange(await OpenAsync(app.BaseAddress, cookies, page, warmUp));
            var before = await SettledMemoryAsync(app, size);
            open.AddRange(await OpenAsync(app.BaseAddress, cookies, page, circuits));
            var after = await SettledMemoryAsync(app, size);
            var errors = open.Select(c => c.Error).OfType<string>().Distinct().Take(3).ToList();
            return new CircuitGrowth(warmUp, circuits, before, after, open.Count(c => c.IsLive), errors);
        }
        finally
        {
            await Task.WhenAll(open.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task<List<CircuitClient>> OpenAsync(Uri baseAddress, CookieContainer cookies, string page, int count)
    {
        var opened = new List<CircuitClient>();
        for (var i = 0; i < count; i += OpenAtOnce)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(OpenAtOnce, count - i))
                .Select(_ => CircuitClient.OpenAsync(baseAddress, cookies, page)));
            opened.AddRange(batch);
            await Task.WhenAll(batch.Select(c => c.FirstRender.WaitAsync(TimeSpan.FromSeconds(30))));
        }
        return opened;
    }

    /// <summary>
    /// Waits for the circuits' first renders to settle, forces a full GC in the app, then reads its VmRSS; the GC heap
    /// is the one the last GC of the session reported.
    /// </summary>
    private static async Task<AppMemory> SettledMemoryAsync(FluxProcess app, BenchSize size)
    {
        await Task.Delay(TimeSpan.FromSeconds(size.Pick(5, 1)));
        var gcHeap = await AppMemory.ForceFullGcAsync(app.Id);
        await Task.Delay(TimeSpan.FromSeconds(size.Pick(1, 0)));
        return new AppMemory(app.ResidentBytes(), gcHeap);
    }
}

/// <summary>An app process's resident memory (VmRSS) and the GC heap its last full GC left, in bytes.</summary>
public sealed record AppMemory(long Resident, long GcHeap)
{
    /// <summary>
    /// Forces a full, compacting GC in the .NET process <paramref name="pid"/> (EventPipe session with GCHeapCollect) and
    /// returns the heap size that GC reported (GCHeapStats: every generation incl. its free space).
    /// </summary>
    public static async Task<long> ForceFullGcAsync(int pid)
    {
        const long gc = 0x1, gcHeapCollect = 0x800000;
        var fullGcDone = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullGcRunning = false;
        var diagnostics = new DiagnosticsClient(pid);
        using var session = diagnostics.StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gc | gcHeapCollect), requestRundown: false);
        using var events = new EventPipeEventSource(session.EventStream);
        events.Clr.GCStart += start => fullGcRunning |= start.Depth == 2;
        events.Clr.GCHeapStats += stats =>
        {
            if (fullGcRunning)
                fullGcDone.TrySetResult(stats.TotalHeapSize);
        };
        var reading = Task.Run(events.Process);
        var gcHeap = await fullGcDone.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await session.StopAsync(CancellationToken.None);
        await reading;
        return gcHeap;
    }
}
