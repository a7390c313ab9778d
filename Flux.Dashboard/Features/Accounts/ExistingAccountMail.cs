using System.Text.Encodings.Web;
using Flux.Dashboard.Features.Email;

namespace Flux.Dashboard.Features.Accounts;

/// <summary>
/// What the owner of an address hears when someone registers it again. Registration then answers exactly as for a
/// confirmation-required new address, so only the owner learns that the address has an account.
/// </summary>
public sealed class ExistingAccountMail(IMailTransport transport)
{
    public Task SendAsync(string email, string signInUrl, string resetPasswordUrl, CancellationToken cancellationToken) =>
        transport.SendAsync(new(email, "Someone tried to create a Flux account with your address",
            $"<p>Someone tried to create a Flux account with your address, {Encode(email)}, which already has one.</p>"
            + $"<p>If it was you, <a href=\"{Encode(signInUrl)}\">sign in</a> or <a href=\"{Encode(resetPasswordUrl)}\">reset your password</a>. "
            + "If it was not, you can ignore this mail: nothing has changed.</p>"),
            cancellationToken);

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
