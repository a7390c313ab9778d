package flux_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README shows the seed docs' samples as samples_integration_test.go runs them, with the placeholders the seed
// uses where the test passes its own key, base URL and wallet.
func TestReadmeShowsTheTestedSamples(t *testing.T) {
	readme := read(t, "README.md")
	samples := read(t, "samples_integration_test.go")
	placeholders := strings.NewReplacer(
		`baseURL+"/v1/payments"`, `"https://api.flux.io/v1/payments"`,
		`"Bearer "+apiKey`, `"Bearer YOUR_API_KEY"`,
		`MerchantWallet: YOUR_PI_WALLET,`, `MerchantWallet: "YOUR_PI_WALLET",`,
	)
	for heading, function := range map[string]string{
		"Credit Usage Example":        "creditUsageExample",
		"Code Example":                "codeExample",
		"Authentication Code Samples": "authenticationCodeSample",
		"Handling Errors":             "handlingErrors",
	} {
		shown := regexp.MustCompile("(?s)\n## " + heading + "\n.*?```go\n(.*?)```").FindStringSubmatch(readme)
		body := regexp.MustCompile("(?s)\nfunc " + function + "\\(.*?\\{\n(.*?)\n}\n").FindStringSubmatch(samples)
		if shown == nil || body == nil {
			t.Fatalf("no %q section in README.md or no func %s in the samples", heading, function)
		}
		tested := placeholders.Replace(regexp.MustCompile("(?m)^\t").ReplaceAllString(body[1], "")) + "\n"
		if !strings.Contains(tested, shown[1]) {
			t.Errorf("README.md's %q is not what %s runs:\n%s\n--- runs ---\n%s", heading, function, shown[1], tested)
		}
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	text, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}
