package collector

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/filecheck"
)

// The files collector checks the Matomo root on disk: file integrity
// against the release manifest, the .htaccess files Matomo writes, the
// permissions of config.ini.php and the age of the newest backup.
func init() {
	register("files", true, filesCollector{})
}

var (
	filesMissingDesc = newDesc("files_missing",
		"Files of the release manifest (config/manifest.inc.php) that are missing or unreadable. Absent when the installation has no manifest; see matomo_files_manifest_present.")
	filesModifiedDesc = newDesc("files_modified",
		"Files whose size or hash differs from the release manifest (md5 up to Matomo 5.1, sha256 from 5.2). Hashes are cached between scrapes and a file is read again only when its size, mtime, ctime or inode changed. Absent without a manifest.")
	filesUnexpectedDesc = newDesc("files_unexpected",
		"Files under the Matomo root that neither the manifest nor Matomo's own ignore list accounts for, found as ./console diagnostics:unexpected-files finds them, but counting files inside unexpected directories too. Absent without a manifest.")
	manifestPresentDesc = newDesc("files_manifest_present",
		"Whether config/manifest.inc.php exists. A git checkout has none, and its integrity cannot be checked.")
	filesCheckSuccessDesc = newDesc("files_check_success",
		"Whether a file check completed: integrity (0 also when there is no manifest), security_files, config_file and backup.",
		"check")
	securityFilesMissingDesc = newDesc("security_files_missing",
		"Directories that exist but lack the .htaccess file ./console core:create-security-files writes (config, core, js, lang, libs, misc/user, node_modules, plugins, tmp, vendor).")
	securityFilePresentDesc = newDesc("security_file_present",
		"Whether the .htaccess file that ./console core:create-security-files writes exists; only for directories that exist.",
		"path")
	configWorldReadableDesc = newDesc("config_file_world_readable",
		"Whether config/config.ini.php, which holds the database password and salt, is readable by every local user.")
	configGroupWritableDesc = newDesc("config_file_group_writable",
		"Whether config/config.ini.php is writable by its group.")
	configOwnerDesc = newDesc("config_file_owner_uid",
		"The numeric user id that owns config/config.ini.php.")
	backupLastDesc = newDesc("backup_last_timestamp_seconds",
		"Modification time of the newest regular file matching --collector.backup.path-glob, as a unix timestamp; 0 when nothing matches.")
)

type filesCollector struct{}

func (filesCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	root := s.Root()
	if root == "" {
		return ErrNotConfigured
	}

	errs := []error{
		sendSecurityFiles(ch, s, root),
		sendConfigPermissions(ch, s, root),
		sendBackup(ch, s),
		sendIntegrity(ctx, ch, s, root),
	}
	return errors.Join(errs...)
}

func sendSecurityFiles(ch chan<- prometheus.Metric, s *Scrape, root string) error {
	files, err := filecheck.SecurityFiles(root)
	gauge(ch, filesCheckSuccessDesc, boolValue(err == nil), "security_files")
	if err != nil {
		return err
	}
	missing := 0
	for _, f := range files {
		if !f.DirExists {
			continue
		}
		gauge(ch, securityFilePresentDesc, boolValue(f.Present), f.Path)
		if !f.Present {
			missing++
		}
	}
	gauge(ch, securityFilesMissingDesc, float64(missing))
	return nil
}

func sendConfigPermissions(ch chan<- prometheus.Metric, s *Scrape, root string) error {
	file := s.inst.cfg.ConfigFile
	if file == "" {
		file = filepath.Join(root, "config", "config.ini.php")
	}
	perm, err := filecheck.FilePermissions(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = fmt.Errorf("config file %s not found; set --matomo.config-file or --matomo.root", file)
	case err != nil:
		err = fmt.Errorf("cannot examine the config file: %w", err)
	}
	gauge(ch, filesCheckSuccessDesc, boolValue(err == nil), "config_file")
	if err != nil {
		return err
	}
	gauge(ch, configWorldReadableDesc, boolValue(perm.WorldReadable))
	gauge(ch, configGroupWritableDesc, boolValue(perm.GroupWritable))
	if perm.OwnerKnown {
		gauge(ch, configOwnerDesc, float64(perm.OwnerUID))
	}
	return nil
}

func sendBackup(ch chan<- prometheus.Metric, s *Scrape) error {
	pattern := s.Options.BackupGlob
	if pattern == "" {
		return nil
	}
	newest, count, err := filecheck.NewestMatch(pattern)
	gauge(ch, filesCheckSuccessDesc, boolValue(err == nil), "backup")
	if err != nil {
		return err
	}
	value := 0.0
	if count > 0 {
		value = float64(newest.Unix())
	}
	gauge(ch, backupLastDesc, value)

	var noMatch error
	if count == 0 {
		noMatch = fmt.Errorf("no regular file matches the backup pattern %q", pattern)
	}
	logOnChange(s, "backup", "No backup file found", noMatch)
	return nil
}

// integrityCheckers keeps one Checker, and with it the hash cache, per
// Matomo root for the life of the process.
var integrityCheckers sync.Map

func sendIntegrity(ctx context.Context, ch chan<- prometheus.Metric, s *Scrape, root string) error {
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	checker, _ := integrityCheckers.LoadOrStore(abs, filecheck.NewChecker(abs))

	res, err := checker.(*filecheck.Checker).Check(ctx, filecheck.Options{
		AcceptModified: trackerRebuiltBy(ctx, s),
	})
	gauge(ch, filesCheckSuccessDesc, boolValue(err == nil && res.ManifestFound), "integrity")
	if err != nil {
		return fmt.Errorf("file integrity check: %w", err)
	}
	gauge(ch, manifestPresentDesc, boolValue(res.ManifestFound))
	if !res.ManifestFound {
		logOnce(s, "no-manifest "+abs, func() {
			s.Logger.Info("No release manifest; file integrity cannot be checked (normal for a git checkout)",
				"manifest", filepath.Join(abs, filecheck.ManifestPath))
		})
		return nil
	}

	gauge(ch, filesMissingDesc, float64(len(res.Missing)))
	gauge(ch, filesModifiedDesc, float64(len(res.Modified)))
	gauge(ch, filesUnexpectedDesc, float64(len(res.Unexpected)))

	s.Logger.Debug("File integrity checked",
		"manifest_files", res.ManifestFiles, "algorithm", res.Algorithm.String(), "hashed", res.Hashed,
		"missing", examples(res.Missing), "modified", examples(res.Modified), "unexpected", examples(res.Unexpected))
	var unreadable error
	if len(res.UnreadableDirs) > 0 {
		unreadable = fmt.Errorf("cannot list %d directories, so unexpected files in them are not counted: %s",
			len(res.UnreadableDirs), examples(res.UnreadableDirs))
	}
	logOnChange(s, "files unexpected", "Unexpected-file search incomplete", unreadable)
	return nil
}

// trackerRebuiltBy returns the rule Matomo applies to matomo.js and
// piwik.js: the CustomJsTracker plugin rewrites them, so they may differ
// from the manifest while that plugin is activated. It is a default
// plugin, so it counts as activated when the plugin list is unavailable.
func trackerRebuiltBy(ctx context.Context, s *Scrape) func(string) bool {
	return func(path string) bool {
		if path != "matomo.js" && path != "piwik.js" {
			return false
		}
		plugins, err := s.Plugins(ctx)
		if err != nil {
			return true
		}
		active, listed := plugins.Activated["CustomJsTracker"]
		return active || !listed
	}
}

// examples shortens a path list for a log line.
func examples(paths []string) string {
	const limit = 10
	if len(paths) <= limit {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:limit], ", "), len(paths)-limit)
}
