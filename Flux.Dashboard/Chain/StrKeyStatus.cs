namespace Flux.Dashboard.Chain;

/// <summary>Why a StrKey string is or is not a valid key of the kind asked for. Checked in this order.</summary>
public enum StrKeyStatus
{
    Valid,
    Empty,
    WrongLength,
    /// <summary>Something other than the upper-case base32 alphabet (A–Z, 2–7), lower case included.</summary>
    InvalidCharacters,
    /// <summary>The unused bits of the last character are not zero, so this is not the canonical spelling.</summary>
    NonCanonicalEncoding,
    /// <summary>A well-formed StrKey of another kind, e.g. a secret seed where a public key was expected.</summary>
    WrongVersion,
    BadChecksum,
}
