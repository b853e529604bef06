package bench

import (
	"reflect"
	"strings"
	"testing"
)

func TestLastLines(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		b.WriteString("line ")
		b.WriteString(string(rune('A' + i%26)))
		b.WriteString("\n")
	}
	got := strings.Split(lastLines(b.String(), TailLines), "\n")
	if len(got) != TailLines || got[len(got)-1] != "line N" {
		t.Errorf("lastLines = %d lines, last %q", len(got), got[len(got)-1])
	}
	if got := lastLines("one\ntwo\n", 30); got != "one\ntwo" {
		t.Errorf("short text = %q", got)
	}
}

func TestCleanEnv(t *testing.T) {
	in := []string{"PATH=/bin", "TF_LOG=trace", "TF_CLI_CONFIG_FILE=/root/.terraformrc", "SMARTASSIST_HOST=x", "HOME=/root", "CHECKPOINT_DISABLE=", "GOFLAGS=-mod=mod"}
	want := []string{"PATH=/bin", "HOME=/root", "GOFLAGS=-mod=mod"}
	if got := cleanEnv(in); !reflect.DeepEqual(got, want) {
		t.Errorf("cleanEnv = %v, want %v", got, want)
	}
}
