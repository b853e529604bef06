package bench

import "testing"

func TestParseCPUInfo(t *testing.T) {
	text := "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD  EPYC 7B13\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n"
	model, n := parseCPUInfo(text)
	if model != "AMD EPYC 7B13" || n != 2 {
		t.Errorf("parseCPUInfo = %q, %d", model, n)
	}
	if model, n := parseCPUInfo(""); model != "" || n != 0 {
		t.Errorf("empty cpuinfo = %q, %d", model, n)
	}
}

func TestParseMemTotalAndProcField(t *testing.T) {
	if got := parseMemTotal("MemTotal:       24684000 kB\nMemFree:  1 kB\n"); got != 24684000 {
		t.Errorf("MemTotal = %d", got)
	}
	status := "Name:\tterraform-provi\nVmPeak:\t  900000 kB\nVmHWM:\t   51234 kB\nVmRSS:\t   40000 kB\n"
	if got := procField(status, "VmHWM"); got != 51234 {
		t.Errorf("VmHWM = %d", got)
	}
	if got := procField(status, "VmSwap"); got != 0 {
		t.Errorf("missing field = %d, want 0", got)
	}
	if got := procField("VmHWM:\tlots kB\n", "VmHWM"); got != 0 {
		t.Errorf("bad number = %d, want 0", got)
	}
}

func TestParseLoadAvg(t *testing.T) {
	if got := parseLoadAvg("0.52 1.03 2.00 1/123 4567\n"); got != "0.52, 1.03, 2.00" {
		t.Errorf("parseLoadAvg = %q", got)
	}
	if got := parseLoadAvg(""); got != "" {
		t.Errorf("empty loadavg = %q", got)
	}
}
