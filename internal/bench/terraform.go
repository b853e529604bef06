package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// killGrace is how long an interrupted terraform gets to stop on its own
// before its whole process group is killed.
const killGrace = 3 * time.Second

// TailLines is how many lines of a failed command's output are shown.
const TailLines = 30

// CommandError is a terraform command that failed, with the end of its
// output.
type CommandError struct {
	Args     []string
	ExitCode int
	Tail     string
}

func (e *CommandError) Error() string {
	return fmt.Sprintf("terraform %s exited with %d; its last %d lines:\n%s",
		strings.Join(e.Args, " "), e.ExitCode, TailLines, e.Tail)
}

// runTerraform runs terraform in dir with env, writing its output to
// logPath. The process runs in its own process group: a Ctrl-C reaches the
// benchmark, which cancels ctx; terraform and the providers it started then
// get SIGINT and, after killGrace, SIGKILL, so that none outlives the run.
// It returns terraform's exit code; err is set only when terraform could
// not run or was interrupted.
func runTerraform(ctx context.Context, tf, dir string, env []string, logPath string, args ...string) (int, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return -1, err
	}
	defer logf.Close()

	cmd := exec.CommandContext(ctx, tf, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }
	cmd.WaitDelay = killGrace
	if err := cmd.Start(); err != nil {
		return -1, err
	}
	err = cmd.Wait()
	if ctx.Err() != nil {
		// Whatever of the group is left (a provider terraform did not stop).
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		return -1, ctx.Err()
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	if err != nil {
		return -1, err
	}
	return 0, nil
}

// tailFile returns the last n lines of a file.
func tailFile(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(no output: " + err.Error() + ")"
	}
	return lastLines(string(b), n)
}

func lastLines(text string, n int) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// TerraformVersion returns the version terraform reports, such as "1.11.4".
func TerraformVersion(ctx context.Context, tf string, env []string) (string, error) {
	cmd := exec.CommandContext(ctx, tf, "version", "-json")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("terraform version: %w", err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(out), &v); err != nil || v.Version == "" {
		return "", fmt.Errorf("terraform version -json: unexpected output %q", out)
	}
	return v.Version, nil
}
