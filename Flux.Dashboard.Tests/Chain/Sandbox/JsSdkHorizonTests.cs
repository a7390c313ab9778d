using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Tests.Chain.Support;
using Flux.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Chain.Sandbox;

/// <summary>
/// The official Stellar JS SDK's <c>Horizon.Server</c> reads Flux's sandbox Horizon over a real socket (issue 3,
/// docs/architecture.md, "The sandbox"), through StellarJs/horizon-check.js; needs `npm ci` in StellarJs.
/// </summary>
[Collection(FluxAppCollection.Name)]
public sealed class JsSdkHorizonTests(FluxAppFactory app)
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(25);

    private SandboxLedger Ledger => app.Services.GetRequiredService<SandboxLedger>();

    private string HorizonUrl => new Uri(app.BaseAddress, SandboxHorizonEndpoints.Path).ToString();

    [Fact]
    public async Task JS_SDK_reads_the_account_its_payments_joined_with_transactions_across_pages_and_a_transaction()
    {
        var merchant = TestAddresses.Random();
        var first = await PayAsync(merchant, 12.5m, "ord_js_1");
        var second = await PayAsync(merchant, 0.75m, "ord_js_2");
        using var timeout = new CancellationTokenSource(TestTimeout);

        await using var check = HorizonCheck.Start(HorizonUrl, merchant, SandboxTestWallet.Address);
        var steps = await check.ReadToEndAsync(timeout.Token);

        var accounts = Steps(steps, "account");
        Assert.Equal([merchant, SandboxTestWallet.Address], accounts.Select(a => Text(a, "account_id")));
        Assert.Equal("13.2500000", Text(accounts[0], "native_balance"));
        Assert.True(decimal.Parse(Text(accounts[1], "native_balance"), CultureInfo.InvariantCulture) > 0);

        var payments = Steps(steps, "payment");
        Assert.Equal([1, 2], payments.Select(p => p.GetProperty("page").GetInt32()));
        Assert.Equal([Id(first), Id(second)], payments.Select(p => Text(p, "id")));
        Assert.Equal([Id(first), Id(second)], payments.Select(p => Text(p, "paging_token")));
        Assert.Equal(["12.5000000", "0.7500000"], payments.Select(p => Text(p, "amount")));
        Assert.Equal(["ord_js_1", "ord_js_2"], payments.Select(p => Text(p, "memo")));
        Assert.All(payments, p =>
        {
            Assert.True(p.GetProperty("joined").GetBoolean(), "the transaction is embedded on every page, next() included");
            Assert.Equal(("payment", "native", "text"), (Text(p, "type"), Text(p, "asset_type"), Text(p, "memo_type")));
            Assert.Equal((SandboxTestWallet.Address, merchant), (Text(p, "from"), Text(p, "to")));
        });

        var transaction = Assert.Single(Steps(steps, "transaction"));
        Assert.Equal(first.Transaction!.Hash, Text(transaction, "hash"));
        Assert.Equal(first.Transaction.Ledger, transaction.GetProperty("ledger").GetInt64());
        Assert.True(transaction.GetProperty("successful").GetBoolean());
        Assert.Equal(SandboxTestWallet.Address, Text(transaction, "source_account"));
        Assert.Equal(("text", "ord_js_1"), (Text(transaction, "memo_type"), Text(transaction, "memo")));
    }

    [Fact]
    public async Task JS_SDK_stream_from_the_last_paging_token_receives_a_payment_made_after_it_opened()
    {
        var merchant = TestAddresses.Random();
        var existing = await PayAsync(merchant, 1m, "ord_js_before");
        using var timeout = new CancellationTokenSource(TestTimeout);
        // A cursor at the last existing payment, not "now": a payment made before the stream has connected still arrives.
        await using var check = HorizonCheck.Start(HorizonUrl, merchant, SandboxTestWallet.Address, Id(existing));
        await check.ReadUntilAsync("streaming", timeout.Token);

        var paid = await PayAsync(merchant, 4.25m, "ord_js_stream");
        var steps = await check.ReadToEndAsync(timeout.Token);

        var streamed = Assert.Single(Steps(steps, "streamed"));
        Assert.Equal(Id(paid), Text(streamed, "id"));
        Assert.Equal(paid.Transaction!.Hash, Text(streamed, "transaction_hash"));
        Assert.Equal("4.2500000", Text(streamed, "amount"));
        Assert.Equal((SandboxTestWallet.Address, merchant), (Text(streamed, "from"), Text(streamed, "to")));
        Assert.Equal("ord_js_stream", Text(streamed, "memo"));
    }

    private async Task<SandboxPaymentResult> PayAsync(string to, decimal amount, string memo)
    {
        var result = await Ledger.SimulatePaymentAsync(new(SandboxTestWallet.Address, to, amount, memo));
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    private static string Id(SandboxPaymentResult result) => result.Payment!.Id.ToString(CultureInfo.InvariantCulture);

    private static List<JsonElement> Steps(IEnumerable<JsonElement> steps, string step) =>
        steps.Where(s => Text(s, "step") == step).ToList();

    private static string Text(JsonElement json, string property) =>
        json.GetProperty(property).GetString() ?? throw new InvalidOperationException($"{property} is null in {json}");

    /// <summary>A running horizon-check.js: its JSON lines as they arrive, its stderr for the failure message.</summary>
    private sealed class HorizonCheck : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stderr;
        private readonly List<JsonElement> _steps = [];

        private HorizonCheck(Process process)
        {
            _process = process;
            _stderr = process.StandardError.ReadToEndAsync();
        }

        public static HorizonCheck Start(params string[] args) => new(StellarJsSdk.StartScript("horizon-check.js", args));

        public async Task<JsonElement> ReadUntilAsync(string step, CancellationToken cancellationToken)
        {
            while (await ReadStepAsync(cancellationToken) is { } json)
            {
                if (Text(json, "step") == step)
                {
                    return json;
                }
            }
            throw await FailureAsync($"ended before reporting \"{step}\"");
        }

        public async Task<IReadOnlyList<JsonElement>> ReadToEndAsync(CancellationToken cancellationToken)
        {
            while (await ReadStepAsync(cancellationToken) is not null)
            {
            }
            await _process.WaitForExitAsync(cancellationToken);
            if (_process.ExitCode != 0)
            {
                throw await FailureAsync($"exited with code {_process.ExitCode}");
            }
            return _steps;
        }

        private async Task<JsonElement?> ReadStepAsync(CancellationToken cancellationToken)
        {
            string? line;
            // Killing node on timeout closes its stdout, which ends a read that a pipe would not cancel by itself.
            using (cancellationToken.Register(Kill))
            {
                line = await _process.StandardOutput.ReadLineAsync();
            }
            if (cancellationToken.IsCancellationRequested)
            {
                throw await FailureAsync("timed out");
            }
            if (line is null)
            {
                return null;
            }
            var json = JsonSerializer.Deserialize<JsonElement>(line);
            _steps.Add(json);
            return json;
        }

        private async Task<Exception> FailureAsync(string what)
        {
            Kill();
            var stderr = await _stderr.WaitAsync(TimeSpan.FromSeconds(5));
            var seen = string.Join(Environment.NewLine, _steps.Select(s => s.GetRawText()));
            return new Xunit.Sdk.XunitException($"horizon-check.js {what}.{Environment.NewLine}stderr: {stderr}{Environment.NewLine}stdout:{Environment.NewLine}{seen}");
        }

        private void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
