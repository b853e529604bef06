package client

import (
	"errors"
	"strings"
	"testing"
)

func TestSkillGroupCRUDRequests(t *testing.T) {
	ctx := t.Context()
	c, api := newFakeAPI(t, answer(`{"id":"65f0c0ffee0000000000000a","name":"Billing","description":"Money","color":"#0f0f0f"}`))

	g, err := c.SkillGroups.Create(ctx, SkillGroupRequest{Name: "Billing", Description: String("Money"), Color: String("#0f0f0f")})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "65f0c0ffee0000000000000a" || g.Name != "Billing" || g.Description != "Money" || g.Color != "#0f0f0f" {
		t.Fatalf("created %+v", g)
	}
	if string(g.Raw["color"]) != `"#0f0f0f"` {
		t.Fatalf("raw document not kept: %v", g.Raw)
	}
	if _, err := c.SkillGroups.Get(ctx, "sg/1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SkillGroups.List(ctx, ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SkillGroups.List(ctx, ListOptions{Page: 2, Limit: 25}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SkillGroups.Update(ctx, "sg-1", SkillGroupRequest{Name: "Billing 2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SkillGroups.Update(ctx, "sg-1", SkillGroupRequest{Name: "Billing 3", Description: String(""), Color: String("#fff")}); err != nil {
		t.Fatal(err)
	}
	if err := c.SkillGroups.Delete(ctx, "sg-1"); err != nil {
		t.Fatal(err)
	}
	api.expectCalls(t,
		call(t, "POST", "/skill-groups", `{"name":"Billing","description":"Money","color":"#0f0f0f"}`),
		call(t, "GET", "/skill-groups/sg%2F1", ""),
		call(t, "GET", "/skill-groups", ""),
		call(t, "GET", "/skill-groups?limit=25&page=2", ""),
		call(t, "PUT", "/skill-groups/sg-1", `{"id":"sg-1","name":"Billing 2"}`),
		call(t, "PUT", "/skill-groups/sg-1", `{"id":"sg-1","name":"Billing 3","description":"","color":"#fff"}`),
		call(t, "DELETE", "/skill-groups/sg-1", ""),
	)
}

func TestSkillGroupListDecodesTheSample(t *testing.T) {
	c, _ := newFakeAPI(t, answer(`{"results":[{"id":"sg-1","name":"Billing","description":"d","color":"#0f0f0f"},
	  {"id":17,"name":42,"color":null}],"page":"1","limit":10,"hasMore":"false","totalPages":1,"totalResults":"2"}`))
	l, err := c.SkillGroups.List(t.Context(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Results) != 2 || l.Results[1].ID != "17" || l.Results[1].Name != "42" || l.Results[1].Color != "" {
		t.Fatalf("results %+v", l.Results)
	}
	if intOf(l.Page) != 1 || intOf(l.Limit) != 10 || l.HasMore == nil || bool(*l.HasMore) || intOf(l.TotalPages) != 1 || l.Total() != 2 {
		t.Fatalf("paging %+v", l)
	}
}

// An answer without the id (create-a-skill-group documents one) is
// tolerated: one list call finds the group by its exact name.
func TestSkillGroupCreateWithoutIDFindsItByName(t *testing.T) {
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 0, `{"name":"Billing","description":"","color":"#0f0f0f"}`
		}
		return 0, `{"results":[{"id":"sg-0","name":"billing"},{"id":"sg-7","name":"Billing"}],"hasMore":false}`
	})
	g, err := c.SkillGroups.Create(t.Context(), SkillGroupRequest{Name: "Billing"})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "sg-7" {
		t.Fatalf("found %q, want sg-7 (the name matches case-sensitively)", g.ID)
	}
	api.expectCalls(t,
		call(t, "POST", "/skill-groups", `{"name":"Billing"}`),
		call(t, "GET", "/skill-groups?limit=100&page=1", ""),
	)
}

func TestSkillGroupCreateWithoutIDThatCannotBeFound(t *testing.T) {
	c, _ := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 0, `{"name":"Billing"}`
		}
		return 0, `{"results":[],"hasMore":false}`
	})
	_, err := c.SkillGroups.Create(t.Context(), SkillGroupRequest{Name: "Billing"})
	var u *UnconfirmedCreateError
	if !errors.As(err, &u) || !u.Created {
		t.Fatalf("err = %v, want an *UnconfirmedCreateError for a confirmed create", err)
	}
	want := `the skill group Billing was created, but its id could not be read back; looking it up by name failed: GET /skill-groups: no skill group is named "Billing"`
	if err.Error() != want {
		t.Fatalf("err =\n%s\nwant\n%s", err, want)
	}
}

// A refused create is looked up by name, once: here nothing of the name
// exists, so the refusal is returned with what the lookup said.
func TestSkillGroupCreateRefused(t *testing.T) {
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if r.Method == "POST" {
			return 400, `{"errors":[{"msg":"Skill group name already exists","code":400}]}`
		}
		return 0, `{"results":[{"id":"sg-1","name":"Other"}],"hasMore":false}`
	})
	_, err := c.SkillGroups.Create(t.Context(), SkillGroupRequest{Name: "Billing"})
	want := `POST /skill-groups: HTTP 400 Bad Request: Skill group name already exists ` +
		`(no skill group with the name Billing exists, so the refusal is not about an existing one)`
	var exists *ExistsError
	if !IsClientError(err) || errors.As(err, &exists) || err.Error() != want || len(api.Calls()) != 2 {
		t.Fatalf("err = %v after %d calls", err, len(api.Calls()))
	}
}

func TestSkillGroupFindByName(t *testing.T) {
	pages := map[string]string{
		"limit=100&page=1": `{"results":[{"id":"sg-1","name":"A"}],"hasMore":true}`,
		"limit=100&page=2": `{"results":[{"id":"sg-2","name":"B"},{"id":"sg-3","name":"B"}],"hasMore":true}`,
	}
	c, api := newFakeAPI(t, func(r apiCall) (int, string) {
		if body, ok := pages[r.Query]; ok {
			return 0, body
		}
		return 0, `{"results":[],"hasMore":false}`
	})
	// One group with the name: found, but only once the whole list says
	// that no other has it.
	g, err := c.SkillGroups.FindByName(t.Context(), "A")
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "sg-1" || len(api.Calls()) != 3 {
		t.Fatalf("found %q after %d calls, want sg-1 after 3 (the whole list)", g.ID, len(api.Calls()))
	}
	// Two: neither is taken, and the error lists both.
	_, err = c.SkillGroups.FindByName(t.Context(), "B")
	var amb *AmbiguousNameError
	if !errors.As(err, &amb) || err.Error() != `2 skill groups are named "B": sg-2, sg-3` || IsNotFound(err) {
		t.Fatalf("err = %v, want an *AmbiguousNameError listing sg-2 and sg-3", err)
	}

	_, err = c.SkillGroups.FindByName(t.Context(), "b")
	if !IsNotFound(err) || !strings.Contains(err.Error(), `no skill group is named "b"`) {
		t.Fatalf("err = %v, want a not-found error", err)
	}
}

func TestSkillGroupListRefusesAnEntryThatIsNotAGroup(t *testing.T) {
	c, _ := newFakeAPI(t, answer(`{"results":[{"id":"sg-1","name":"Billing"},"junk"],"page":1,"limit":10,"totalResults":2}`))
	_, err := c.SkillGroups.List(t.Context(), ListOptions{})
	var de *DecodeError
	if !errors.As(err, &de) || de.Method != "GET" || !strings.Contains(de.Error(), "GET /skill-groups") {
		t.Fatalf("err = %v, want a *DecodeError naming GET /skill-groups", err)
	}
}
