module github.com/flux/flux-pi-sdk

go 1.19
