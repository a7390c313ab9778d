using System.Net;
using System.Text.RegularExpressions;

namespace Flux.Dashboard.Tests.Support;

/// <summary>Posts the static account forms as a browser would: GET the page, then POST its hidden fields (antiforgery token, codes) with ours.</summary>
public static partial class AccountForms
{
    /// <param name="page">The page the form was read from, when it was loaded earlier (a second tab); else it is loaded now.</param>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName,
        Dictionary<string, string> fields, string? page = null)
    {
        page ??= await client.GetStringAsync(url);
        var form = HiddenInput().Matches(page)
            .Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value")))
            .Where(f => f.Name is not null)
            .DistinctBy(f => f.Name)
            .ToDictionary(f => f.Name!, f => WebUtility.HtmlDecode(f.Value ?? ""));
        form["_handler"] = formName;
        foreach (var (name, value) in fields)
            form[name] = value;
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();
}
