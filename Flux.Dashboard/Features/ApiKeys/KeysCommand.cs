using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.ApiKeys;

/// <summary>
/// <c>dotnet run --project Flux.Dashboard -- keys create --email &lt;merchant&gt; --mode test|live --name &lt;name&gt;</c>:
/// prints a new key pair for operators and scripts, then exits without starting the web server.
/// </summary>
public static class KeysCommand
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public const string Usage = """
        Usage: Flux.Dashboard keys create --email <merchant e-mail> --mode test|live [--name <key name>]

        Creates a secret key (sk_…) and a publishable key (pk_…) for the merchant in the given mode and prints them.
        The secret key is shown only this once.
        """;

    private const string DefaultName = "Command line";

    /// <summary>Runs the command when the arguments are one; true when they were (Environment.ExitCode is set).</summary>
    public static async Task<bool> RunKeysCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "keys")
            return false;
        Environment.ExitCode = await RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
        return true;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (Parse(args) is not { } command)
        {
            await error.WriteLineAsync(Usage);
            return BadArguments;
        }

        await using var scope = services.CreateAsyncScope();
        // The web host never starts for a command, so the Development demo merchant is seeded here as start-up would.
        await ActivatorUtilities.CreateInstance<DemoMerchantSeed>(scope.ServiceProvider).StartAsync(cancellationToken);
        var merchant = await scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>().FindByEmailAsync(command.Email);
        if (merchant is null)
        {
            await error.WriteLineAsync($"No merchant has the e-mail address {command.Email}.");
            return Failed;
        }

        var result = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreatePairAsync(new MerchantScope(merchant.Id, command.Livemode), command.Name, cancellationToken);
        if (result.Value is not { } pair)
        {
            await error.WriteLineAsync(result.Error!.Message);
            return BadArguments;
        }

        await output.WriteLineAsync($"""
            Created API keys "{pair.Secret.Key.Name}" for {command.Email} in {(command.Livemode ? "live" : "test")} mode.
            Secret key:      {pair.Secret.Secret}
            Publishable key: {pair.Publishable.Secret}
            Store the secret key now: Flux keeps only its hash and cannot show it again.
            """);
        return Succeeded;
    }

    private sealed record CreateCommand(string Email, bool Livemode, string Name);

    private static CreateCommand? Parse(string[] args)
    {
        if (args is not ["keys", "create", .. var rest])
            return null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i++)
        {
            var (name, value) = rest[i].Split('=', 2) switch
            {
                [var n, var v] => (n, (string?)v),
                [var n] => (n, i + 1 < rest.Length ? rest[++i] : null),
                _ => ("", null),
            };
            if (name is not ("--email" or "--mode" or "--name") || value is null || !options.TryAdd(name, value))
                return null;
        }
        if (!options.TryGetValue("--email", out var email) || string.IsNullOrWhiteSpace(email)
            || options.GetValueOrDefault("--mode") is not ("test" or "live"))
            return null;
        return new(email.Trim(), options["--mode"] == "live", options.GetValueOrDefault("--name") ?? DefaultName);
    }
}
