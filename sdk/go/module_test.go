package flux_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A shop's module requires github.com/flux/flux-pi-sdk as `go get` would add it (here replaced by this folder) and
// builds with no module proxy: the module path is the one the docs promise and nothing else needs fetching.
func TestAShopsModuleBuildsAgainstTheModulePathWithNoNetwork(t *testing.T) {
	sdk, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	shop := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/shop\n\ngo 1.19\n\nrequire github.com/flux/flux-pi-sdk v0.1.0\n\nreplace github.com/flux/flux-pi-sdk => " + sdk + "\n",
		"main.go": `package main

import (
	"fmt"

	flux "github.com/flux/flux-pi-sdk"
)

func main() {
	client := flux.NewClient("sk_test_shop", flux.WithBaseURL("http://localhost:5000"))
	fmt.Println(client.BaseURL(), flux.Amount("10.50").Equal("10.5"))
}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(shop, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")

	build := exec.Command(goTool, "build", "-o", "shop", ".")
	build.Dir, build.Env = shop, env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(shop, "shop")).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "http://localhost:5000 true" {
		t.Fatalf("the shop printed %q (%v)", out, err)
	}
}
