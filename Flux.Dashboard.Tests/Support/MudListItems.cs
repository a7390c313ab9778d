using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Flux.Dashboard.Tests.Support;

/// <summary>Choosing an option of an open MudBlazor select in bUnit.</summary>
public static class MudListItems
{
    /// <summary>
    /// Clicks the open list's item that reads <paramref name="text"/> once it is rendered. A select's items can come in a
    /// later render than its first ones (a merchant's currencies are read as the page or dialog loads), so waiting for
    /// any item is not waiting for this one.
    /// </summary>
    public static void ClickListItem<TComponent>(this IRenderedComponent<TComponent> rendered, string text) where TComponent : IComponent
    {
        rendered.WaitForAssertion(() => Assert.Single(rendered.FindAll(".mud-list-item"), item => Reads(item, text)));
        rendered.FindAll(".mud-list-item").Single(item => Reads(item, text)).Click();
    }

    private static bool Reads(IElement item, string text) => item.TextContent.Trim() == text;
}
