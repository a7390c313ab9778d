using Flux.Dashboard.Api;
using Flux.Dashboard.Chain;
using Flux.Dashboard.Chain.Sandbox;
using Flux.Dashboard.Chain.Watching;
using Flux.Dashboard.Components;
using Flux.Dashboard.Data;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Features.ApiKeys;
using Flux.Dashboard.Features.Buttons;
using Flux.Dashboard.Features.Checkout;
using Flux.Dashboard.Features.Credits;
using Flux.Dashboard.Features.DatabaseCopy;
using Flux.Dashboard.Features.Email;
using Flux.Dashboard.Features.Events;
using Flux.Dashboard.Features.Health;
using Flux.Dashboard.Features.Notifications;
using Flux.Dashboard.Features.Orders;
using Flux.Dashboard.Features.Overview;
using Flux.Dashboard.Features.PaymentLinks;
using Flux.Dashboard.Features.Payments;
using Flux.Dashboard.Features.Rates;
using Flux.Dashboard.Features.Receipts;
using Flux.Dashboard.Features.Refunds;
using Flux.Dashboard.Features.Reviews;
using Flux.Dashboard.Features.Sandbox;
using Flux.Dashboard.Features.ScaleOut;
using Flux.Dashboard.Features.Settings;
using Flux.Dashboard.Features.Wallets;
using Flux.Dashboard.Features.Webhooks;
using Flux.Dashboard.Hosting;
using Flux.Dashboard.Jobs;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Notices sit bottom right, clear of the page's own action buttons; the same notice twice shows once, and a burst of
// them (confirmations arriving together) shows the latest three. Errors that block the merchant stay on the page instead.
builder.Services.AddMudServices(c =>
{
    c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
    c.SnackbarConfiguration.PreventDuplicates = true;
    c.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
    c.SnackbarConfiguration.VisibleStateDuration = 4000;
});

builder.AddFluxHttpSecurity();
var storage = builder.AddFluxData();
builder.AddScaleOut();
builder.AddFluxAccounts();
builder.AddFluxEmail(storage.Data);
builder.AddFluxJobs(storage);
builder.AddFluxHealth();
builder.AddFluxMetrics();
builder.AddChain();
builder.AddSandboxLedger();
builder.AddPaymentWatching();
builder.AddEvents();
builder.AddEventsApi();
builder.AddOrders();
builder.AddRates();
builder.AddCredits();
builder.AddPayments();
builder.AddRefunds();
builder.AddOverview();
builder.AddSettings();
builder.AddNotifications();
builder.AddWallets();
builder.AddFluxApi();
builder.AddFluxApiDocs();
builder.AddApiReferenceAccessibility();
builder.AddApiKeys();
builder.AddTestPayments();
builder.AddButtons();
builder.AddPaymentLinks();
builder.AddReceipts();
builder.AddCheckout();
builder.AddReviews();
builder.AddWebhooks();

var app = builder.Build();

if (await app.RunDatabaseCommandAsync(args))
    return;
await app.MigrateFluxDatabaseAsync();
if (await app.RunKeysCommandAsync(args))
    return;
app.UseWalletCatchUp();
app.UseOrderExpiry();
app.UseRateProviderPoll();
app.UseButtonOrderPurge();
app.UseWebhookSweep();
app.UseDailySummaryMail();

app.UseFluxHttpSecurity();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseFluxApi();
app.UseAuthentication();
app.UseFluxApiRateLimits();
app.UseAuthorization();
app.UseFluxApiIdempotency();
app.UseFluxApiInputCheck();
app.UseCheckoutFraming();
app.UseAntiforgery();

app.MapFluxHealth();
app.MapFluxJobsDashboard();
app.MapSandboxHorizon();
app.MapOrdersExport();
app.MapCreditLedgerExport();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
var api = app.MapFluxApi();
api.MapOrdersApi();
api.MapPaymentsApi();
api.MapRefundsApi();
api.MapCreditsApi();
api.MapSandboxApi();
api.MapButtons();
api.MapPaymentLinks();
api.MapReviews();
api.MapEventsApi();
api.MapWebhooksApi();
api.MapWalletsApi();
app.MapFluxApiDocs();

app.Run();

public partial class Program { }
