using MudBlazor;

namespace Flux.Dashboard.Components.Layout;

public static class FluxTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3cc4",
            Secondary = "#6b6f80",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2330",
            Background = "#f6f7fb",
            Warning = "#e8710a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9d86ff",
            Warning = "#ff9e40",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
