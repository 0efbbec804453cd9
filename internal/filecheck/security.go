package filecheck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// SecurityDirs are the directories in which ./console
// core:create-security-files writes an .htaccess file
// (plugins/Installation/ServerFilesGenerator.php). Matomo also protects
// .git when the web server may write to it; that condition cannot be
// seen from outside PHP, so .git is left out.
var SecurityDirs = []string{
	"config", "core", "js", "lang", "libs", "misc/user", "node_modules", "plugins", "tmp", "vendor",
}

// SecurityFile is the state of the .htaccess file of one directory.
type SecurityFile struct {
	// Path is the .htaccess path relative to the Matomo root.
	Path string
	// DirExists is false when the directory is absent; Matomo writes no
	// file there and none is expected.
	DirExists bool
	Present   bool
}

// SecurityFiles checks the .htaccess file of every directory in
// SecurityDirs. It fails only when a directory or file cannot be examined.
func SecurityFiles(root string) ([]SecurityFile, error) {
	out := make([]SecurityFile, 0, len(SecurityDirs))
	for _, dir := range SecurityDirs {
		sf := SecurityFile{Path: dir + "/.htaccess"}

		fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(dir)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, sf)
			continue
		case err != nil:
			return nil, fmt.Errorf("cannot examine %s: %w", dir, err)
		}
		sf.DirExists = fi.IsDir()
		if !sf.DirExists {
			out = append(out, sf)
			continue
		}

		fi, err = os.Stat(filepath.Join(root, filepath.FromSlash(sf.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("cannot examine %s: %w", sf.Path, err)
		default:
			sf.Present = fi.Mode().IsRegular()
		}
		out = append(out, sf)
	}
	return out, nil
}

// Permissions of a file that matter for config.ini.php.
type Permissions struct {
	WorldReadable bool
	GroupWritable bool
	OwnerUID      uint32
	// OwnerKnown is false where the platform does not expose the owner.
	OwnerKnown bool
}

// FilePermissions returns the permissions of file, following symbolic
// links as PHP and the web server do.
func FilePermissions(file string) (Permissions, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return Permissions{}, err
	}
	mode := fi.Mode().Perm()
	p := Permissions{
		WorldReadable: mode&0o004 != 0,
		GroupWritable: mode&0o020 != 0,
	}
	p.OwnerUID, p.OwnerKnown = OwnerUID(fi)
	return p, nil
}

// NewestMatch returns the latest modification time among the regular files
// that match pattern (filepath.Glob syntax) and how many regular files
// matched. Symbolic links are followed.
func NewestMatch(pattern string) (time.Time, int, error) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return time.Time{}, 0, fmt.Errorf("invalid backup pattern %q: %w", pattern, err)
	}
	var newest time.Time
	count := 0
	for _, m := range matches {
		fi, err := os.Stat(m)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		count++
		if fi.ModTime().After(newest) {
			newest = fi.ModTime()
		}
	}
	return newest, count, nil
}
