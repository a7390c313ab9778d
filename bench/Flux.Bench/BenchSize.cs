namespace Flux.Bench;

/// <summary>
/// How big a run is: <see cref="Full"/> measures the figures against their targets; <see cref="Smoke"/> runs the same
/// code on a small scale in seconds, so CI can check that every benchmark still runs and prints its figures.
/// </summary>
public enum BenchSize
{
    Full,
    Smoke,
}

public static class BenchSizeExtensions
{
    public static T Pick<T>(this BenchSize size, T full, T smoke) => size == BenchSize.Full ? full : smoke;
}
