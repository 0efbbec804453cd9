package config

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"strconv"
	"strings"
)

// Matomo is the merged view of config/global.ini.php (defaults),
// config/common.config.ini.php and config/config.ini.php, merged the way
// Matomo's core/Config/IniFileChain.php does:
//
//   - global.ini.php and common.config.ini.php merge key by key, and arrays
//     merge element by element (array_merge_recursive_distinct), so a list in
//     common.config.ini.php replaces the first elements of the global list;
//   - each section of config.ini.php then replaces the keys it sets
//     (array_merge), so a list there replaces the whole list. Matomo writes
//     complete lists such as [Plugins] Plugins[] into config.ini.php.
//
// NOTE: Matomo can also read a per-host config/<host>.config.ini.php instead
// of config.ini.php, and plugins can change settings at run time
// ($GLOBALS['MATOMO_MODIFY_CONFIG_SETTINGS']). The exporter reads only the
// file it is given.
type Matomo struct {
	configFile string
	root       string
	// globalFile is the global.ini.php that was read, "" when the built-in
	// defaults were used.
	globalFile string
	commonFile string
	merged     *phpArray
}

// LoadMatomo reads configFile (config/config.ini.php) and the defaults next
// to it. root is the Matomo directory, and an empty root means two levels up
// from configFile. When root/config/global.ini.php is missing or unreadable,
// built-in Matomo 5 defaults for the keys the exporter uses take its place.
func LoadMatomo(configFile, root string) (*Matomo, error) {
	if configFile == "" {
		return nil, errors.New("no Matomo config file given: pass the path of config/config.ini.php inside the Matomo directory")
	}
	configFile = filepath.Clean(configFile)
	if root == "" {
		root = filepath.Dir(filepath.Dir(configFile))
	}
	m := &Matomo{configFile: configFile, root: filepath.Clean(root)}

	local, err := readMatomoConfig(configFile)
	if err != nil {
		return nil, err
	}

	global, err := m.loadOptional(filepath.Join(m.root, "config", "global.ini.php"))
	if err != nil {
		return nil, err
	}
	if global != nil {
		m.globalFile = filepath.Join(m.root, "config", "global.ini.php")
	} else {
		global = builtinDefaults()
	}
	common, err := m.loadOptional(filepath.Join(m.root, "config", "common.config.ini.php"))
	if err != nil {
		return nil, err
	}
	if common != nil {
		m.commonFile = filepath.Join(m.root, "config", "common.config.ini.php")
	}

	defaults := newPHPArray()
	for _, layer := range []*INI{global, common} {
		if layer == nil {
			continue
		}
		mergeSections(defaults, layer.root, mergeRecursiveDistinct)
	}
	mergeSections(defaults, local.root, arrayMerge)
	m.merged = defaults
	return m, nil
}

// mergeSections merges every section of src into dst with merge. When either
// side is a scalar (a key written before the first section), the later value
// wins. Matomo would call array_merge there, which throws a TypeError in
// PHP 8.
func mergeSections(dst, src *phpArray, merge func(a, b *phpArray) *phpArray) {
	for i, name := range src.keys {
		section := src.vals[i]
		old, ok := dst.get(name)
		if ok && old.arr != nil && section.arr != nil {
			dst.set(name, phpValue{arr: merge(old.arr, section.arr)})
			continue
		}
		if section.arr != nil {
			section = phpValue{arr: section.arr.clone()}
		}
		dst.set(name, section)
	}
}

// loadOptional parses a file that Matomo reads only when it is readable
// (IniFileChain::reload checks is_readable). It returns nil for a missing or
// unreadable file and an error for one that does not parse.
func (m *Matomo) loadOptional(path string) (*INI, error) {
	data, err := readConfigFile(path)
	if err != nil {
		// Matomo skips a missing or unreadable defaults file as well.
		return nil, nil
	}
	f, err := ParseINI(data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return f, nil
}

func readMatomoConfig(path string) (*INI, error) {
	data, err := readConfigFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("Matomo config file %s not found: give the path of config/config.ini.php inside the Matomo directory", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("Matomo config file %s is not readable by this user: grant read access, for example by adding the exporter's user to the web server's group", path)
	case err != nil:
		return nil, fmt.Errorf("read Matomo config file %s: %w", path, err)
	}
	f, err := ParseINI(data)
	if err != nil {
		return nil, fmt.Errorf("parse Matomo config file %s: %w", path, err)
	}
	return f, nil
}

// ConfigFile returns the path of config.ini.php.
func (m *Matomo) ConfigFile() string { return m.configFile }

// Root returns the Matomo directory.
func (m *Matomo) Root() string { return m.root }

// GlobalFile returns the path of the global.ini.php that was read, or ""
// when it was missing and the built-in defaults were used.
func (m *Matomo) GlobalFile() string { return m.globalFile }

// CommonFile returns the path of common.config.ini.php, or "" when there is
// none.
func (m *Matomo) CommonFile() string { return m.commonFile }

func (m *Matomo) value(section, key string) (phpValue, bool) {
	s, ok := m.merged.get(symtableKey(section))
	if !ok || s.arr == nil {
		return phpValue{}, false
	}
	return s.arr.get(symtableKey(key))
}

// Has reports whether key is set in section in any layer, as a scalar or as
// an array (`key[] = ...`).
func (m *Matomo) Has(section, key string) bool {
	_, ok := m.value(section, key)
	return ok
}

// String returns the scalar value of key, or def when the key is missing or
// holds an array.
func (m *Matomo) String(section, key, def string) string {
	v, ok := m.value(section, key)
	if !ok || v.arr != nil {
		return def
	}
	return v.str
}

// Bool returns the value of key as a boolean, or def when the key is missing
// or holds an array. "" and the words off, no, false, none and null (in any
// case) are false. A number is true unless it equals 0. Every other string,
// including on, yes and true, is true.
//
// NOTE: Matomo tests some keys with `(bool)` and others with `== 1`. The two
// agree for what Matomo writes (0 and 1) and for unquoted keywords, which
// the parser already turns into "1" and "". They disagree for a quoted word
// such as force_ssl = "yes", which `== 1` treats as false.
func (m *Matomo) Bool(section, key string, def bool) bool {
	v, ok := m.value(section, key)
	if !ok || v.arr != nil {
		return def
	}
	return phpTruthy(v.str)
}

func phpTruthy(s string) bool {
	if s == "" {
		return false
	}
	if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
		return f != 0
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "no", "false", "none", "null":
		return false
	}
	return true
}

// Int returns the value of key as an integer, or def when the key is
// missing, holds an array or is not a number. A decimal fraction is cut
// toward zero, as PHP's (int) does.
func (m *Matomo) Int(section, key string, def int64) int64 {
	v, ok := m.value(section, key)
	if !ok || v.arr != nil {
		return def
	}
	return parseInt(v.str, def)
}

func parseInt(s string, def int64) int64 {
	s = strings.TrimSpace(s)
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f >= math.MaxInt64 || f <= math.MinInt64 {
		return def
	}
	if strings.ContainsAny(s, "xX") {
		return def // ParseFloat accepts hexadecimal floats, PHP does not
	}
	return int64(f)
}

// legacyListKeys maps list keys to the names Matomo read before 4.0, which it
// still reads when the new key is empty (config/global.php,
// 'login.allowlist.ips').
var legacyListKeys = map[[2]string]string{
	{"General", "login_allowlist_ip"}: "login_whitelist_ip",
}

// List returns the values of an array key (`key[] = ...`) in order, or nil
// when the key is missing or holds a scalar. For a key that Matomo renamed,
// the old name is read when the new one is empty (see LoginAllowlist).
func (m *Matomo) List(section, key string) []string {
	if list := m.list(section, key); len(list) > 0 {
		return list
	}
	if old, ok := legacyListKeys[[2]string{section, key}]; ok {
		return m.list(section, old)
	}
	return nil
}

func (m *Matomo) list(section, key string) []string {
	v, ok := m.value(section, key)
	if !ok || v.arr == nil {
		return nil
	}
	return arrayStrings(v.arr)
}

// Map returns an array key written as `key[sub] = value` as a map, or nil
// when the key is missing or holds a scalar.
func (m *Matomo) Map(section, key string) map[string]string {
	v, ok := m.value(section, key)
	if !ok || v.arr == nil {
		return nil
	}
	return arrayMap(v.arr)
}

// LoginAllowlist returns [General] login_allowlist_ip[], or the pre-4.0
// login_whitelist_ip[] when the new key is empty, as Matomo does.
func (m *Matomo) LoginAllowlist() []string {
	return m.List("General", "login_allowlist_ip")
}

// Plugins returns the activated plugins ([Plugins] Plugins[]).
func (m *Matomo) Plugins() []string { return m.List("Plugins", "Plugins") }

// PluginsInstalled returns the installed plugins ([PluginsInstalled]
// PluginsInstalled[]).
func (m *Matomo) PluginsInstalled() []string {
	return m.List("PluginsInstalled", "PluginsInstalled")
}
