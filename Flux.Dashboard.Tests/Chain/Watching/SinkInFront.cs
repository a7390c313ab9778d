using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Watching;

/// <summary>A sink the watcher hands payments to in front of the app's real ConfirmationService, to watch or disturb the hand-over.</summary>
internal abstract class SinkInFront : IPaymentSink
{
    protected IPaymentSink Inner { get; private set; } = null!;

    /// <summary>The sandbox wallet the app of <see cref="StartWatchingAsync"/> watches.</summary>
    public string Wallet { get; } = TestAddresses.Random();

    /// <summary>An app of its own whose watcher hands its payments to this sink, watching <see cref="Wallet"/>.</summary>
    public async Task<FluxAppFactory> StartWatchingAsync()
    {
        var app = FluxAppFactory.Start(null, new Dictionary<string, string?>(),
            services => services.AddSingleton<IPaymentSink>(sp =>
            {
                Inner = ActivatorUtilities.CreateInstance<ConfirmationService>(sp);
                return this;
            }));
        await app.Services.GetRequiredService<WatchedWallets>().WatchAsync(ChainNetworkNames.Sandbox, Wallet);
        return app;
    }

    public abstract Task HandleAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken);
}
