package collector

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/filecheck"
	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

func newFilesScrape(t testing.TB, root string, opts Options, logs *bytes.Buffer) *Scrape {
	t.Helper()
	logger := slog.New(slog.DiscardHandler)
	if logs != nil {
		logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return NewInstance(InstanceConfig{Name: uniqueName(t), Root: root}, opts, logger).newScrape()
}

func TestFilesCollectorTrees(t *testing.T) {
	for _, tree := range []string{"md5", "sha256"} {
		t.Run(tree, func(t *testing.T) {
			root := testdb.CopyWebroot(t, tree)
			if err := os.Chmod(filepath.Join(root, "config", "config.ini.php"), 0o640); err != nil {
				t.Fatal(err)
			}
			backups := t.TempDir()
			backupTime := time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)
			backup := filepath.Join(backups, "matomo-2026-11-30.sql.gz")
			if err := os.WriteFile(backup, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(backup, backupTime, backupTime); err != nil {
				t.Fatal(err)
			}
			s := newFilesScrape(t, root, Options{BackupGlob: filepath.Join(backups, "matomo-*.sql.gz")}, nil)

			got, err := updateOnce(t, context.Background(), filesCollector{}, s)
			if err != nil {
				t.Fatalf("Update: %v", err)
			}

			assertSeries(t, got, map[string]float64{
				"matomo_files_manifest_present": 1,
				"matomo_files_missing":          1,
				// matomo.js differs too, but without a plugin list
				// CustomJsTracker counts as activated, which may rebuild it.
				"matomo_files_modified":                                    3,
				"matomo_files_unexpected":                                  2,
				`matomo_files_check_success{check="integrity"}`:            1,
				`matomo_files_check_success{check="security_files"}`:       1,
				`matomo_files_check_success{check="config_file"}`:          1,
				`matomo_files_check_success{check="backup"}`:               1,
				"matomo_security_files_missing":                            1,
				`matomo_security_file_present{path="misc/user/.htaccess"}`: 0,
				`matomo_security_file_present{path="config/.htaccess"}`:    1,
				`matomo_security_file_present{path="tmp/.htaccess"}`:       1,
				"matomo_config_file_world_readable":                        0,
				"matomo_config_file_group_writable":                        0,
				"matomo_config_file_owner_uid":                             float64(os.Getuid()),
				"matomo_backup_last_timestamp_seconds":                     float64(backupTime.Unix()),
			})
			if _, ok := got[`matomo_security_file_present{path="node_modules/.htaccess"}`]; ok {
				t.Error("node_modules/.htaccess reported although node_modules does not exist")
			}
		})
	}
}

func TestFilesWorldReadableConfig(t *testing.T) {
	root := testdb.CopyWebroot(t, "md5")
	if err := os.Chmod(filepath.Join(root, "config", "config.ini.php"), 0o664); err != nil {
		t.Fatal(err)
	}
	got, err := updateOnce(t, context.Background(), filesCollector{}, newFilesScrape(t, root, Options{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	assertSeries(t, got, map[string]float64{
		"matomo_config_file_world_readable": 1,
		"matomo_config_file_group_writable": 1,
	})
}

func TestFilesWithoutManifest(t *testing.T) {
	root := testdb.CopyWebroot(t, "sha256")
	if err := os.Remove(filepath.Join(root, "config", "manifest.inc.php")); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	got, err := updateOnce(t, context.Background(), filesCollector{}, newFilesScrape(t, root, Options{}, &logs))
	if err != nil {
		t.Fatalf("Update: %v; a missing manifest is no collector failure", err)
	}
	assertSeries(t, got, map[string]float64{
		"matomo_files_manifest_present":                 0,
		`matomo_files_check_success{check="integrity"}`: 0,
		"matomo_security_files_missing":                 1,
	})
	// Without a manifest nothing can be counted; 0 would claim a clean tree.
	assertAbsent(t, got, "matomo_files_missing", "matomo_files_modified", "matomo_files_unexpected")
	if !strings.Contains(logs.String(), "No release manifest") {
		t.Errorf("no log line about the missing manifest:\n%s", logs.String())
	}
}

func TestFilesBackup(t *testing.T) {
	root := testdb.CopyWebroot(t, "md5")

	t.Run("no glob", func(t *testing.T) {
		got, err := updateOnce(t, context.Background(), filesCollector{}, newFilesScrape(t, root, Options{}, nil))
		if err != nil {
			t.Fatal(err)
		}
		assertAbsent(t, got, "matomo_backup_last_timestamp_seconds")
		if _, ok := got[`matomo_files_check_success{check="backup"}`]; ok {
			t.Error("backup check reported although no pattern is set")
		}
	})

	t.Run("no match", func(t *testing.T) {
		var logs bytes.Buffer
		opts := Options{BackupGlob: filepath.Join(t.TempDir(), "*.sql.gz")}
		got, err := updateOnce(t, context.Background(), filesCollector{}, newFilesScrape(t, root, opts, &logs))
		if err != nil {
			t.Fatal(err)
		}
		assertSeries(t, got, map[string]float64{
			"matomo_backup_last_timestamp_seconds":       0,
			`matomo_files_check_success{check="backup"}`: 1,
		})
		if !strings.Contains(logs.String(), "no regular file matches the backup pattern") {
			t.Errorf("no log line about the missing backup:\n%s", logs.String())
		}
	})

	t.Run("invalid pattern", func(t *testing.T) {
		got, err := updateOnce(t, context.Background(), filesCollector{}, newFilesScrape(t, root, Options{BackupGlob: "/tmp/[x"}, nil))
		if err == nil || !strings.Contains(err.Error(), "/tmp/[x") {
			t.Errorf("error = %v, want one naming the pattern", err)
		}
		assertSeries(t, got, map[string]float64{`matomo_files_check_success{check="backup"}`: 0})
	})
}

func TestFilesMissingConfig(t *testing.T) {
	root := testdb.CopyWebroot(t, "md5")
	if err := os.Remove(filepath.Join(root, "config", "config.ini.php")); err != nil {
		t.Fatal(err)
	}
	got, err := updateOnce(t, context.Background(), filesCollector{}, newFilesScrape(t, root, Options{}, nil))
	if err == nil || !strings.Contains(err.Error(), "config.ini.php") {
		t.Errorf("error = %v, want one naming config.ini.php", err)
	}
	assertSeries(t, got, map[string]float64{
		`matomo_files_check_success{check="config_file"}`: 0,
		`matomo_files_check_success{check="integrity"}`:   1,
	})
	assertAbsent(t, got, "matomo_config_file_world_readable")
}

func TestFilesNotConfigured(t *testing.T) {
	s := NewInstance(InstanceConfig{Name: uniqueName(t)}, Options{}, slog.New(slog.DiscardHandler)).newScrape()
	_, err := updateOnce(t, context.Background(), filesCollector{}, s)
	if !errors.Is(err, ErrNotConfigured) {
		t.Errorf("error = %v, want ErrNotConfigured", err)
	}
}

// generateTree writes files files into root, 50 per directory, and a
// sha256 manifest that lists all of them, as a release package has.
func generateTree(b *testing.B, root string, files int) {
	b.Helper()
	var manifest bytes.Buffer
	manifest.WriteString("<?php\nnamespace Piwik;\nclass Manifest {\n\tstatic $files=array(\n")
	for i := range files {
		rel := fmt.Sprintf("plugins/P%03d/lib/file%05d.php", i/50, i)
		content := []byte(fmt.Sprintf("<?php\n// generated file %d\n%s\n", i, strings.Repeat("x", i%4096)))
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, content, 0o644); err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(&manifest, "\t\t\"%s\" => array(\"%d\", \"%x\"),\n", rel, len(content), sha256.Sum256(content))
	}
	manifest.WriteString("\t);\n}\n")
	if err := os.MkdirAll(filepath.Join(root, "config"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "config", "manifest.inc.php"), manifest.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "config", "config.ini.php"), []byte("; <?php exit; ?>\n"), 0o640); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFilesUnchangedTree measures a scrape of the files collector
// over a tree of 20,000 files whose hashes are already cached. It also
// reports how long the first scrape, which hashes every file, took.
func BenchmarkFilesUnchangedTree(b *testing.B) {
	root := b.TempDir()
	generateTree(b, root, 20000)
	s := NewInstance(InstanceConfig{Name: b.Name(), Root: root}, Options{}, slog.New(slog.DiscardHandler)).newScrape()
	ch := make(chan prometheus.Metric, 64)
	go func() {
		for range ch {
		}
	}()
	defer close(ch)

	begin := time.Now()
	if err := (filesCollector{}).Update(context.Background(), s, ch); err != nil {
		b.Fatal(err)
	}
	firstScrape := time.Since(begin)

	for b.Loop() {
		if err := (filesCollector{}).Update(context.Background(), s, ch); err != nil {
			b.Fatal(err)
		}
	}

	b.StopTimer()
	b.ReportMetric(firstScrape.Seconds(), "first-scrape-s")
	checker, _ := integrityCheckers.Load(root)
	res, err := checker.(*filecheck.Checker).Check(context.Background(), filecheck.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if res.Hashed != 0 || len(res.Modified) != 0 || len(res.Missing) != 0 {
		b.Fatalf("unchanged tree: hashed %d, modified %d, missing %d; want 0 each", res.Hashed, len(res.Modified), len(res.Missing))
	}
}
