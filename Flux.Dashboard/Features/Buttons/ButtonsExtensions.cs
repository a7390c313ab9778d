using Flux.Dashboard.Api;

namespace Flux.Dashboard.Features.Buttons;

public static class ButtonsExtensions
{
    public static void AddButtons(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<ButtonService>();

    public static FluxApi MapButtons(this FluxApi api) => api.MapButtonsApi();
}
