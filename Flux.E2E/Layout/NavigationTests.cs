using System.Text.RegularExpressions;
using Flux.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Flux.E2E.Layout;

/// <summary>The drawer's links and the app bar's buttons, written as plain markup in MudBlazor's classes, in a browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NavigationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task The_chosen_section_is_highlighted_the_account_menu_works_by_keyboard_and_the_drawer_folds_away_wide_and_closes_after_the_choice_narrow() => InBrowserAsync(async page =>
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

        // Wide, the drawer is open beside the page; the menu button folds it away and brings it back.
        var drawer = page.Locator("aside.flux-drawer");
        var toggle = page.GetByLabel("Toggle navigation");
        await Expect(drawer).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await toggle.ClickAsync();
        await Expect(drawer).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(drawer).ToBeVisibleAsync();

        // Narrow, it is closed; opened over the page, it closes after the choice, on its shade, and with Escape.
        await page.SetViewportSizeAsync(700, 800);
        await Expect(drawer).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(drawer).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByTestId("nav-payments").ClickAsync();

        await page.WaitForURLAsync("**/payments");
        await Expect(drawer).ToBeHiddenAsync();
        await Expect(page.GetByTestId("nav-payments")).ToHaveClassAsync(Active());
        await toggle.ClickAsync();
        await page.Locator(".flux-drawer-shade").ClickAsync(new() { Position = new() { X = 600, Y = 400 } });
        await Expect(drawer).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(drawer).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(drawer).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
    });

    [GeneratedRegex(@"(^|\s)active(\s|$)")]
    private static partial Regex Active();
}
