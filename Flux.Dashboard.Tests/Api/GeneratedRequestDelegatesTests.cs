using System.Reflection;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Api;

/// <summary>
/// Every endpoint Flux maps with a handler (the API, health, the sandbox Horizon, exports, the account endpoints) runs a
/// request delegate the Request Delegate Generator wrote at build time, so a start does not build and compile one per
/// endpoint at run time (docs/performance.md, "What keeps start-up short"). A handler the generator cannot take falls back
/// to the run-time factory without a word; this names it.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class GeneratedRequestDelegatesTests(FluxAppFactory app)
{
    private const string GeneratedNamespace = "Microsoft.AspNetCore.Http.Generated";

    [Fact]
    public void Every_handler_endpoint_runs_a_request_delegate_generated_at_build_time()
    {
        var handlers = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is { } handler && handler.Module.Assembly == typeof(Program).Assembly)
            .ToList();

        var builtAtRunTime = handlers.Where(e => e.RequestDelegate?.Method.DeclaringType?.Namespace != GeneratedNamespace)
            .Select(e => e.DisplayName);

        Assert.True(handlers.Count > 50, $"only {handlers.Count} handler endpoints found");
        Assert.Empty(builtAtRunTime);
    }
}
