using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flux.Bench;

/// <summary>
/// One live dashboard without a browser, speaking what blazor.web.js speaks: fetch the prerendered page with the sign-in
/// cookie, read its <c>&lt;!--Blazor:{…}--&gt;</c> markers, connect to <c>/_blazor</c> (blazorpack), StartCircuit, add the
/// markers' root components (UpdateRootComponents), acknowledge every render batch and answer JS interop calls with null.
/// </summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly TaskCompletionSource firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int renderBatches;

    private CircuitClient(HubConnection connection) => this.connection = connection;

    public int RenderBatches => Volatile.Read(ref renderBatches);

    public string? Error { get; private set; }

    public bool IsLive => Error is null && connection.State == HubConnectionState.Connected && RenderBatches > 0;

    public Task FirstRender => firstRender.Task;

    public static async Task<CircuitClient> OpenAsync(Uri baseAddress, CookieContainer cookies, string path)
    {
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync(path);
        var markers = Marker().Matches(page).Select(m => JsonNode.Parse(m.Groups[1].Value)!)
            .Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{path} has no interactive server component (signed in?).");
        var state = State().Match(page) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), HttpTransportType.WebSockets, o => o.Cookies = cookies)
            .ConfigureLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var connection = builder.Build();
        var client = new CircuitClient(connection);
        connection.On<long, byte[]>("JS.RenderBatch", client.OnRenderBatchAsync);
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", client.OnBeginInvokeJSAsync);
        // What the browser would do with these (place root components, note the batch) needs no answer.
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string>("JS.Error", error => client.Fail($"JS.Error: {error}"));
        connection.Closed += error =>
        {
            client.Fail($"closed: {error?.Message ?? "by the server"}");
            return Task.CompletedTask;
        };

        await connection.StartAsync();
        var url = new Uri(baseAddress, path).AbsoluteUri;
        var secret = await connection.InvokeAsync<string?>("StartCircuit", baseAddress.AbsoluteUri, url, "[]", "");
        if (secret is null)
            throw new InvalidOperationException("StartCircuit was refused.");
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            }).ToArray()),
        };
        await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state);
        return client;
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        Interlocked.Increment(ref renderBatches);
        await connection.SendAsync("OnRenderCompleted", batchId, null);
        firstRender.TrySetResult();
    }

    private Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType) =>
        connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new object?[] { asyncHandle, true, null }));

    private void Fail(string error)
    {
        Error ??= error;
        firstRender.TrySetException(new InvalidOperationException(error));
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();

}
