using System.Text.Json;
using Flux.Dashboard.Api;
using Flux.Dashboard.Tests.Chain.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flux.Dashboard.Tests.Api;

/// <summary>What every API request shares, checked without a server: the 500 shape, the docs URL setting.</summary>
public sealed class ApiRequestMiddlewareTests
{
    [Fact]
    public async Task An_unhandled_exception_is_a_logged_500_in_the_error_shape()
    {
        var logger = new ListLogger<ApiRequestMiddleware>();
        var middleware = new ApiRequestMiddleware(_ => throw new InvalidOperationException("database on fire"), NoRoutes, logger);
        var http = Request("/v1/orders");

        await middleware.InvokeAsync(http);

        var error = Error(http);
        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("api_error", error.GetProperty("code").GetString());
        Assert.DoesNotContain("fire", error.GetProperty("message").GetString());
        Assert.Equal("http://flux.test/docs/errors#api_error", error.GetProperty("docs_url").GetString());
        var requestId = error.GetProperty("request_id").GetString();
        Assert.Equal(requestId, http.Response.Headers["Request-Id"].ToString());
        var logged = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(requestId!, logged.Message);
    }

    [Fact]
    public async Task Docs_urls_point_at_the_configured_docs_site()
    {
        var middleware = new ApiRequestMiddleware(http => ApiError.InvalidRequest("Nope.", "amount").ExecuteAsync(http), NoRoutes, new ListLogger<ApiRequestMiddleware>());
        var http = Request("/v1/orders", new ApiOptions { DocsBaseUrl = "https://docs.flux.io/" });

        await middleware.InvokeAsync(http);

        var error = Error(http);
        Assert.Equal(400, http.Response.StatusCode);
        Assert.Equal("https://docs.flux.io/docs/errors#invalid_request", error.GetProperty("docs_url").GetString());
        Assert.Equal("amount", error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Requests_outside_the_api_are_left_alone()
    {
        var middleware = new ApiRequestMiddleware(_ => throw new InvalidOperationException("dashboard error"), NoRoutes, new ListLogger<ApiRequestMiddleware>());
        var http = Request("/orders");

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(http));
        Assert.False(http.Response.Headers.ContainsKey("Request-Id"));
    }

    private static readonly ApiRoutes NoRoutes = new(new Microsoft.AspNetCore.Routing.DefaultEndpointDataSource());

    private static DefaultHttpContext Request(string path, ApiOptions? options = null)
    {
        var services = new ServiceCollection();
        if (options is not null)
            services.AddSingleton(options);
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("flux.test");
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        return http;
    }

    private static JsonElement Error(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return JsonDocument.Parse(http.Response.Body).RootElement.GetProperty("error").Clone();
    }
}
