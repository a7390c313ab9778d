namespace Flux.Dashboard.Features.Reviews;

/// <summary>What a merchant pastes into their shop to show their reviews: the widget script and a publishable key.</summary>
public static class ReviewsSnippet
{
    public const string ScriptPath = "/embed/flux-reviews.js";

    // Publishable keys are base62 after "pk_test_"/"pk_live_", so they need no escaping inside the attribute.
    public static string For(string baseUrl, string publishableKey) =>
        $"""<script src="{baseUrl.TrimEnd('/')}{ScriptPath}" async></script><div class="flux-reviews" data-publishable-key="{publishableKey}"></div>""";
}
