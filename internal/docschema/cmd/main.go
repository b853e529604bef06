// Command docschema prints the provider's schemas as
// `terraform providers schema -json` would, under the provider's short name
// (the name tfplugindocs looks it up by), without a Terraform CLI.
//
//	go run ./internal/docschema/cmd > schema.json
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/koreai/terraform-provider-smartassist/internal/docschema"
	"github.com/koreai/terraform-provider-smartassist/internal/provider"
)

func main() {
	srv := providerserver.NewProtocol6(provider.New("docs")())()
	// The command is the root of the work: no caller's context exists, and
	// reading schemas sends no request and waits on nothing.
	schemas, err := docschema.Read(context.Background(), srv, "smartassist")
	if err != nil {
		fmt.Fprintln(os.Stderr, "docschema:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(schemas); err != nil {
		fmt.Fprintln(os.Stderr, "docschema:", err)
		os.Exit(1)
	}
}
