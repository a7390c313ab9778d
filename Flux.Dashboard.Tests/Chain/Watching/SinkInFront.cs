using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Watching;

/// <summary>A sink the watcher hands payments to in front of the app's real ConfirmationService, to watch or disturb the hand-over.</summary>
internal abstract class SinkInFront : IPaymentSink
{
    protected IPaymentSink Inner { get; private set; } = null!;

    /// <summary>An app of its own whose watcher hands its payments to this sink.</summary>
    public FluxAppFactory StartApp() => FluxAppFactory.Start(null, new Dictionary<string, string?>(),
        services => services.AddSingleton<IPaymentSink>(sp =>
        {
            Inner = ActivatorUtilities.CreateInstance<ConfirmationService>(sp);
            return this;
        }));

    public abstract Task HandleAsync(IReadOnlyList<ObservedPayment> payments, CancellationToken cancellationToken);
}
