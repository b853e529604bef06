// Command terraform-provider-smartassist serves the SmartAssist provider to
// Terraform. Run as "terraform-provider-smartassist export …", it writes an
// existing account as Terraform configuration instead (see -h of export).
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/koreai/terraform-provider-smartassist/internal/export"
	"github.com/koreai/terraform-provider-smartassist/internal/provider"
)

// Run "make generate" to regenerate docs/ from the schema, templates/ and
// examples/.
//go:generate go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs generate --provider-name smartassist

// version is set by the release build (goreleaser's ldflags).
var version = "dev"

func main() {
	limitMemory()
	if len(os.Args) > 1 && os.Args[1] == "export" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := export.Main(ctx, os.Args[2:], os.Stderr, os.Getenv, version)
		stop()
		os.Exit(code)
	}
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/koreai/smartassist",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
