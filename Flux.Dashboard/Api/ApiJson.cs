using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace Flux.Dashboard.Api;

/// <summary>The outcome of reading a request body: the value, or the 400 to answer with.</summary>
public readonly record struct ApiBody<T>(T? Value, ApiError? Error) where T : class;

/// <summary>
/// The API's JSON: snake_case names, amounts as exact numbers, times as ISO-8601 UTC. Request bodies are read here rather
/// than by parameter binding, so every client mistake becomes an error in the API's shape — naming the field where it
/// can — and never a 500 or an empty 400: a body that is not JSON in UTF-8 is a 415, and a field the body's record does
/// not have (or one given twice) is a 400 naming it, as Stripe refuses unknown parameters.
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>For request bodies: <see cref="Options"/>, refusing fields the record does not have and fields given twice.</summary>
    private static readonly JsonSerializerOptions BodyOptions = new(Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Applies the API's conventions (also to the options minimal APIs write results with).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        options.Converters.Add(new ExactDecimalConverter());
        // Statuses and kinds are enums in the resources, so the OpenAPI document lists every value; they read as snake_case.
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        return options;
    }

    /// <summary>
    /// Reads a JSON object body of at most 1 MB; an empty body reads as <c>{}</c> whatever its <c>Content-Type</c> (a POST
    /// without a body, or a GET saying <c>Content-Type: application/json</c> as the product docs' samples do, is fine).
    /// </summary>
    public static async Task<ApiBody<T>> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken) where T : class
    {
        if (http.Request.ContentLength > MaxBodyBytes)
            return new(null, TooLarge());
        var read = await ReadLimitedAsync(http.Request.Body, cancellationToken);
        if (read is not { } bytes)
            return new(null, TooLarge());
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
            bytes = "{}"u8.ToArray();
        else if (NotJson(http.Request.ContentType) is { } unsupported)
            return new(null, unsupported);
        return Deserialize<T>(bytes) is { } value ? new(value, null) : new(null, Explain<T>(bytes));
    }

    /// <summary>Why a body with this <c>Content-Type</c> is not read as JSON; null when it is <c>application/json</c> in UTF-8.</summary>
    private static ApiError? NotJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return ApiError.UnsupportedMediaType("Send the body as JSON, with Content-Type: application/json.");
        var charset = media.Charset.Value?.Trim('"');
        if (!string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return ApiError.UnsupportedMediaType($"Flux reads JSON in UTF-8: send Content-Type: application/json without a charset, or with charset=utf-8 (not {charset}).");
        return null;
    }

    /// <summary>A well-formed body in one pass; null for anything else, which <see cref="Explain{T}"/> then describes.</summary>
    private static T? Deserialize<T>(ReadOnlyMemory<byte> bytes) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes.Span, BodyOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why a body did not read as <typeparamref name="T"/>: not JSON (where), not an object, a field it does not take or
    /// gives twice, or a field of the wrong type.
    /// </summary>
    private static ApiError Explain<T>(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            return ApiError.InvalidRequest($"The request body is not valid JSON{where}.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return ApiError.InvalidRequest("The request body must be a JSON object.");
            if (UnknownField(document.RootElement, Options.GetTypeInfo(typeof(T)), "") is { } unknown)
                return unknown;
            try
            {
                document.RootElement.Deserialize<T>(Options);
                return ApiError.InvalidRequest("The request body does not have the expected shape.");
            }
            catch (JsonException ex)
            {
                return WrongType<T>(ex);
            }
        }
    }

    /// <summary>
    /// The first field, at any depth, that the type has no property for or that its object gives twice; its
    /// <c>param</c> is its path (<c>merchant_walet</c>, <c>style.colour</c>).
    /// </summary>
    private static ApiError? UnknownField(JsonElement value, JsonTypeInfo type, string path)
    {
        if (type.Kind == JsonTypeInfoKind.Enumerable && type.ElementType is { } elementType && value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (UnknownField(item, Options.GetTypeInfo(elementType), $"{path.TrimEnd('.')}[{index++}].") is { } inItem)
                    return inItem;
            }
            return null;
        }
        if (type.Kind != JsonTypeInfoKind.Object || value.ValueKind != JsonValueKind.Object)
            return null;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject())
        {
            if (NameOf(field) is not { } name)
            {
                var parent = path.Length == 0 ? null : path.TrimEnd('.');
                return ApiError.InvalidRequest($"A field name {(parent is null ? "in the request body" : $"in {parent}")} is not valid Unicode (UTF-8).", parent);
            }
            var param = path + name;
            if (!seen.Add(name))
                return ApiError.InvalidRequest($"{param} is given twice: give it once.", param);
            if (type.Properties.FirstOrDefault(p => p.Name == name) is not { } property)
            {
                var takes = type.Properties.Count == 0 ? "This endpoint takes no body fields." : $"It takes {string.Join(", ", type.Properties.Select(p => path + p.Name))}.";
                return ApiError.InvalidRequest($"Received unknown parameter: {param}. {takes}", param);
            }
            if (UnknownField(field.Value, Options.GetTypeInfo(property.PropertyType), param + ".") is { } inField)
                return inField;
        }
        return null;
    }

    /// <summary>A field's name; null when it is not valid Unicode (bytes that are not UTF-8, or an unpaired <c>\uD800</c> escape).</summary>
    private static string? NameOf(JsonProperty field)
    {
        try
        {
            return field.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ApiError TooLarge() =>
        ApiError.InvalidRequest($"The request body is larger than {MaxBodyBytes / 1024 / 1024} MB.");

    /// <summary>The body's bytes, or null past the limit (the rest is left for the server to drain).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (copy.Length + read > MaxBodyBytes)
                    return null;
                copy.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    /// <summary>"Invalid amount: expected a number …", from the JSON path and the type the field has.</summary>
    private static ApiError WrongType<T>(JsonException ex)
    {
        var path = ex.Path;
        var param = path is null or "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        if (param is null)
            return ApiError.InvalidRequest("The request body does not have the expected shape.");
        // Text that is not valid UTF-8 (or an unpaired \uD800 escape) only shows when the string is read.
        if (ex.InnerException is InvalidOperationException or ArgumentException or System.Text.DecoderFallbackException)
            return ApiError.InvalidRequest($"Invalid {param}: the text is not valid Unicode (UTF-8).", param);
        var name = param.Split('.', '[')[0];
        var property = Options.GetTypeInfo(typeof(T)).Properties.FirstOrDefault(p => p.Name == name);
        var expected = Describe(property?.PropertyType);
        return ApiError.InvalidRequest($"Invalid {param}: expected {expected}.", param);
    }

    private static string Describe(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(decimal))
            return "a number of Pi, such as 10.5 (at most 7 decimal places, at most 1,000,000,000)";
        if (t == typeof(int) || t == typeof(long))
            return "a whole number";
        if (t == typeof(string))
            return "a string";
        if (t == typeof(bool))
            return "true or false";
        return "a value of another type";
    }
}
