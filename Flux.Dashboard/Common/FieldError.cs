namespace Flux.Dashboard.Common;

/// <summary>What is wrong with one field of a request, in words for the person who filled it in.</summary>
public sealed record FieldError(string Field, string Message);
