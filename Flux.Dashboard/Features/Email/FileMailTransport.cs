using System.Text;

namespace Flux.Dashboard.Features.Email;

/// <summary>Development transport: every mail becomes a file in the mail folder and a log line, so no SMTP is needed.</summary>
public sealed class FileMailTransport(string folder, EmailOptions options, TimeProvider clock, ILogger<FileMailTransport> logger)
    : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var stamp = clock.GetUtcNow();
        var path = Path.Combine(folder, $"{stamp:yyyyMMdd-HHmmss-fffffff}-{Guid.NewGuid():N}.eml");
        var text = new StringBuilder()
            .Append("From: ").AppendLine(options.From)
            .Append("To: ").AppendLine(mail.To)
            .Append("Subject: ").AppendLine(mail.Subject)
            .Append("Date: ").AppendLine(stamp.ToString("R"))
            .AppendLine("Content-Type: text/html; charset=utf-8")
            .AppendLine()
            .AppendLine(mail.HtmlBody)
            .ToString();
        await File.WriteAllTextAsync(path, text, cancellationToken);
        logger.LogInformation("Mail to {To} \"{Subject}\" written to {Path}:\n{Body}", mail.To, mail.Subject, path, mail.HtmlBody);
    }
}
