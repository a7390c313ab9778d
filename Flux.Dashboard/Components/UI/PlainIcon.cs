using Microsoft.AspNetCore.Components;

namespace Flux.Dashboard.Components.UI;

/// <summary>
/// MudIcon's markup (an <c>Icons.*</c> SVG string in MudBlazor's icon classes) written straight into the parent's render
/// tree: no component, so an open dashboard's circuit keeps nothing for it (docs/performance.md).
/// </summary>
public static class PlainIcon
{
    public const string Medium = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    public static RenderFragment Svg(string icon, string cssClass = Medium) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };
}
