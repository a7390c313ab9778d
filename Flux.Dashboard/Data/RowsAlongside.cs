namespace Flux.Dashboard.Data;

/// <summary>
/// New rows a caller has a service commit in the same transaction as its own write, made from what that write holds:
/// the API's idempotency record of the response describing it (<c>IdempotentResponses.KeepResponse</c>), so the record
/// exists exactly when the work does.
/// </summary>
public delegate IReadOnlyList<object> RowsAlongside<in T>(T written);
