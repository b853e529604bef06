package export

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// staging is a temporary folder inside the target folder that the files are
// written to first. Nothing reaches the target until commit moves them in,
// so a failure leaves the target as it was.
type staging struct {
	dir, tmp string
}

// stage checks the target folder and opens a staging folder in it. It
// creates the target when it does not exist. A target that cannot be
// written, or that holds .tf files when force is false, is bad input.
func stage(dir string, force bool) (*staging, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, badInput("cannot create the folder %s: %v", dir, err)
	}
	if !force {
		existing, err := filepath.Glob(filepath.Join(dir, "*.tf"))
		if err != nil {
			return nil, badInput("cannot read the folder %s: %v", dir, err)
		}
		if len(existing) > 0 {
			names := make([]string, len(existing))
			for i, p := range existing {
				names[i] = filepath.Base(p)
			}
			return nil, badInput("the folder %s already holds .tf files (%s); export into an empty folder, or give -force "+
				"to overwrite the files the export writes", dir, strings.Join(names, ", "))
		}
	}
	tmp, err := os.MkdirTemp(dir, ".smartassist-export-")
	if err != nil {
		return nil, badInput("cannot write to the folder %s: %v", dir, err)
	}
	return &staging{dir: dir, tmp: tmp}, nil
}

// commit writes files into the staging folder, then moves each into the
// target folder, in name order, and removes the staging folder.
func (s *staging) commit(files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(s.tmp, name), files[name], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	for _, name := range names {
		if err := os.Rename(filepath.Join(s.tmp, name), filepath.Join(s.dir, name)); err != nil {
			return fmt.Errorf("moving %s into %s: %w", name, s.dir, err)
		}
	}
	return s.discard()
}

// discard removes the staging folder and whatever it holds.
func (s *staging) discard() error { return os.RemoveAll(s.tmp) }
