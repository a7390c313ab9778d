using Flux.Dashboard.Chain.Horizon;

namespace Flux.Dashboard.Tests.Chain.Support;

internal static class HorizonTestClient
{
    public static readonly Uri BaseUri = new("https://horizon.example/");

    /// <summary>A client straight on the stub, without the resilience pipeline (see HorizonResilienceTests for that).</summary>
    public static HorizonClient Create(StubHorizonHandler stub, ListLogger<HorizonClient> logger, TimeProvider? clock = null) =>
        new(new HttpClient(stub, disposeHandler: false) { BaseAddress = BaseUri },
            new HttpClient(stub, disposeHandler: false) { BaseAddress = BaseUri, Timeout = Timeout.InfiniteTimeSpan },
            logger,
            clock ?? TimeProvider.System);
}
