using System.Text.Json.Serialization;

namespace Flux.Dashboard.Chain.Horizon.Json;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AccountJson))]
[JsonSerializable(typeof(PageJson))]
[JsonSerializable(typeof(PaymentJson))]
[JsonSerializable(typeof(TransactionJson))]
internal sealed partial class HorizonJsonContext : JsonSerializerContext;
