using System.Text.RegularExpressions;
using Flux.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Layout;

/// <summary>The drawer's links and the app bar's buttons, written as plain markup in MudBlazor's classes, in a browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NavigationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_chosen_section_is_highlighted_the_account_menu_works_by_keyboard_and_on_a_small_screen_the_drawer_closes_after_the_choice() => InBrowserAsync(async page =>
    {
        await RegisterAsync(page, NewEmail("nav"));
        await Expect(page.GetByTestId("nav-overview")).ToHaveClassAsync(Active());

        await page.GetByTestId("nav-settings").ClickAsync();
        await page.WaitForURLAsync("**/settings");
        await Expect(page.GetByTestId("nav-settings")).ToHaveClassAsync(Active());
        await Expect(page.GetByTestId("nav-settings")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("nav-overview")).Not.ToHaveClassAsync(Active());

        // The account menu opens onto its first item and closes with Escape, back onto its button.
        await page.GetByTestId("account-menu").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("theme-toggle")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("sign-out")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("account-menu")).ToBeFocusedAsync();

        await page.SetViewportSizeAsync(700, 800);
        var drawer = page.Locator("aside.mud-drawer");
        await Expect(drawer).ToHaveClassAsync(Closed());
        await page.GetByLabel("Toggle navigation").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(Open());
        await page.GetByTestId("nav-payments").ClickAsync();

        await page.WaitForURLAsync("**/payments");
        await Expect(drawer).ToHaveClassAsync(Closed());
        await Expect(page.GetByTestId("nav-payments")).ToHaveClassAsync(Active());
    });

    [GeneratedRegex(@"(^|\s)active(\s|$)")]
    private static partial Regex Active();

    [GeneratedRegex(@"(^|\s)mud-drawer--open(\s|$)")]
    private static partial Regex Open();

    [GeneratedRegex(@"(^|\s)mud-drawer--closed(\s|$)")]
    private static partial Regex Closed();
}
