namespace Flux.Dashboard.Tests.Support;

/// <summary>One Flux instance per test run: Hangfire keeps process-wide state, and start-up is paid once.</summary>
[CollectionDefinition(Name)]
public sealed class FluxAppCollection : ICollectionFixture<FluxAppFactory>
{
    public const string Name = "Flux app";
}
