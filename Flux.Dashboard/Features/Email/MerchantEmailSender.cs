using System.Text.Encodings.Web;
using Flux.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Flux.Dashboard.Features.Email;

/// <summary>
/// The account mails Identity asks for, written in Flux's words and handed to the configured transport.
/// Identity passes links already HTML-encoded (IEmailSender contract); only the bare reset code is encoded here.
/// </summary>
public sealed class MerchantEmailSender(IMailTransport transport) : IEmailSender<Merchant>
{
    public Task SendConfirmationLinkAsync(Merchant user, string email, string confirmationLink) =>
        transport.SendAsync(new(email, "Confirm your Flux account",
            $"<p>Welcome to Flux.</p><p>Please <a href=\"{confirmationLink}\">confirm your email address</a>.</p>"));

    public Task SendPasswordResetLinkAsync(Merchant user, string email, string resetLink) =>
        transport.SendAsync(new(email, "Reset your Flux password",
            $"<p>Someone asked to reset the password of your Flux account.</p><p><a href=\"{resetLink}\">Choose a new password</a>. If it was not you, ignore this mail.</p>"));

    public Task SendPasswordResetCodeAsync(Merchant user, string email, string resetCode) =>
        transport.SendAsync(new(email, "Your Flux password reset code",
            $"<p>Your password reset code is <strong>{Encode(resetCode)}</strong>.</p>"));

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
