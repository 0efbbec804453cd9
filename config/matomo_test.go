package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// matomoDir creates a Matomo directory with the given files under config/.
// An empty content leaves the file out.
func matomoDir(t *testing.T, global, common, local string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "config")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"global.ini.php":        global,
		"common.config.ini.php": common,
		"config.ini.php":        local,
	} {
		if content == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func corpusFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "ini", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// loadConfig loads a config.ini.php with the built-in defaults.
func loadConfig(t *testing.T, local string) *Matomo {
	t.Helper()
	root := matomoDir(t, "", "", local)
	m, err := LoadMatomo(filepath.Join(root, "config", "config.ini.php"), "")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLoadMatomoBuiltinDefaults(t *testing.T) {
	root := matomoDir(t, "", "", corpusFile(t, "numeric-password.ini.php"))
	m, err := LoadMatomo(filepath.Join(root, "config", "config.ini.php"), "")
	if err != nil {
		t.Fatal(err)
	}
	if m.Root() != root {
		t.Errorf("Root() = %q, want %q", m.Root(), root)
	}
	if m.ConfigFile() != filepath.Join(root, "config", "config.ini.php") {
		t.Errorf("ConfigFile() = %q", m.ConfigFile())
	}
	if m.GlobalFile() != "" || m.CommonFile() != "" {
		t.Errorf("GlobalFile() = %q, CommonFile() = %q, want both empty", m.GlobalFile(), m.CommonFile())
	}
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"enable_trusted_host_check from defaults", m.Bool("General", "enable_trusted_host_check", false), true},
		{"enable_installer from defaults", m.Bool("General", "enable_installer", false), true},
		{"force_ssl from defaults", m.Bool("General", "force_ssl", true), false},
		{"enable_plugin_upload from defaults", m.Bool("General", "enable_plugin_upload", true), false},
		{"adapter from defaults", m.String("database", "adapter", ""), `PDO\MYSQL`},
		{"charset from defaults", m.String("database", "charset", ""), "utf8"},
		{"port from config.ini.php", m.Int("database", "port", 0), int64(3307)},
		{"numeric password", m.Database().Password, "123456"},
		{"tables_prefix", m.Database().TablesPrefix, "piwik_"},
		{"salt has no default", m.Has("General", "salt"), false},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

const testGlobal = `; <?php exit; ?> DO NOT REMOVE THIS LINE
[General]
force_ssl = 0
enable_installer = 1
trusted_hosts[] = "global-1"
trusted_hosts[] = "global-2"
[database]
port = 3306
charset = utf8
[Plugins]
Plugins[] = A
Plugins[] = B
Plugins[] = C
`

func TestLoadMatomoLayers(t *testing.T) {
	common := `[General]
enable_installer = 0
[Plugins]
Plugins[] = X
`
	local := `[General]
force_ssl = 1
trusted_hosts[] = "local-1"
[Custom]
key = "value"
`
	root := matomoDir(t, testGlobal, common, local)
	m, err := LoadMatomo(filepath.Join(root, "config", "config.ini.php"), root)
	if err != nil {
		t.Fatal(err)
	}
	if m.GlobalFile() == "" || m.CommonFile() == "" {
		t.Errorf("GlobalFile() = %q, CommonFile() = %q, want both set", m.GlobalFile(), m.CommonFile())
	}
	if !m.Bool("General", "force_ssl", false) {
		t.Error("force_ssl: config.ini.php should win over global.ini.php")
	}
	if m.Bool("General", "enable_installer", true) {
		t.Error("enable_installer: common.config.ini.php should win over global.ini.php")
	}
	// config.ini.php replaces a whole list (array_merge per section).
	if got := m.List("General", "trusted_hosts"); !reflect.DeepEqual(got, []string{"local-1"}) {
		t.Errorf("trusted_hosts = %q, want [local-1]", got)
	}
	// common.config.ini.php merges into the global list element by element.
	if got := m.Plugins(); !reflect.DeepEqual(got, []string{"X", "B", "C"}) {
		t.Errorf("Plugins = %q, want [X B C]", got)
	}
	if got := m.String("Custom", "key", ""); got != "value" {
		t.Errorf("Custom.key = %q", got)
	}
	if got := m.Int("database", "port", 0); got != 3306 {
		t.Errorf("port = %d, want the global 3306", got)
	}
}

func TestLoadMatomoPluginListFromConfig(t *testing.T) {
	root := matomoDir(t, testGlobal, "", corpusFile(t, "matomo-written-config.ini.php"))
	m, err := LoadMatomo(filepath.Join(root, "config", "config.ini.php"), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CorePluginsAdmin", "CoreAdminHome", "CoreHome", "Login", "TwoFactorAuth", "Marketplace"}
	if got := m.Plugins(); !reflect.DeepEqual(got, want) {
		t.Errorf("Plugins() = %q, want %q", got, want)
	}
	if got := m.PluginsInstalled(); len(got) != 4 || got[3] != "TwoFactorAuth" {
		t.Errorf("PluginsInstalled() = %q", got)
	}
	if got := m.Database().Password; got != `p&ss"$1` {
		t.Errorf("password = %q, want the entity-decoded p&ss\"$1", got)
	}
}

func TestLoadMatomoExplicitRoot(t *testing.T) {
	root := matomoDir(t, testGlobal, "", "")
	other := filepath.Join(t.TempDir(), "stats.example.com.ini.php")
	if err := os.WriteFile(other, []byte("[General]\nforce_ssl = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := LoadMatomo(other, root)
	if err != nil {
		t.Fatal(err)
	}
	if m.GlobalFile() != filepath.Join(root, "config", "global.ini.php") {
		t.Errorf("GlobalFile() = %q, want the one under the given root", m.GlobalFile())
	}
	if got := m.List("General", "trusted_hosts"); len(got) != 2 {
		t.Errorf("trusted_hosts = %q, want the two global entries", got)
	}
}

func TestLoadMatomoErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "config", "config.ini.php")

	brokenRoot := matomoDir(t, "", "", corpusFile(t, "broken-unterminated-double-quote.ini.php"))
	brokenLocal := filepath.Join(brokenRoot, "config", "config.ini.php")

	badGlobalRoot := matomoDir(t, "[General\n", "", "[General]\n")
	badGlobalLocal := filepath.Join(badGlobalRoot, "config", "config.ini.php")

	tests := []struct {
		name       string
		configFile string
		contains   []string
		notContain string
	}{
		{"no path", "", []string{"no Matomo config file given"}, ""},
		{"missing file", missing, []string{missing, "not found", "config/config.ini.php"}, ""},
		{"syntax error", brokenLocal, []string{brokenLocal, "line 6", "double-quoted value is not closed"}, "never closed"},
		{"broken global.ini.php", badGlobalLocal, []string{filepath.Join(badGlobalRoot, "config", "global.ini.php"), "line 1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadMatomo(tt.configFile, "")
			if err == nil {
				t.Fatal("LoadMatomo succeeded, want an error")
			}
			for _, s := range tt.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			if tt.notContain != "" && strings.Contains(err.Error(), tt.notContain) {
				t.Errorf("error %q contains the value %q", err, tt.notContain)
			}
		})
	}
}

func TestLoadMatomoUnreadableConfig(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files regardless of their mode")
	}
	root := matomoDir(t, "", "", "[General]\n")
	path := filepath.Join(root, "config", "config.ini.php")
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	_, err := LoadMatomo(path, "")
	if err == nil || !strings.Contains(err.Error(), "not readable") || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v, want one naming %s as not readable", err, path)
	}
}

func TestMatomoBool(t *testing.T) {
	m := loadConfig(t, `[T]
one = 1
zero = 0
empty =
unquoted_on = on
unquoted_off = off
quoted_on = "on"
quoted_yes = "yes"
quoted_true = "TRUE"
quoted_off = "off"
quoted_no = "no"
quoted_false = "false"
quoted_none = "none"
quoted_null = "null"
two = 2
zero_float = "0.0"
word = "enabled"
list[] = 1
`)
	tests := []struct {
		key  string
		def  bool
		want bool
	}{
		{"one", false, true},
		{"zero", true, false},
		{"empty", true, false},
		{"unquoted_on", false, true},
		{"unquoted_off", true, false},
		{"quoted_on", false, true},
		{"quoted_yes", false, true},
		{"quoted_true", false, true},
		{"quoted_off", true, false},
		{"quoted_no", true, false},
		{"quoted_false", true, false},
		{"quoted_none", true, false},
		{"quoted_null", true, false},
		{"two", false, true},
		{"zero_float", true, false},
		{"word", false, true},
		{"missing", true, true},
		{"missing", false, false},
		{"list", true, true},
	}
	for _, tt := range tests {
		if got := m.Bool("T", tt.key, tt.def); got != tt.want {
			t.Errorf("Bool(T, %s, %v) = %v, want %v", tt.key, tt.def, got, tt.want)
		}
	}
}

func TestMatomoIntStringHasMap(t *testing.T) {
	t.Setenv("MATOMO_INI_TEST_VAR", "from-env")
	m := loadConfig(t, corpusFile(t, "lists-and-maps.ini.php")+`
[N]
port = 3307
spaced = " 42 "
fraction = 2.9
word = abc
`)
	intTests := []struct {
		key  string
		want int64
	}{
		{"port", 3307}, {"spaced", 42}, {"fraction", 2}, {"word", -1}, {"missing", -1},
	}
	for _, tt := range intTests {
		if got := m.Int("N", tt.key, -1); got != tt.want {
			t.Errorf("Int(N, %s) = %d, want %d", tt.key, got, tt.want)
		}
	}
	if got := m.String("General", "list", "def"); got != "def" {
		t.Errorf("String on a list = %q, want the default", got)
	}
	if got := m.String("General", "relisted", "def"); got != "now a scalar" {
		t.Errorf("String(relisted) = %q", got)
	}
	if !m.Has("General", "list") || m.Has("General", "nope") || m.Has("Nope", "list") {
		t.Error("Has reports the wrong keys")
	}
	if got := m.List("General", "list"); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("List(list) = %q", got)
	}
	if got := m.List("General", "relisted"); got != nil {
		t.Errorf("List on a scalar = %q, want nil", got)
	}
	wantMap := map[string]string{
		"BTC": "Bitcoin", "EUR": "Euro", "quoted key": "q", "01": "leading zero",
		"-3": "negative", "32767": "constant key", "from-env": "env key",
	}
	if got := m.Map("General", "map"); !reflect.DeepEqual(got, wantMap) {
		t.Errorf("Map(map) = %q, want %q", got, wantMap)
	}
	if got := m.Map("General", "relisted"); got != nil {
		t.Errorf("Map on a scalar = %q, want nil", got)
	}
}

func TestMatomoLoginAllowlist(t *testing.T) {
	tests := []struct {
		name  string
		local string
		want  []string
	}{
		{"new key", "[General]\nlogin_allowlist_ip[] = 10.0.0.0/8\nlogin_allowlist_ip[] = matomo.example.org\n", []string{"10.0.0.0/8", "matomo.example.org"}},
		{"legacy key", corpusFile(t, "legacy-whitelist.ini.php"), []string{"203.0.113.0/24", "198.51.100.7"}},
		{"new key wins", "[General]\nlogin_allowlist_ip[] = 1.2.3.4\nlogin_whitelist_ip[] = 5.6.7.8\n", []string{"1.2.3.4"}},
		{"none", "[General]\nforce_ssl = 1\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := loadConfig(t, tt.local)
			if got := m.LoginAllowlist(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("LoginAllowlist() = %q, want %q", got, tt.want)
			}
			if got := m.List("General", "login_allowlist_ip"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("List(General, login_allowlist_ip) = %q, want %q", got, tt.want)
			}
		})
	}
}
