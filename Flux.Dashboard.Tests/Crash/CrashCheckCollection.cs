namespace Flux.Dashboard.Tests.Crash;

/// <summary>
/// The crash check runs alone, after the parallel tests: it starts Flux five or more times and times its waits (start,
/// 409s after a restart, catching up), which other tests' load on a 2-core machine would only stretch.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCheckCollection
{
    public const string Name = "Crash check";
}
