using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Flux.Dashboard.Features.Health;

/// <summary>
/// Serves <c>/metrics</c> on <see cref="MetricsOptions.Port"/> with a Kestrel of its own: the public port's addresses stay
/// as the operator set them (<c>ASPNETCORE_URLS</c>), its pipeline has no metrics branch to pass through, and nothing
/// there can reach the figures. Scrapes are not counted among the requests they report.
/// </summary>
internal sealed class MetricsServer(MeterProvider meterProvider, IOptions<MetricsOptions> options, ILogger<MetricsServer> logger)
    : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (address, port) = (IPAddress.Parse(options.Value.Address), options.Value.Port!.Value);
        var builder = WebApplication.CreateEmptyBuilder(new());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        server = builder.Build();
        server.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMetricsTagsFeature>() is { } tags)
                tags.MetricsDisabled = true;
            return next(context);
        });
        server.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: Path, configureBranchedPipeline: null, optionsName: null);
        await server.StartAsync(cancellationToken);
        logger.LogInformation("Metrics served on http://{Address}:{Port}{Path}", address, port, Path);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
            await server.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
