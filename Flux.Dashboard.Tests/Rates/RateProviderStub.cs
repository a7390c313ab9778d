using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flux.Dashboard.Tests.Rates;

/// <summary>The operator's rate provider: a second Kestrel on a free loopback port answering what the test sets.</summary>
public sealed class RateProviderStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private volatile Answer answer = new(StatusCodes.Status200OK, "{}");
    private readonly ConcurrentQueue<DateTimeOffset> requestTimes = new();

    private sealed record Answer(int Status, string Json);

    private RateProviderStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapGet("/price", () =>
        {
            requestTimes.Enqueue(DateTimeOffset.UtcNow);
            var now = answer;
            return Results.Text(now.Json, "application/json", statusCode: now.Status);
        });
    }

    public static async Task<RateProviderStub> StartAsync()
    {
        var stub = new RateProviderStub();
        await stub.app.StartAsync();
        return stub;
    }

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/price";

    public int Requests => requestTimes.Count;

    /// <summary>When each request arrived, in order.</summary>
    public IReadOnlyList<DateTimeOffset> RequestTimes => requestTimes.ToList();

    public void Answers(string json, int status = StatusCodes.Status200OK) => answer = new(status, json);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
