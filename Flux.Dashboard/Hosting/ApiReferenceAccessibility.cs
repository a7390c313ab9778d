using Scalar.AspNetCore;

namespace Flux.Dashboard.Hosting;

/// <summary>
/// The API reference page (<c>/docs/api</c>, Scalar) made to pass the accessibility checks every Flux page passes: its HTML
/// names no language, and some of its grey and coloured text is too faint. Scalar reads these options from the container
/// before the reference's own (Api/ApiDocsExtensions.cs), so the reference's set-up stays as it is.
/// </summary>
public static class ApiReferenceAccessibility
{
    // Scalar's page is a fixed template; a script in its head gives the document its language before anything renders.
    private const string Language = "<script>document.documentElement.lang = 'en';</script>";

    // Scalar's theme colours, darker (light mode) or lighter (dark mode) to keep 4.5:1 on its backgrounds. Doubled classes
    // outrank Scalar's own rules, including its display-p3 variants.
    private const string Colours = """
        .light-mode.light-mode {
            --scalar-color-2: #595959; --scalar-color-3: #666666; --scalar-color-accent: #0065b3;
            --scalar-color-green: #00713f; --scalar-color-red: #c40005; --scalar-color-yellow: #7a5d00;
            --scalar-color-blue: #005a96; --scalar-color-orange: #b33d00; --scalar-color-purple: #5203d1;
        }
        .dark-mode.dark-mode { --scalar-color-3: #949494; }
        """;

    public static void AddApiReferenceAccessibility(this WebApplicationBuilder builder) =>
        builder.Services.Configure<ScalarOptions>(options => options.AddHeadContent(Language).WithCustomCss(Colours));
}
