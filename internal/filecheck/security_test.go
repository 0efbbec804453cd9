package filecheck

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

func TestSecurityFiles(t *testing.T) {
	root := testdb.CopyWebroot(t, "md5")
	if err := os.Mkdir(filepath.Join(root, "node_modules"), 0o755); err != nil {
		t.Fatal(err)
	}

	files, err := SecurityFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]SecurityFile{}
	for _, f := range files {
		got[f.Path] = f
	}
	if len(got) != len(SecurityDirs) {
		t.Fatalf("got %d entries, want one per directory in %v", len(got), SecurityDirs)
	}

	tests := []struct {
		path              string
		dirExists, exists bool
	}{
		{"config/.htaccess", true, true},
		{"tmp/.htaccess", true, true},
		{"misc/user/.htaccess", true, false},
		{"node_modules/.htaccess", true, false},
	}
	for _, tt := range tests {
		f := got[tt.path]
		if f.DirExists != tt.dirExists || f.Present != tt.exists {
			t.Errorf("%s: dir exists %v, present %v; want %v, %v", tt.path, f.DirExists, f.Present, tt.dirExists, tt.exists)
		}
	}

	// Without the directory no file is expected.
	if err := os.RemoveAll(filepath.Join(root, "node_modules")); err != nil {
		t.Fatal(err)
	}
	files, err = SecurityFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == "node_modules/.htaccess" && f.DirExists {
			t.Error("node_modules reported as existing after it was removed")
		}
	}
}

func TestFilePermissions(t *testing.T) {
	tests := []struct {
		mode                         os.FileMode
		worldReadable, groupWritable bool
	}{
		{0o644, true, false},
		{0o640, false, false},
		{0o660, false, true},
		{0o600, false, false},
		{0o666, true, true},
	}
	file := filepath.Join(t.TempDir(), "config.ini.php")
	if err := os.WriteFile(file, []byte("; <?php exit; ?>\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if err := os.Chmod(file, tt.mode); err != nil {
			t.Fatal(err)
		}
		p, err := FilePermissions(file)
		if err != nil {
			t.Fatal(err)
		}
		if p.WorldReadable != tt.worldReadable {
			t.Errorf("mode %o: world readable = %v, want %v", tt.mode, p.WorldReadable, tt.worldReadable)
		}
		if p.GroupWritable != tt.groupWritable {
			t.Errorf("mode %o: group writable = %v, want %v", tt.mode, p.GroupWritable, tt.groupWritable)
		}
		if !p.OwnerKnown || p.OwnerUID != uint32(os.Getuid()) {
			t.Errorf("mode %o: owner = %d (known %v), want %d", tt.mode, p.OwnerUID, p.OwnerKnown, os.Getuid())
		}
	}

	if _, err := FilePermissions(filepath.Join(t.TempDir(), "absent")); !os.IsNotExist(err) {
		t.Errorf("absent file: error = %v, want not-exist", err)
	}
}

func TestNewestMatch(t *testing.T) {
	dir := t.TempDir()
	older := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	newer := time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)
	for name, mtime := range map[string]time.Time{"matomo-1.sql.gz": older, "matomo-2.sql.gz": newer} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(file, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	// A directory matching the pattern is no backup file.
	if err := os.Mkdir(filepath.Join(dir, "matomo-3.sql.gz"), 0o755); err != nil {
		t.Fatal(err)
	}

	got, count, err := NewestMatch(filepath.Join(dir, "matomo-*.sql.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if count != 2 {
		t.Errorf("count = %d, want 2", count)
	}
	if !got.Equal(newer) {
		t.Errorf("newest = %v, want %v", got, newer)
	}

	_, count, err = NewestMatch(filepath.Join(dir, "none-*"))
	if err != nil || count != 0 {
		t.Errorf("no match: count %d, error %v; want 0, nil", count, err)
	}
	if _, _, err := NewestMatch("[invalid"); err == nil {
		t.Error("invalid pattern accepted")
	}
}
