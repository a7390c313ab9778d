using System.Text.Json;

namespace Flux.Dashboard.Common;

/// <summary>An enum's values as the API and events spell them: <c>PendingConfirmation</c> is <c>pending_confirmation</c>.</summary>
public static class SnakeCaseNames<TEnum> where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = [.. Values.Select(value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()))];

    /// <summary>Every value's name, in the order of the enum.</summary>
    public static IReadOnlyList<string> All => Names;

    public static string Of(TEnum value) => Names[Array.IndexOf(Values, value)];

    /// <summary>The value spelt this way; null for a name that is none.</summary>
    public static TEnum? From(string name) => Array.IndexOf(Names, name) is var index and >= 0 ? Values[index] : null;
}
