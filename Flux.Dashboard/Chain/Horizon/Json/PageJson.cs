using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flux.Dashboard.Chain.Horizon.Json;

/// <summary>A HAL page. Records stay raw so one malformed record is skipped without losing the page.</summary>
internal sealed class PageJson
{
    [JsonPropertyName("_links")]
    public PageLinksJson? Links { get; set; }

    [JsonPropertyName("_embedded")]
    public EmbeddedJson? Embedded { get; set; }
}

internal sealed class PageLinksJson
{
    public LinkJson? Next { get; set; }
}

internal sealed class LinkJson
{
    public string? Href { get; set; }
}

internal sealed class EmbeddedJson
{
    public List<JsonElement>? Records { get; set; }
}
