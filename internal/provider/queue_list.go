package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/koreai/terraform-provider-smartassist/internal/client"
)

// newQueueList lists the queues of the account for `terraform query`.
func newQueueList() list.ListResource {
	return &listResource[listFilter, client.Queue]{kind: listKind[listFilter, client.Queue]{
		typeName:    "_queue",
		plural:      "queues",
		nameOf:      "name",
		description: listOfWholeEntries("queues", "queue", "_queue", "queue"),
		walk: func(ctx context.Context, d *providerData, _ listFilter, visit func(*client.Queue) bool) error {
			return d.client.Queues.Walk(ctx, visit)
		},
		id:      func(q *client.Queue) string { return string(q.ID) },
		display: func(q *client.Queue) string { return string(q.Name) },
		resource: func(_ context.Context, _ *providerData, q *client.Queue) (any, diag.Diagnostics) {
			m := queueModelFrom(q)
			return &m, nil
		},
	}}
}
