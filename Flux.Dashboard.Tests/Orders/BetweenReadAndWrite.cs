using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flux.Dashboard.Tests.Orders;

/// <summary>
/// Lets another writer in between a read of orders and the write that follows it: once armed, in the flow of the test
/// that armed it, the next query of orders runs the action when its rows have been read, and so before the code that
/// read them writes. Queries of other flows (the watcher, the dispatcher, the action's own) pass untouched.
/// </summary>
internal sealed class BetweenReadAndWrite : DbCommandInterceptor
{
    private static readonly AsyncLocal<StrongBox<Func<Task>?>> Armed = new();

    public static void Arm(Func<Task> action) => Armed.Value = new StrongBox<Func<Task>?>(action);

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(
        DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (Armed.Value is { Value: { } action } box && command.CommandText.Contains("FROM \"Orders\"", StringComparison.Ordinal))
        {
            box.Value = null;
            await action();
        }
        return result;
    }
}
