package emulator

import "fmt"

// SeedAgents makes n agent records for a Seed: an account with many agents
// made before the first request (outside Terraform), as the exporter and
// the provider's import meet it. Each is the default seed's second agent
// with its own id (a-<prefix>-00000, …), user id, email
// (<prefix>.00000@example.com, …), name and phone number, and no customId;
// the list answer leaves customId out whatever the record holds, as the
// vendor's does. Making 2,000 takes a few milliseconds, where creating
// them through the API would spend the rate limit.
func SeedAgents(n int, prefix string) []map[string]any {
	template := DefaultSeed().Agents[1]
	out := make([]map[string]any, n)
	for i := range out {
		a := make(map[string]any, len(template))
		for k, v := range template {
			a[k] = v
		}
		delete(a, "customId")
		delete(a, "fullName")
		delete(a, "lFullName")
		a["id"] = fmt.Sprintf("a-%s-%05d", prefix, i)
		a["userId"] = fmt.Sprintf("u-%s-%05d", prefix, i)
		a["emailId"] = fmt.Sprintf("%s.%05d@example.com", prefix, i)
		a["firstName"], a["lastName"], a["nickName"] = "Agent", fmt.Sprintf("%05d", i), ""
		a["phoneNumber"] = fmt.Sprintf("+1555%07d", i)
		out[i] = a
	}
	return out
}
