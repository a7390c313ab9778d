namespace Flux.Dashboard.Chain;

/// <param name="Status">The first rule the string broke, or <see cref="StrKeyStatus.Valid"/>.</param>
/// <param name="IsSecretSeed">
/// The string carries the secret-seed version byte (<c>S…</c>): the caller should warn that it is a secret key.
/// </param>
public readonly record struct StrKeyValidation(StrKeyStatus Status, bool IsSecretSeed = false)
{
    public bool IsValid => Status == StrKeyStatus.Valid;
}
