namespace Flux.Dashboard.Features.Accounts;

/// <summary><c>Flux</c> account settings: who is an admin, and the Development demo merchant.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Flux";

    /// <summary>E-mail addresses of the users who hold the Admin role (Hangfire dashboard, admin pages).</summary>
    public string[] Admins { get; set; } = [];

    /// <summary>When true, a new merchant must confirm the e-mail address before signing in.</summary>
    public bool RequireConfirmedEmail { get; set; }

    public DemoMerchantOptions Demo { get; set; } = new();
}

public sealed class DemoMerchantOptions
{
    /// <summary>Only in Development, and only when a password is configured, the demo merchant is created.</summary>
    public string Email { get; set; } = "demo@flux.local";
    public string? Password { get; set; }

    /// <summary>Whether a newly created demo merchant gets test-mode sample data (<see cref="SampleData"/>) once Flux serves.</summary>
    public bool SampleData { get; set; } = true;
}
