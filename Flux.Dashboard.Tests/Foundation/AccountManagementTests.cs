using System.Net;
using Flux.Dashboard.Features.Accounts;
using Flux.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Dashboard.Tests.Foundation;

[Collection(FluxAppCollection.Name)]
public sealed class AccountManagementTests(FluxAppFactory app)
{
    [Fact]
    public async Task Changed_password_is_the_one_that_signs_in_afterwards()
    {
        var email = $"change-{Guid.NewGuid():N}@shop.test";
        using var client = await app.SignedInClientAsync(email);

        using var response = await client.PostFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = SignIn.Password,
            ["Input.NewPassword"] = "Fresh-Password-8",
            ["Input.ConfirmPassword"] = "Fresh-Password-8",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var again = await app.SignedInClientAsync(email, "Fresh-Password-8");
    }

    [Fact]
    public async Task Wrong_current_password_is_reported_on_its_field_and_changes_nothing()
    {
        var email = $"change-wrong-{Guid.NewGuid():N}@shop.test";
        using var client = await app.SignedInClientAsync(email);

        using var response = await client.PostFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = "Not-My-Password-1",
            ["Input.NewPassword"] = "Fresh-Password-8",
            ["Input.ConfirmPassword"] = "Fresh-Password-8",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("validation-message", await response.Content.ReadAsStringAsync());
        using var stillOld = await app.SignedInClientAsync(email);
    }

    [Fact]
    public async Task Two_factor_can_be_turned_off()
    {
        var email = $"disable-2fa-{Guid.NewGuid():N}@shop.test";
        using var client = await app.SignedInClientAsync(email);
        await WithMerchantAsync(email, (users, m) => users.SetTwoFactorEnabledAsync(m, true));

        using var response = await client.PostFormAsync("/Account/Manage/Disable2fa", "disable-2fa", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await WithMerchantAsync(email, (users, m) => users.GetTwoFactorEnabledAsync(m)));
    }

    private async Task<T> WithMerchantAsync<T>(string email, Func<UserManager<Merchant>, Merchant, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Merchant>>();
        return await action(users, (await users.FindByEmailAsync(email))!);
    }
}
