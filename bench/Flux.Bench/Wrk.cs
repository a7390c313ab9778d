using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Flux.Bench;

/// <summary>
/// Debian's <c>wrk</c> (<c>apt-get install -y wrk</c>), a process of its own, over keep-alive connections: its requests
/// a second, p99 and errors. <see cref="WriteOrderScriptAsync"/> makes it send <c>POST /v1/orders</c> with a Bearer key.
/// </summary>
public static partial class Wrk
{
    public const string OrderBody = """{"amount": 10.0, "description": "Premium subscription"}""";

    private const string Program = "/usr/bin/wrk";

    /// <summary>Throws, saying how to install it, when wrk is missing.</summary>
    public static void EnsureInstalled(string benchmark)
    {
        if (!File.Exists(Program))
            throw new InvalidOperationException($"{benchmark} needs Debian's wrk: apt-get install -y wrk");
    }

    /// <summary>A wrk script in <paramref name="folder"/> that posts <see cref="OrderBody"/> with the key; its path.</summary>
    public static async Task<string> WriteOrderScriptAsync(string folder, string secretKey)
    {
        var script = Path.Combine(folder, $"post-order-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, $$"""
            wrk.method = "POST"
            wrk.body = '{{OrderBody}}'
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Authorization"] = "Bearer {{secretKey}}"
            """);
        return script;
    }

    public static async Task<WrkResult> RunAsync(string url, string? script, TimeSpan duration, int threads, int connections)
    {
        var arguments = $"-t{threads} -c{connections} -d{duration.TotalSeconds:N0}s --latency {(script is null ? "" : $"-s {script} ")}{url}";
        using var wrk = Process.Start(new ProcessStartInfo(Program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var rps = RequestsPerSecond().Match(output);
        var p99 = P99().Match(output);
        if (wrk.ExitCode != 0 || !rps.Success || !p99.Success)
            throw new InvalidOperationException($"wrk {arguments} failed:\n{output}{await wrk.StandardError.ReadToEndAsync()}");
        var errors = NonSuccess().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrors().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new WrkResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), Milliseconds(p99), errors, duration);
    }

    private static double Milliseconds(Match latency)
    {
        var value = double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture);
        return latency.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => value * 60_000 };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s|m)")]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}

/// <param name="Errors">Non-2xx answers and socket errors (connect, read, write, timeout).</param>
public sealed record WrkResult(double RequestsPerSecond, double P99Ms, long Errors, TimeSpan Duration)
{
    public double Served => RequestsPerSecond * Duration.TotalSeconds;
}
