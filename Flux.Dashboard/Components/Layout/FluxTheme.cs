using MudBlazor;

namespace Flux.Dashboard.Components.Layout;

/// <summary>
/// Flux's colours. Every colour that text is written in (chips, links, alerts, secondary text) keeps at least 4.5:1 against
/// the surfaces it sits on, and every filled colour names a contrast text that does too (WCAG AA, checked by the
/// browser tests' axe-core sweep). Secondary is a grey in both modes: pages use it for secondary text.
/// </summary>
public static class FluxTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3cc4",
            Secondary = "#5f6374",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2330",
            Background = "#f6f7fb",
            TextSecondary = "#5c5f6b",
            Info = "#1565c0",
            Success = "#1e7a24",
            Warning = "#a84f00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#b3a1ff",
            TextSecondary = "#adafba",
            PrimaryContrastText = "#14112b",
            Secondary = "#b4b7c5",
            SecondaryContrastText = "#1b1c22",
            Info = "#5ab0ff",
            InfoContrastText = "#04203d",
            Success = "#2fd39a",
            SuccessContrastText = "#0a2a1c",
            Warning = "#ffa800",
            WarningContrastText = "#1a1300",
            // Alerts write their text in the "darken" shade; on a dark page it has to be the lighter one.
            WarningDarken = "#ffb733",
            Error = "#ff8a96",
            ErrorContrastText = "#3a0008",
            ErrorDarken = "#ff9aa4",
            InfoDarken = "#7cc0ff",
            SuccessDarken = "#4fdcaa",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
