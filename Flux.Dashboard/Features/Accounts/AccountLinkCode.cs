using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// The <c>code</c> an account e-mail's link carries: Identity's token, Base64url-encoded so that it survives a URL.
/// </summary>
public static class AccountLinkCode
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <returns>The token; null when the code is not Base64url (a link cut short or changed on its way).</returns>
    public static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
