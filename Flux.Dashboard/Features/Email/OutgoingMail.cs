namespace Flux.Dashboard.Features.Email;

public sealed record OutgoingMail(string To, string Subject, string HtmlBody);

/// <summary>Delivers a mail; the File and SMTP transports are chosen by <see cref="EmailOptions.Transport"/>.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
