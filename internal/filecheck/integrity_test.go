package filecheck

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

// testTree returns the path of a tree under testdata/webroot.
func testTree(name string) string {
	return filepath.Join("..", "..", "testdata", "webroot", name)
}

var (
	wantMissing    = []string{"core/Missing.php"}
	wantModified   = []string{"core/Version.php", "matomo.js", "plugins/Login/Login.php", "plugins/Morpheus/images/logo.png"}
	wantUnexpected = []string{"config/config.ini.php.bak", "core/shell.php"}
)

func TestCheckTrees(t *testing.T) {
	tests := []struct {
		tree      string
		algorithm Algorithm
	}{
		{"md5", MD5},
		{"sha256", SHA256},
	}
	for _, tt := range tests {
		t.Run(tt.tree, func(t *testing.T) {
			res, err := NewChecker(testTree(tt.tree)).Check(context.Background(), Options{})
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			if !res.ManifestFound {
				t.Fatal("manifest not found")
			}
			if res.Algorithm != tt.algorithm {
				t.Errorf("algorithm = %v, want %v", res.Algorithm, tt.algorithm)
			}
			if res.ManifestFiles != 15 {
				t.Errorf("manifest files = %d, want 15", res.ManifestFiles)
			}
			if !reflect.DeepEqual(res.Missing, wantMissing) {
				t.Errorf("missing = %v, want %v", res.Missing, wantMissing)
			}
			if !reflect.DeepEqual(res.Modified, wantModified) {
				t.Errorf("modified = %v, want %v", res.Modified, wantModified)
			}
			if !reflect.DeepEqual(res.Unexpected, wantUnexpected) {
				t.Errorf("unexpected = %v, want %v", res.Unexpected, wantUnexpected)
			}
			if len(res.UnreadableDirs) != 0 {
				t.Errorf("unreadable dirs = %v, want none", res.UnreadableDirs)
			}
		})
	}
}

func TestCheckAcceptModified(t *testing.T) {
	accept := func(p string) bool { return p == "matomo.js" }
	res, err := NewChecker(testTree("sha256")).Check(context.Background(), Options{AcceptModified: accept})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"core/Version.php", "plugins/Login/Login.php", "plugins/Morpheus/images/logo.png"}
	if !reflect.DeepEqual(res.Modified, want) {
		t.Errorf("modified = %v, want %v", res.Modified, want)
	}
}

func TestCheckWithoutManifest(t *testing.T) {
	root := testdb.CopyWebroot(t, "sha256")
	if err := os.Remove(filepath.Join(root, "config", "manifest.inc.php")); err != nil {
		t.Fatal(err)
	}
	res, err := NewChecker(root).Check(context.Background(), Options{})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if res.ManifestFound {
		t.Error("ManifestFound = true without a manifest")
	}
	if res.Missing != nil || res.Modified != nil || res.Unexpected != nil {
		t.Errorf("result has findings without a manifest: %+v", res)
	}
}

func TestCheckInvalidManifest(t *testing.T) {
	root := testdb.CopyWebroot(t, "md5")
	if err := os.WriteFile(filepath.Join(root, "config", "manifest.inc.php"), []byte("<?php\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewChecker(root).Check(context.Background(), Options{})
	if err == nil {
		t.Fatal("Check accepted a manifest without entries")
	}
}

func TestCheckCachesDigests(t *testing.T) {
	root := testdb.CopyWebroot(t, "sha256")
	c := NewChecker(root)
	ctx := context.Background()

	first, err := c.Check(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Hashed == 0 {
		t.Fatal("first run hashed nothing")
	}

	second, err := c.Check(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if second.Hashed != 0 {
		t.Errorf("unchanged tree: hashed %d files, want 0", second.Hashed)
	}
	if !reflect.DeepEqual(second.Modified, first.Modified) {
		t.Errorf("cached run: modified = %v, want %v", second.Modified, first.Modified)
	}

	// Same size, other content, old mtime restored: the change time still
	// changes, so the file is hashed again.
	file := filepath.Join(root, "core", "Piwik.php")
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-2] = 'X'
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}

	third, err := c.Check(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if third.Hashed != 1 {
		t.Errorf("one changed file: hashed %d files, want 1", third.Hashed)
	}
	want := []string{"core/Piwik.php", "core/Version.php", "matomo.js", "plugins/Login/Login.php", "plugins/Morpheus/images/logo.png"}
	if !reflect.DeepEqual(third.Modified, want) {
		t.Errorf("modified = %v, want %v", third.Modified, want)
	}
}

func TestCheckSkipsHiddenAndLinkedDirs(t *testing.T) {
	root := testdb.CopyWebroot(t, "md5")
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "evil.php"), []byte("<?php"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "core", "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, ".git", "config"), []byte("[core]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A hidden file is listed, as PHP's glob(".*") lists it.
	if err := os.WriteFile(filepath.Join(root, "core", ".env"), []byte("X=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	res, err := NewChecker(root).Check(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"config/config.ini.php.bak", "core/.env", "core/shell.php"}
	if !reflect.DeepEqual(res.Unexpected, want) {
		t.Errorf("unexpected = %v, want %v", res.Unexpected, want)
	}
}

func TestCheckUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file regardless of its mode")
	}
	root := testdb.CopyWebroot(t, "md5")
	if err := os.Chmod(filepath.Join(root, "core", "Piwik.php"), 0); err != nil {
		t.Fatal(err)
	}
	res, err := NewChecker(root).Check(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"core/Missing.php", "core/Piwik.php"}
	if !reflect.DeepEqual(res.Missing, want) {
		t.Errorf("missing = %v, want %v", res.Missing, want)
	}
}

func TestCheckCanceled(t *testing.T) {
	root := testdb.CopyWebroot(t, "sha256")
	c := NewChecker(root)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Check(ctx, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled run: error = %v, want context.Canceled", err)
	}

	res, err := c.Check(context.Background(), Options{})
	if err != nil {
		t.Fatalf("run after a canceled one: %v", err)
	}
	if !reflect.DeepEqual(res.Modified, wantModified) {
		t.Errorf("modified = %v, want %v", res.Modified, wantModified)
	}
}

func TestCheckWaitsForRunningCheck(t *testing.T) {
	c := NewChecker(testTree("md5"))
	c.lock <- struct{}{} // another run holds the lock
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := c.Check(ctx, Options{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %v, want context.DeadlineExceeded", err)
	}
}
