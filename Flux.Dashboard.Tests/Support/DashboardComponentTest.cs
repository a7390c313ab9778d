using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Flux.Dashboard.Tests.Support;

/// <summary>
/// bUnit as the dashboard renders: MudBlazor's services, loose JS interop and an interactive server renderer. A test
/// class registers what its components need in its constructor; the renderer is set up after that, before each test
/// (creating it fixes the services).
/// </summary>
public abstract class DashboardComponentTest : BunitContext, IAsyncLifetime
{
    protected DashboardComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit's one second is too short on a loaded 2-core machine: a wait may time out before the renderer ran it once.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    Task IAsyncLifetime.InitializeAsync()
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    // MudBlazor's services are async-disposable only.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await OnDisposedAsync();
    }

    /// <summary>Releases what the test class holds besides the bUnit context (a scope of the app's services, a database).</summary>
    protected virtual ValueTask OnDisposedAsync() => ValueTask.CompletedTask;
}
