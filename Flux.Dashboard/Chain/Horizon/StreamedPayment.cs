namespace Flux.Dashboard.Chain.Horizon;

/// <summary>One record of a filtered payment stream: read in full when it may pay into or out of a wanted wallet, else only its cursor.</summary>
/// <param name="PagingToken">The cursor that resumes the stream right after this record.</param>
/// <param name="Record">The record, or null when it concerns no wanted wallet and was skipped unread.</param>
public readonly record struct StreamedPayment(string PagingToken, PaymentRecord? Record);
