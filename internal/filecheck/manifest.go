// Package filecheck checks a Matomo installation on disk: file integrity
// against the release manifest, the .htaccess files Matomo writes, the
// permissions of config.ini.php and the age of backups.
package filecheck

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// ManifestPath is the location of a Matomo release package's manifest,
// relative to the Matomo root. Git checkouts have none.
const ManifestPath = "config/manifest.inc.php"

// Algorithm is the hash function of a manifest entry.
type Algorithm int

// Matomo's build script wrote md5 sums up to 5.1.x and sha256 sums from
// 5.2.0 on, and the length of the hex digest distinguishes them.
const (
	MD5 Algorithm = iota + 1
	SHA256
)

func (a Algorithm) String() string {
	switch a {
	case MD5:
		return "md5"
	case SHA256:
		return "sha256"
	}
	return "unknown"
}

// ManifestEntry is the expected size and digest of one release file.
type ManifestEntry struct {
	Size      int64
	Algorithm Algorithm
	Digest    []byte
}

// Manifest is the parsed config/manifest.inc.php of a release package.
type Manifest struct {
	// Files maps a path relative to the Matomo root to its entry.
	Files map[string]ManifestEntry
	// Plugins are the plugin directories that have files in the manifest.
	// Matomo's integrity check skips files of every other plugin.
	Plugins map[string]bool
}

// Algorithm returns the hash function of the first entry, which the build
// script uses for every entry.
func (m *Manifest) Algorithm() Algorithm {
	for _, e := range m.Files {
		return e.Algorithm
	}
	return 0
}

// A manifest line looks like
//
//	"core/Piwik.php" => array("12345", "<hex digest>"),
//
// as written by .github/scripts/build-package.sh of matomo-org/matomo.
var manifestLine = regexp.MustCompile(`^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*=>\s*array\(\s*["']?(\d+)["']?\s*,\s*["']([0-9a-fA-F]+)["']\s*\)\s*,?\s*$`)

// ParseManifest reads the PHP source of config/manifest.inc.php. It does
// not run PHP: it reads the array entries line by line, which is the only
// form Matomo's build script writes, and fails when the file has none.
func ParseManifest(r io.Reader) (*Manifest, error) {
	m := &Manifest{
		Files:   map[string]ManifestEntry{},
		Plugins: map[string]bool{},
	}

	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	sawClass := false
	lineNo := 0
	for scanner.Scan() {
		lineNo++
		line := scanner.Bytes()
		if bytes.Contains(line, []byte("class Manifest")) {
			sawClass = true
		}
		if !bytes.Contains(line, []byte("=>")) {
			continue
		}
		match := manifestLine.FindSubmatch(line)
		if match == nil {
			return nil, fmt.Errorf("line %d: invalid manifest entry; expected \"path\" => array(\"size\", \"hash\")", lineNo)
		}
		path := unquotePHP(string(match[1]))
		if len(match[2]) > 0 {
			path = unquotePHP(string(match[2]))
		}
		if !validPath(path) {
			return nil, fmt.Errorf("line %d: invalid path %q; manifest paths are relative and stay inside the Matomo root", lineNo, path)
		}
		entry, err := parseEntry(string(match[3]), string(match[4]))
		if err != nil {
			return nil, fmt.Errorf("line %d (%s): %w", lineNo, path, err)
		}
		m.add(path, entry)
	}
	if err := scanner.Err(); err != nil {
		return nil, err
	}
	if !sawClass || len(m.Files) == 0 {
		return nil, fmt.Errorf("no Manifest class with file entries found; is this a Matomo %s?", ManifestPath)
	}
	return m, nil
}

func parseEntry(size, digest string) (ManifestEntry, error) {
	n, err := strconv.ParseInt(size, 10, 64)
	if err != nil {
		return ManifestEntry{}, fmt.Errorf("invalid size %q", size)
	}
	raw, err := hex.DecodeString(digest)
	if err != nil {
		return ManifestEntry{}, fmt.Errorf("invalid hash %q", digest)
	}
	var algo Algorithm
	switch len(raw) {
	case 16:
		algo = MD5
	case 32:
		algo = SHA256
	default:
		return ManifestEntry{}, fmt.Errorf("hash of %d hex digits is neither md5 (32) nor sha256 (64)", len(digest))
	}
	return ManifestEntry{Size: n, Algorithm: algo, Digest: raw}, nil
}

func (m *Manifest) add(path string, e ManifestEntry) {
	m.Files[path] = e

	if rest, ok := strings.CutPrefix(path, "plugins/"); ok {
		if name, _, found := strings.Cut(rest, "/"); found {
			m.Plugins[name] = true
		}
	}
}

// validPath rejects a path that would leave the Matomo root, so that a
// tampered manifest cannot make the exporter read files elsewhere.
func validPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.ContainsRune(p, 0) {
		return false
	}
	for _, segment := range strings.Split(p, "/") {
		if segment == ".." {
			return false
		}
	}
	return true
}

// unquotePHP resolves the escapes a PHP string literal may contain in a
// file name: backslash before a quote, a backslash or a dollar sign.
func unquotePHP(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"'\$`, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
