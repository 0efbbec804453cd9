package main

import (
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v2"

	"github.com/matomo-security-exporter/matomo-security-exporter/collector"
	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo/apitest"
)

// The end-to-end test runs the real Prometheus server from Debian's
// prometheus package with our alert rules, scraping the exporter that
// watches the demo instance on the local MariaDB and a local Matomo-like
// web server. It then checks through Prometheus's HTTP API that the alerts
// for the demo's weaknesses fire, that every dashboard and alert expression
// has data, and that fixing a weakness resolves its alert.

const e2eScrapeInterval = 2 * time.Second

// expectedDemoAlerts are the alerts the demo instance must fire, each for
// a weakness the demo seed or the fake web server has on purpose.
var expectedDemoAlerts = []string{
	// From the demo database (testdata/seed/demo.sql).
	"MatomoArchivingStale",              // last successful core:archive 3 days ago
	"MatomoAuthTokensInsecure",          // tokens not secure_only, only_allow_secure_auth_tokens off
	"MatomoAuthTokensOrphaned",          // tokens of a deleted user
	"MatomoAuthTokensUnused",            // tokens unused for over 90 days
	"MatomoAuthTokensWithoutExpiry",     // tokens that never expire
	"MatomoBruteForceIPsBlocked",        // 203.0.113.66 is blocked
	"MatomoExpiredAuthTokensNotDeleted", // an expired token still stored
	"MatomoInactiveUsers",               // accounts unseen for over 90 days
	"MatomoPrivilegedUsersWithout2FA",   // a Super User and admins without 2FA
	"MatomoPublicSites",                 // anonymous may view one site
	"MatomoUsersWithout2FA",             // other accounts without 2FA

	// From the fake web server.
	"MatomoConfigFileExposed",    // config/config.ini.php is served
	"MatomoPHPVersionExposed",    // X-Powered-By: PHP/8.4.14
	"MatomoServerVersionExposed", // Server: nginx/1.22.1

	// From the web root testdata/webroot/sha256.
	"MatomoFilesMissing",         // core/Missing.php deleted
	"MatomoFilesModified",        // core/Version.php and others changed
	"MatomoFilesUnexpected",      // core/shell.php added
	"MatomoSecurityFilesMissing", // misc/user/.htaccess missing
}

func TestEndToEndWithPrometheus(t *testing.T) {
	promBinary, err := exec.LookPath("prometheus")
	if err != nil {
		t.Skip("prometheus not installed: apt-get install -y prometheus (scripts/test.sh does this)")
	}

	// The demo instance, read through a SELECT-only account.
	dbName := testdb.Create(t, testdb.Testdata("schema", "matomo-5.4.sql"), testdb.Testdata("seed", "demo.sql"))
	dir := t.TempDir()
	configFile, err := testdb.WriteConfig(testdb.Testdata("matomo", "demo", "config", "config.ini.php"), dir, dbName)
	if err != nil {
		t.Fatal(err)
	}
	credentials, _ := testdb.CreateReadOnlyAccount(t, dbName, dir)

	web := newFakeMatomoWeb(t)
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte(e2eToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backups", "matomo-today.sql.gz")
	if err := os.MkdirAll(filepath.Dir(backup), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(backup, []byte("backup"), 0o600); err != nil {
		t.Fatal(err)
	}

	exporterURL := startExporter(t, &flags{
		configFile:       configFile,
		credentialsFile:  credentials,
		root:             testdb.Testdata("webroot", "sha256"),
		url:              web.URL,
		tokenFile:        tokenFile,
		telemetryPath:    "/metrics",
		collectorTimeout: 10 * time.Second,
		timeoutOffset:    100 * time.Millisecond,
		apiTimeout:       5 * time.Second,
		opts: collector.Options{
			InactiveAfter: 90 * 24 * time.Hour,
			UnusedAfter:   90 * 24 * time.Hour,
			BackupGlob:    filepath.Join(dir, "backups", "*.sql.gz"),
		},
	})

	prom := startPrometheus(t, promBinary, exporterURL)

	// Wait for two evaluations after the first scrape, so every alert
	// without history had its chance.
	waitFor(t, 60*time.Second, "the exporter to be scraped with matomo_up 1", func() bool {
		return len(prom.query(t, `matomo_up == 1`)) == 1
	})
	time.Sleep(3 * e2eScrapeInterval)

	t.Run("promtool check metrics", func(t *testing.T) {
		promtool, err := exec.LookPath("promtool")
		if err != nil {
			t.Skip("promtool not installed: apt-get install -y prometheus")
		}
		resp, err := http.Get(exporterURL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		cmd := exec.Command(promtool, "check", "metrics")
		cmd.Stdin = resp.Body
		out, err := cmd.CombinedOutput()
		if err != nil || len(strings.TrimSpace(string(out))) > 0 {
			t.Errorf("promtool check metrics reported problems (%v):\n%s", err, out)
		}
	})

	t.Run("firing alerts", func(t *testing.T) {
		firing := prom.firingAlerts(t)
		want := append([]string(nil), expectedDemoAlerts...)
		sort.Strings(want)
		if strings.Join(firing, "\n") != strings.Join(want, "\n") {
			t.Errorf("firing alerts differ from the demo's weaknesses\n got: %v\nwant: %v", firing, want)
		}
	})

	t.Run("expressions have data", func(t *testing.T) {
		for _, expr := range dashboardExpressions(t) {
			if len(prom.query(t, expr)) == 0 {
				t.Errorf("dashboard expression returns no data: %s", expr)
			}
		}
		for _, sel := range alertInputSelectors(t) {
			if len(prom.query(t, sel)) == 0 {
				t.Errorf("alert input series has no data: %s", sel)
			}
		}
	})

	t.Run("fixing a weakness resolves its alert", func(t *testing.T) {
		db, err := testdb.Open(dbName, false)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()

		// What ./console login:unblock-blocked-ips does: delete the
		// blocked IP's recent failed logins.
		if _, err := db.Exec("DELETE FROM matomo_brute_force_log WHERE ip_address = '203.0.113.66'"); err != nil {
			t.Fatal(err)
		}

		// Two scrapes and one rule evaluation, plus slack for a loaded machine.
		limit := 2*e2eScrapeInterval + e2eScrapeInterval + 2*time.Second
		fixedAt := time.Now()
		waitFor(t, limit, "MatomoBruteForceIPsBlocked to resolve", func() bool {
			return !slices.Contains(prom.firingAlerts(t), "MatomoBruteForceIPsBlocked")
		})
		t.Logf("MatomoBruteForceIPsBlocked resolved %s after the fix", time.Since(fixedAt).Round(100*time.Millisecond))
	})
}

// startExporter runs the exporter's HTTP handlers on a local port.
func startExporter(t *testing.T, f *flags) string {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	srv, err := newServer(f, logger)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.close)
	ts := httptest.NewServer(srv.routes())
	t.Cleanup(ts.Close)
	return ts.URL
}

const e2eToken = "0123456789abcdef0123456789abcdef"

// newFakeMatomoWeb imitates the web side of the demo instance. It serves
// HTTPS with HSTS and a Secure session cookie on the test port, redirects
// http://127.0.0.1:80 there, and forwards the Reporting API to a
// Matomo-like API server. It has three weaknesses: it serves
// config/config.ini.php, and its banners show the PHP and nginx versions. The test trusts its
// certificate through SSL_CERT_FILE, which Go reads for the system roots.
func newFakeMatomoWeb(t *testing.T) *httptest.Server {
	t.Helper()
	api := apitest.NewServer(t, apitest.Instance{
		Version:    "5.4.0",
		PHPVersion: "8.4.14",
		Plugins:    map[string]bool{"TwoFactorAuth": true},
	}, e2eToken)
	apiURL, err := url.Parse(api.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(apiURL)

	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/index.php" {
			proxy.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Server", "nginx/1.22.1")
		w.Header().Set("X-Powered-By", "PHP/8.4.14")
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		switch r.URL.Path {
		case "/config/config.ini.php":
			_, _ = io.WriteString(w, "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[database]\n")
		case "/", "/index.php":
			http.SetCookie(w, &http.Cookie{Name: "MATOMO_SESSID", Value: "x", HttpOnly: true, Secure: true})
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<html><body>Matomo login</body></html>")
		default:
			http.Error(w, "forbidden", http.StatusForbidden)
		}
	}))
	ts.StartTLS()
	t.Cleanup(ts.Close)

	caFile := filepath.Join(t.TempDir(), "ca.pem")
	pemBlock := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw})
	if err := os.WriteFile(caFile, pemBlock, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SSL_CERT_FILE", caFile)

	// The redirect check requests http:// on port 80 of the same host.
	plain, err := net.Listen("tcp", "127.0.0.1:80")
	if err != nil {
		t.Fatalf("the HTTPS redirect check needs 127.0.0.1:80 for a local redirect server: %v", err)
	}
	redirect := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, ts.URL+r.URL.RequestURI(), http.StatusMovedPermanently)
	})}
	go func() { _ = redirect.Serve(plain) }()
	t.Cleanup(func() { _ = redirect.Close() })
	return ts
}

type prometheusServer struct {
	url string
}

// startPrometheus writes a config that scrapes the exporter every second
// and evaluates our rules every second, and starts Prometheus on a free
// local port. Every "for" duration in the rules is set to 0s in the copy
// it loads, so an alert fires on the first evaluation whose expression
// matches. promtool's rule tests cover the durations.
func startPrometheus(t *testing.T, binary, exporterURL string) *prometheusServer {
	t.Helper()
	dir := t.TempDir()

	rules, err := os.ReadFile(filepath.Join("alerts", "matomo-alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	instant := regexp.MustCompile(`(?m)^(\s+)for: \S+`).ReplaceAll(rules, []byte("${1}for: 0s"))
	if err := os.WriteFile(filepath.Join(dir, "rules.yml"), instant, 0o644); err != nil {
		t.Fatal(err)
	}

	target := strings.TrimPrefix(exporterURL, "http://")
	cfg := fmt.Sprintf(`global:
  scrape_interval: %[1]s
  scrape_timeout: %[1]s
  evaluation_interval: %[1]s
rule_files: [rules.yml]
scrape_configs:
  - job_name: matomo
    static_configs:
      - targets: [%[2]q]
`, e2eScrapeInterval, target)
	if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}

	addr := freeLocalAddr(t)
	cmd := exec.Command(binary,
		"--config.file="+filepath.Join(dir, "prometheus.yml"),
		"--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr,
		"--log.level=warn",
	)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("prometheus output:\n%s", stderr.String())
		}
	})

	p := &prometheusServer{url: "http://" + addr}
	waitFor(t, 30*time.Second, "Prometheus to be ready", func() bool {
		resp, err := http.Get(p.url + "/-/ready")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return p
}

func freeLocalAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// query runs an instant query and returns the result vector. A parse
// error fails the test.
func (p *prometheusServer) query(t *testing.T, expr string) []json.RawMessage {
	t.Helper()
	resp, err := http.Get(p.url + "/api/v1/query?query=" + url.QueryEscape(expr))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			ResultType string            `json:"resultType"`
			Result     []json.RawMessage `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("query %s: decoding the response: %v", expr, err)
	}
	if body.Status != "success" {
		t.Errorf("query %s failed: %s", expr, body.Error)
		return nil
	}
	return body.Data.Result
}

// firingAlerts returns the sorted names of the firing alerts.
func (p *prometheusServer) firingAlerts(t *testing.T) []string {
	t.Helper()
	resp, err := http.Get(p.url + "/api/v1/alerts")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Data struct {
			Alerts []struct {
				Labels map[string]string `json:"labels"`
				State  string            `json:"state"`
			} `json:"alerts"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var names []string
	for _, a := range body.Data.Alerts {
		name := a.Labels["alertname"]
		if a.State == "firing" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// dashboardExpressions returns every target expression of the dashboard
// with the template variables replaced by values that match everything.
func dashboardExpressions(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("dashboards", "matomo-security.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []json.RawMessage `json:"panels"`
	}
	if err := json.Unmarshal(raw, &dash); err != nil {
		t.Fatal(err)
	}
	replacer := strings.NewReplacer(`$job`, `.*`, `$instance`, `.*`, `$__rate_interval`, `1m`,
		`$__interval`, `1m`, `$__range`, `5m`)

	var out []string
	var walk func([]json.RawMessage)
	walk = func(panels []json.RawMessage) {
		for _, rawPanel := range panels {
			var p struct {
				Targets []struct {
					Expr string `json:"expr"`
				} `json:"targets"`
				Panels []json.RawMessage `json:"panels"`
			}
			if err := json.Unmarshal(rawPanel, &p); err != nil {
				t.Fatal(err)
			}
			for _, target := range p.Targets {
				if target.Expr != "" {
					out = append(out, replacer.Replace(target.Expr))
				}
			}
			walk(p.Panels)
		}
	}
	walk(dash.Panels)
	if len(out) == 0 {
		t.Fatal("the dashboard has no expressions")
	}
	return out
}

// alertInputSelectors returns one selector per metric that the alert
// rules read. An alert expression itself returns data only while it fires,
// so the test checks that every series it reads exists.
func alertInputSelectors(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("alerts", "matomo-alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}

	metric := regexp.MustCompile(`\bmatomo_[a-z0-9_]+|\bmatomo:[a-z0-9_:]+`)
	seen := map[string]bool{}
	var out []string
	for _, g := range file.Groups {
		for _, r := range g.Rules {
			if r.Alert == "" {
				continue
			}
			for _, name := range metric.FindAllString(r.Expr, -1) {
				if !seen[name] {
					seen[name] = true
					out = append(out, name)
				}
			}
		}
	}
	sort.Strings(out)
	if len(out) < 20 {
		t.Fatalf("found only %d metric names in the alert expressions", len(out))
	}
	return out
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("timed out after %s waiting for %s", limit, what)
}
