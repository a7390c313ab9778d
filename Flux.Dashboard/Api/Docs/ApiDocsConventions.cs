namespace Flux.Dashboard.Api.Docs;

/// <summary>A JSON example shown in the API reference.</summary>
public sealed record ApiExample(string Name, string Summary, string Json);

/// <summary>
/// The JSON body an endpoint reads with <see cref="ApiJson.ReadAsync{T}"/>. Not <c>Accepts&lt;T&gt;()</c>: that would make
/// routing refuse, with an empty 415, every request without <c>Content-Type: application/json</c>, even one without a
/// body, which the API takes; <see cref="ApiJson"/> refuses a body that is not JSON with a 415 in the error shape.
/// </summary>
public sealed record ApiRequestBodyMetadata(Type Type);

/// <summary>An example request body of an endpoint (an endpoint may have several).</summary>
public sealed record ApiRequestExampleMetadata(ApiExample Example);

/// <summary>The example response body of an endpoint for one status.</summary>
public sealed record ApiResponseExampleMetadata(int Status, string Json);

/// <summary>Error statuses an endpoint can answer with besides 401 (secret-key endpoints), 429 and 500, which all can.</summary>
public sealed record ApiErrorsMetadata(IReadOnlyList<int> Statuses);

/// <summary>
/// What an endpoint adds, beside <c>WithSummary</c> and its typed results, for the OpenAPI document: examples, the error
/// statuses it can answer with, the query parameters it takes. <see cref="FluxOperationTransformer"/> reads them; the
/// query parameters also decide what <see cref="ApiInputCheckMiddleware"/> lets through.
/// </summary>
public static class ApiDocsConventions
{
    public static RouteHandlerBuilder WithRequestBody<TBody>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ApiRequestBodyMetadata(typeof(TBody)));

    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string name, string summary, string json)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiRequestExampleMetadata(new ApiExample(name, summary, json)));

    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, int status, string json)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiResponseExampleMetadata(status, json));

    public static TBuilder ProducesApiErrors<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiErrorsMetadata(statuses));

    /// <summary>A list endpoint: <c>limit</c>, <c>starting_after</c>, <c>ending_before</c>, <c>created[gte]</c>, <c>created[lte]</c>.</summary>
    public static TBuilder WithListParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithQueryParameters(ListRequest.Parameters);

    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IEnumerable<ApiQueryParameter> parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. parameters]);
}
