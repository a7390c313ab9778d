namespace Flux.Dashboard.Api;

public static class ApiLinks
{
    /// <summary>This server as the caller reached it (scheme, host and path base), for links in responses.</summary>
    public static string BaseUrl(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}".TrimEnd('/');
}
