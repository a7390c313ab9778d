using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Flux.Dashboard.Api;

/// <summary>The outcome of reading a request body: the value, or the 400 to answer with.</summary>
public readonly record struct ApiBody<T>(T? Value, ApiError? Error) where T : class;

/// <summary>
/// The API's JSON: snake_case names, amounts as exact numbers, times as ISO-8601 UTC, unknown fields ignored. Request
/// bodies are read here rather than by parameter binding, so every client mistake becomes a 400 in the error shape —
/// naming the field where it can — and never a 500 or an empty 400.
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's conventions (also to the options minimal APIs write results with).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        options.Converters.Add(new ExactDecimalConverter());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        return options;
    }

    /// <summary>Reads a JSON object body of at most 1 MB; an empty body reads as <c>{}</c>.</summary>
    public static async Task<ApiBody<T>> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken) where T : class
    {
        if (http.Request.ContentLength > MaxBodyBytes)
            return new(null, TooLarge());
        var read = await ReadLimitedAsync(http.Request.Body, cancellationToken);
        if (read is not { } bytes)
            return new(null, TooLarge());
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
            bytes = "{}"u8.ToArray();
        return Deserialize<T>(bytes) is { } value ? new(value, null) : new(null, Explain<T>(bytes));
    }

    /// <summary>A well-formed body in one pass; null for anything else, which <see cref="Explain{T}"/> then describes.</summary>
    private static T? Deserialize<T>(ReadOnlyMemory<byte> bytes) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes.Span, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why a body did not read as <typeparamref name="T"/>: not JSON (where), not an object, or a field of the wrong type.
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
