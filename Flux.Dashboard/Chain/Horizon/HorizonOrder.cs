namespace Flux.Dashboard.Chain.Horizon;

public enum HorizonOrder
{
    Ascending,
    Descending,
}
