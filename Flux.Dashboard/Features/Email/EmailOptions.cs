namespace Flux.Dashboard.Features.Email;

public enum MailTransportKind { File, Smtp }

/// <summary><c>Flux:Email</c>: how Flux sends mail. <c>File</c> (the default) writes each mail to a folder and the log.</summary>
public sealed class EmailOptions
{
    public const string Section = "Flux:Email";

    public MailTransportKind Transport { get; set; } = MailTransportKind.File;

    public string From { get; set; } = "Flux <no-reply@flux.local>";

    /// <summary>Folder for the File transport; relative to the data folder.</summary>
    public string Folder { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; } = true;
}
