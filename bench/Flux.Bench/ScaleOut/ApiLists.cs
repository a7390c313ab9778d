using System.Net.Http.Json;
using System.Text.Json;

namespace Flux.Bench.ScaleOut;

/// <summary>Every item of one of the API's lists (<c>GET /v1/orders</c>, <c>GET /v1/events</c>, …), 100 a page.</summary>
public static class ApiLists
{
    /// <param name="path">The list's path and filters, such as <c>/v1/orders?status=confirmed</c>.</param>
    /// <param name="idProperty">The items' id, which <c>starting_after</c> takes (<c>order_id</c>, <c>id</c>).</param>
    public static async Task<List<JsonElement>> AllAsync(HttpClient api, string path, string idProperty)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        while (true)
        {
            var after = items.Count == 0 ? "" : $"&starting_after={items[^1].GetProperty(idProperty).GetString()}";
            var page = await api.GetFromJsonAsync<JsonElement>($"{path}{separator}limit=100{after}");
            items.AddRange(page.GetProperty("data").EnumerateArray());
            if (!page.GetProperty("has_more").GetBoolean())
                return items;
        }
    }
}
