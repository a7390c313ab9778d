namespace Flux.Dashboard.Chain.Horizon;

/// <param name="Id">The last event id at dispatch (it persists across events, as in the SSE spec).</param>
/// <param name="Type">The <c>event:</c> field, or null for the default <c>message</c>.</param>
/// <param name="Data">The <c>data:</c> lines joined with line feeds.</param>
internal sealed record ServerSentEvent(string? Id, string? Type, string Data);
