using System.Text.Json;
using Flux.Dashboard.Api;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Sdk;

/// <summary>
/// sdk/cases.json, which every SDK's integration tests run, stands for the whole secret-key API: each endpoint is a
/// call of the cases or named, with its reason, under not_in_sdks. A new endpoint fails here until the SDKs cover it.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class SharedCasesTests(FluxAppFactory app)
{
    [Fact]
    public void Shared_cases_cover_every_secret_key_endpoint_of_the_API_and_no_other()
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(SdkTestRun.SharedCasesFile));
        var covered = cases.RootElement.GetProperty("calls").EnumerateObject().Select(call => call.Value.GetString()!)
            .Concat(cases.RootElement.GetProperty("not_in_sdks").EnumerateObject().Select(skipped => skipped.Name))
            .ToList();

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ApiEndpointMetadata>() is not null && e.Metadata.GetMetadata<PublicApiEndpointMetadata>() is null)
            .Where(e => e.RoutePattern.RawText!.StartsWith("/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {e.RoutePattern.RawText}"))
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.True(endpoints.Order().SequenceEqual(covered.Order()),
            $"Endpoints no SDK case covers: {string.Join(", ", endpoints.Except(covered))}. " +
            $"Entries of sdk/cases.json that are no endpoint: {string.Join(", ", covered.Except(endpoints))}. " +
            "Add the endpoint to calls (with a case, and to each SDK) or to not_in_sdks with the reason.");
    }
}
