package collector

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/config"
	"github.com/matomo-security-exporter/matomo-security-exporter/internal/httpcheck/httpchecktest"
	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

// secretsOf collects every secret the fixture holds: password hashes, 2FA
// secrets, recovery codes and token hashes from the database, and the salt
// and database password from the config file.
func secretsOf(t *testing.T, dbName, configFile string) []string {
	t.Helper()
	cfg, err := config.LoadMatomo(configFile, "")
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{cfg.String("General", "salt", ""), cfg.Database().Password}

	db, err := testdb.Open(dbName, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	prefix := cfg.Database().TablesPrefix
	queries := []string{
		"SELECT password FROM `" + prefix + "user`",
		"SELECT twofactor_secret FROM `" + prefix + "user`",
		"SELECT password FROM `" + prefix + "user_token_auth`",
		"SELECT recovery_code FROM `" + prefix + "twofactor_recovery_code`",
	}
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			continue // an older schema may lack the table
		}
		for rows.Next() {
			var s sql.NullString
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			secrets = append(secrets, s.String)
		}
		rows.Close()
	}
	return secrets
}

// assertNoSecrets fails when any secret of the fixture appears in texts:
// those read back from the database and config, and those listed in
// testdata/expected/<fixture>.secrets (raw and HTML-decoded forms).
func assertNoSecrets(t *testing.T, fixtureName, dbName, configFile string, extra []string, texts ...string) {
	t.Helper()
	secrets := append(secretsOf(t, dbName, configFile), extra...)
	listed, err := os.ReadFile(testdb.Testdata("expected", fixtureName+".secrets"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(listed), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			secrets = append(secrets, line)
		}
	}
	checked := 0
	for _, secret := range secrets {
		// Short values ("1", "") would match by chance.
		if len(secret) < 6 {
			continue
		}
		checked++
		for i, text := range texts {
			if strings.Contains(text, secret) {
				t.Errorf("output %d contains a secret starting %q", i, secret[:3])
			}
		}
	}
	if checked == 0 {
		t.Error("the fixture holds no secret to look for; the leak check would pass vacuously")
	}
}

func TestBadInputKeepsOtherCollectors(t *testing.T) {
	base := fixtures[2] // v54
	configFile, dbName := loadFixture(t, base)
	original, err := os.ReadFile(configFile)
	if err != nil {
		t.Fatal(err)
	}

	// rewrite returns a copy of the fixture config with one [database]
	// line replaced.
	rewrite := func(t *testing.T, key, value string) string {
		var out []string
		for _, line := range strings.Split(string(original), "\n") {
			if k, _, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == key {
				line = key + " = " + value
			}
			out = append(out, line)
		}
		dir := filepath.Join(t.TempDir(), "config")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "config.ini.php")
		if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	writeRaw := func(t *testing.T, body string) string {
		dir := filepath.Join(t.TempDir(), "config")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "config.ini.php")
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}

	const secretPassword = "Wr0ng-But-Secret-Pa55"
	cases := []struct {
		name       string
		configFile func(t *testing.T) string
		wantUp     float64
		wantOK     []string // collectors that must still succeed
		wantFailed []string
		logHas     string
	}{
		{
			name:       "database down",
			configFile: func(t *testing.T) string { return rewrite(t, "port", "1") },
			wantUp:     0,
			wantOK:     []string{"config"},
			wantFailed: []string{"users", "tokens", "bruteforce", "archiving", "database", "twofactor", "versions"},
			logHas:     "connecting to the Matomo database at 127.0.0.1:1 as user",
		},
		{
			name:       "wrong password",
			configFile: func(t *testing.T) string { return rewrite(t, "password", `"`+secretPassword+`"`) },
			wantUp:     0,
			wantOK:     []string{"config"},
			wantFailed: []string{"users", "tokens", "database"},
			logHas:     "Access denied",
		},
		{
			name:       "socket path missing",
			configFile: func(t *testing.T) string { return rewrite(t, "port", "/nonexistent/mysqld.sock") },
			wantUp:     0,
			wantOK:     []string{"config"},
			wantFailed: []string{"users", "tokens", "database"},
			logHas:     "/nonexistent/mysqld.sock",
		},
		{
			name:       "wrong table prefix",
			configFile: func(t *testing.T) string { return rewrite(t, "tables_prefix", `"nosuch_"`) },
			wantUp:     1,
			wantOK:     []string{"config", "database"},
			wantFailed: []string{"users", "tokens", "bruteforce", "archiving"},
			logHas:     "table `nosuch_user` not found",
		},
		{
			name: "broken config file",
			configFile: func(t *testing.T) string {
				return writeRaw(t, "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[database]\npassword = \""+secretPassword+"\n[General\n")
			},
			wantUp:     0,
			wantFailed: []string{"config", "users", "tokens", "database"},
			logHas:     "config.ini.php",
		},
		{
			name: "config file is a FIFO",
			configFile: func(t *testing.T) string {
				dir := filepath.Join(t.TempDir(), "config")
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, "config.ini.php")
				if err := syscall.Mkfifo(path, 0o600); err != nil {
					t.Fatal(err)
				}
				return path
			},
			wantUp:     0,
			wantFailed: []string{"config", "users", "database"},
			logHas:     "is not a regular file",
		},
		{
			name:       "missing config file",
			configFile: func(t *testing.T) string { return filepath.Join(t.TempDir(), "config", "config.ini.php") },
			wantUp:     0,
			wantFailed: []string{"config", "users", "database"},
			logHas:     "config.ini.php",
		},
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := InstanceConfig{Name: "bad", ConfigFile: tc.configFile(t)}
			text, logs := scrapeText(t, cfg, defaultTestOptions, dbCollectors)
			got := samples(t, text)

			if got["matomo_up"] != tc.wantUp {
				t.Errorf("matomo_up = %v, want %v", got["matomo_up"], tc.wantUp)
			}
			for _, c := range tc.wantOK {
				if v := got[`matomo_scrape_collector_success{collector="`+c+`"}`]; v != 1 {
					t.Errorf("collector %s success = %v, want 1", c, v)
				}
			}
			for _, c := range tc.wantFailed {
				v, ok := got[`matomo_scrape_collector_success{collector="`+c+`"}`]
				if !ok || v != 0 {
					t.Errorf("collector %s success = %v (present %v), want 0", c, v, ok)
				}
			}
			if !strings.Contains(logs, tc.logHas) {
				t.Errorf("logs lack %q:\n%s", tc.logHas, logs)
			}
			// One cause, one error line: a source that fails for several
			// collectors is logged once, naming them.
			if n := strings.Count(logs, "level=ERROR"); tc.wantFailed != nil && tc.name != "wrong table prefix" && n != 1 {
				t.Errorf("%d error lines, want 1:\n%s", n, logs)
			}
			for _, text := range []string{text, logs} {
				if strings.Contains(text, secretPassword) {
					t.Errorf("the configured password leaked:\n%s", text)
				}
			}
		})
	}
	_ = dbName
}

// TestSlowDatabaseTimesOut holds a write lock on the user table, so every
// read of it blocks. The users collector must give up at its timeout while
// the collectors that do not read that table still succeed.
func TestSlowDatabaseTimesOut(t *testing.T) {
	configFile, dbName := loadFixture(t, fixtures[2])

	locker, err := testdb.Open(dbName, false)
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close()
	conn, err := locker.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "LOCK TABLES `matomo_user` WRITE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(t.Context(), "UNLOCK TABLES")

	inst := NewInstance(InstanceConfig{Name: "slow", ConfigFile: configFile}, defaultTestOptions, discardLogger())
	defer inst.Close()
	got := gatherWithTimeout(t, inst, []string{"users", "config", "archiving"}, 2*time.Second)

	if v := got[`matomo_scrape_collector_success{collector="users"}`]; v != 0 {
		t.Errorf("users success = %v, want 0 while the user table is locked", v)
	}
	for _, c := range []string{"config", "archiving"} {
		if v := got[`matomo_scrape_collector_success{collector="`+c+`"}`]; v != 1 {
			t.Errorf("%s success = %v, want 1", c, v)
		}
	}
}

// TestHangingWebServerKeepsOtherCollectors points the http collector at a
// server that accepts connections and never responds: the http collector
// must fail at its timeout while the database collectors still report.
func TestHangingWebServerKeepsOtherCollectors(t *testing.T) {
	configFile, _ := loadFixture(t, fixtures[2])
	url := httpchecktest.Hanging(t, &httpchecktest.Recorder{})

	inst := NewInstance(InstanceConfig{Name: "hanging-web", ConfigFile: configFile, URL: url}, defaultTestOptions, discardLogger())
	defer inst.Close()
	got := gatherWithTimeout(t, inst, append([]string{"http"}, dbCollectors...), 2*time.Second)

	if v, ok := got[`matomo_scrape_collector_success{collector="http"}`]; !ok || v != 0 {
		t.Errorf("http success = %v (present %v), want 0 for a server that never responds", v, ok)
	}
	for _, c := range dbCollectors {
		if v := got[`matomo_scrape_collector_success{collector="`+c+`"}`]; v != 1 {
			t.Errorf("%s success = %v, want 1", c, v)
		}
	}
	if got[`matomo_http_private_path_check_success{path="config/config.ini.php"}`] != 0 {
		t.Error("the private-path check of a hanging server must be unknown (0), not a success")
	}
	if got["matomo_up"] != 1 {
		t.Errorf("matomo_up = %v, want 1: the database answered", got["matomo_up"])
	}
}
