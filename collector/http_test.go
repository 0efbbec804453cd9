package collector

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/httpcheck"
	"github.com/matomo-security-exporter/matomo-security-exporter/internal/httpcheck/httpchecktest"
)

// updateOnce runs one collector's Update through a pedantic registry,
// which also checks that the series are consistent, and returns the
// samples as "name{label="value",...}" -> value.
func updateOnce(t *testing.T, ctx context.Context, c Collector, s *Scrape) (map[string]float64, error) {
	t.Helper()
	var updateErr error
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(collectorFunc(func(ch chan<- prometheus.Metric) {
		updateErr = c.Update(ctx, s, ch)
	}))
	families, err := reg.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	out := map[string]float64{}
	for _, mf := range families {
		for _, m := range mf.GetMetric() {
			out[sampleKey(mf.GetName(), m)] = m.GetGauge().GetValue()
		}
	}
	return out, updateErr
}

// collectorFunc is an unchecked prometheus.Collector around a function.
type collectorFunc func(chan<- prometheus.Metric)

func (f collectorFunc) Describe(chan<- *prometheus.Desc)    {}
func (f collectorFunc) Collect(ch chan<- prometheus.Metric) { f(ch) }

// assertSeries checks the expected series and values.
func assertSeries(t *testing.T, got map[string]float64, want map[string]float64) {
	t.Helper()
	for key, value := range want {
		v, ok := got[key]
		if !ok {
			t.Errorf("series %s missing", key)
			continue
		}
		if v != value {
			t.Errorf("%s = %v, want %v", key, v, value)
		}
	}
}

// assertAbsent checks that no series of the named metrics exists.
func assertAbsent(t *testing.T, got map[string]float64, names ...string) {
	t.Helper()
	for key := range got {
		for _, name := range names {
			if key == name || strings.HasPrefix(key, name+"{") {
				t.Errorf("series %s present, want none", key)
			}
		}
	}
}

func newHTTPScrape(t *testing.T, url string, logs *bytes.Buffer) *Scrape {
	t.Helper()
	logger := slog.New(slog.DiscardHandler)
	if logs != nil {
		logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return NewInstance(InstanceConfig{Name: uniqueName(t), URL: url}, Options{}, logger).newScrape()
}

var instanceCounter atomic.Int64

// uniqueName returns a new instance name for each call, so that the
// per-instance log state of one test, or of an earlier -count run, does
// not leak into another.
func uniqueName(t testing.TB) string {
	return fmt.Sprintf("%s-%d", t.Name(), instanceCounter.Add(1))
}

func privatePathSeries(exposed, success float64) map[string]float64 {
	out := map[string]float64{}
	for _, p := range httpcheck.PrivatePaths {
		out[fmt.Sprintf("matomo_http_private_path_exposed{path=%q}", p)] = exposed
		out[fmt.Sprintf("matomo_http_private_path_check_success{path=%q}", p)] = success
	}
	return out
}

func TestHTTPWellConfigured(t *testing.T) {
	ca := httpchecktest.NewCA(t)
	rec := &httpchecktest.Recorder{}
	plainURL, _ := httpchecktest.WellConfigured(t, ca, rec)
	s := newHTTPScrape(t, plainURL, nil)

	got, err := updateOnce(t, context.Background(), &httpCollector{rootCAs: ca.Pool, timeout: 2 * time.Second}, s)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}

	assertSeries(t, got, privatePathSeries(0, 1))
	assertSeries(t, got, map[string]float64{
		"matomo_http_redirects_to_https":                    1,
		"matomo_http_hsts_enabled":                          1,
		"matomo_http_session_cookie_secure":                 1,
		"matomo_tls_certificate_expiry_timestamp_seconds":   float64(httpchecktest.CertNotAfter.Unix()),
		`matomo_http_tls_version_info{version="TLS 1.3"}`:   1,
		`matomo_http_check_success{check="redirect"}`:       1,
		`matomo_http_check_success{check="hsts"}`:           1,
		`matomo_http_check_success{check="session_cookie"}`: 1,
		`matomo_http_check_success{check="tls"}`:            1,
		`matomo_http_check_success{check="banner"}`:         1,
		`matomo_http_server_info{server="nginx"}`:           1,
		"matomo_http_server_version_exposed":                0,
		"matomo_http_php_version_exposed":                   0,
	})
	assertAbsent(t, got, "matomo_php_version_info")
	if !s.answered.Load() {
		t.Error("the scrape is not marked answered")
	}

	for _, r := range rec.Requests() {
		if r.UserAgent != userAgent() || r.Cookie != "" || r.Authorization != "" || r.Method != "GET" {
			t.Errorf("request %+v: want a GET with User-Agent %q and no cookie or credentials", r, userAgent())
		}
	}
}

func TestHTTPMisconfiguredApache(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	s := newHTTPScrape(t, httpchecktest.MisconfiguredApache(t, rec), nil)

	got, err := updateOnce(t, context.Background(), &httpCollector{timeout: 2 * time.Second}, s)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}

	phpEnd, ok := PHPSupportEnd("8.1.2")
	if !ok {
		t.Fatal("PHP 8.1 missing from the end-of-life table")
	}
	assertSeries(t, got, map[string]float64{
		`matomo_http_private_path_exposed{path="config/config.ini.php"}`:                     1,
		`matomo_http_private_path_exposed{path=".git/config"}`:                               1,
		`matomo_http_private_path_exposed{path="tmp/empty"}`:                                 1,
		`matomo_http_private_path_exposed{path="lang/en.json"}`:                              1,
		`matomo_http_private_path_exposed{path="config/global.ini.php"}`:                     1,
		`matomo_http_private_path_exposed{path="core/Piwik.php"}`:                            1,
		`matomo_http_private_path_exposed{path="tmp/cache/tracker/matomocache_general.php"}`: 0,
		`matomo_http_private_path_check_success{path="config/config.ini.php"}`:               1,
		"matomo_http_redirects_to_https":                                                     0,
		`matomo_http_check_success{check="redirect"}`:                                        1,
		"matomo_http_session_cookie_secure":                                                  0,
		`matomo_http_check_success{check="session_cookie"}`:                                  1,
		"matomo_http_hsts_enabled":                                                           0,
		`matomo_http_check_success{check="hsts"}`:                                            0,
		`matomo_http_server_info{server="Apache/2.4.57 (Debian)"}`:                           1,
		"matomo_http_server_version_exposed":                                                 1,
		"matomo_http_php_version_exposed":                                                    1,
		`matomo_php_version_info{version="8.1.2"}`:                                           1,
		"matomo_php_support_end_timestamp_seconds":                                           float64(phpEnd.Unix()),
	})
}

func TestHTTPCatchAll(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	s := newHTTPScrape(t, httpchecktest.CatchAll(t, rec), nil)

	got, err := updateOnce(t, context.Background(), &httpCollector{timeout: 2 * time.Second}, s)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	assertSeries(t, got, privatePathSeries(0, 1))
	assertSeries(t, got, map[string]float64{
		"matomo_http_session_cookie_secure":                 0,
		`matomo_http_check_success{check="session_cookie"}`: 0,
		`matomo_http_server_info{server=""}`:                1,
	})
}

// A server that never responds, loops, drops connections or fails must
// leave every check undecided, and every series present.
func TestHTTPUndecided(t *testing.T) {
	tests := []struct {
		name         string
		start        func(t testing.TB, rec *httpchecktest.Recorder) string
		wantAnswered bool
	}{
		{"hanging", httpchecktest.Hanging, false},
		{"redirect loop", httpchecktest.RedirectLoop, true},
		{"dropped connection", func(t testing.TB, _ *httpchecktest.Recorder) string { return httpchecktest.Dropping(t) }, false},
		{"server error", httpchecktest.ServerError, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &httpchecktest.Recorder{}
			s := newHTTPScrape(t, tt.start(t, rec), nil)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()

			got, err := updateOnce(t, ctx, &httpCollector{timeout: 200 * time.Millisecond}, s)

			if tt.wantAnswered && err != nil {
				t.Errorf("Update: %v; want no error once the server answered", err)
			}
			if !tt.wantAnswered && err == nil {
				t.Error("Update returned no error although nothing answered")
			}
			if s.answered.Load() != tt.wantAnswered {
				t.Errorf("answered = %v, want %v", s.answered.Load(), tt.wantAnswered)
			}
			assertSeries(t, got, privatePathSeries(0, 0))
			assertSeries(t, got, map[string]float64{
				"matomo_http_redirects_to_https":                    0,
				"matomo_http_hsts_enabled":                          0,
				"matomo_http_session_cookie_secure":                 0,
				`matomo_http_check_success{check="redirect"}`:       0,
				`matomo_http_check_success{check="hsts"}`:           0,
				`matomo_http_check_success{check="session_cookie"}`: 0,
				`matomo_http_check_success{check="tls"}`:            0,
				"matomo_tls_certificate_expiry_timestamp_seconds":   0,
			})
		})
	}
}

// The collector must return inside the scrape deadline even when the
// per-request timeout is longer.
func TestHTTPHonoursScrapeDeadline(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	s := newHTTPScrape(t, httpchecktest.Hanging(t, rec), nil)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()

	got, err := updateOnce(t, ctx, &httpCollector{timeout: time.Hour}, s)
	if err == nil {
		t.Error("Update returned no error although nothing answered")
	}
	assertSeries(t, got, privatePathSeries(0, 0))
}

func TestHTTPNotConfigured(t *testing.T) {
	s := NewInstance(InstanceConfig{Name: uniqueName(t)}, Options{}, slog.New(slog.DiscardHandler)).newScrape()
	_, err := updateOnce(t, context.Background(), &httpCollector{}, s)
	if !errors.Is(err, ErrNotConfigured) {
		t.Errorf("error = %v, want ErrNotConfigured", err)
	}
}

func TestHTTPInvalidURL(t *testing.T) {
	s := newHTTPScrape(t, "ftp://matomo.example.test/", nil)
	_, err := updateOnce(t, context.Background(), &httpCollector{}, s)
	if err == nil || errors.Is(err, ErrNotConfigured) || !strings.Contains(err.Error(), "ftp://") {
		t.Errorf("error = %v, want one naming the invalid URL", err)
	}
}

func TestHTTPLogsBaseURLOnce(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	var logs bytes.Buffer
	s := newHTTPScrape(t, httpchecktest.CatchAll(t, rec), &logs)
	c := &httpCollector{timeout: 2 * time.Second}

	for range 2 {
		if _, err := updateOnce(t, context.Background(), c, s); err != nil {
			t.Fatal(err)
		}
	}
	if n := strings.Count(logs.String(), "http collector checks this URL"); n != 1 {
		t.Errorf("base URL logged %d times over two scrapes, want once:\n%s", n, logs.String())
	}
	// The undecided session cookie check is logged at warning level once,
	// then at debug level.
	if n := strings.Count(logs.String(), "level=WARN msg=\"HTTP check could not decide\" check=\"http session_cookie\""); n != 1 {
		t.Errorf("session cookie warning logged %d times, want once:\n%s", n, logs.String())
	}
}

func TestHTTPBaseURLFromTrustedHosts(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	base := httpchecktest.MisconfiguredApache(t, rec)
	host := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")

	tests := []struct {
		name    string
		general string
		want    string
	}{
		{"first usable entry over http", "trusted_hosts[] = \"bad host!\"\ntrusted_hosts[] = \"" + host + "\"\n", "http://" + host + "/"},
		{"https when force_ssl is 1", "force_ssl = 1\ntrusted_hosts[] = \"" + host + "\"\n", "https://" + host + "/"},
		{"https when assume_secure_protocol is 1", "assume_secure_protocol = 1\ntrusted_hosts[] = \"" + host + "\"\n", "https://" + host + "/"},
		{"host of a URL entry", "trusted_hosts[] = \"http://" + host + "/matomo/\"\n", "http://" + host + "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			configFile := filepath.Join(dir, "config", "config.ini.php")
			if err := os.MkdirAll(filepath.Dir(configFile), 0o755); err != nil {
				t.Fatal(err)
			}
			content := "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[General]\n" + tt.general
			if err := os.WriteFile(configFile, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			s := NewInstance(InstanceConfig{Name: uniqueName(t), ConfigFile: configFile, Root: dir}, Options{}, slog.New(slog.DiscardHandler)).newScrape()

			u, reason, err := httpBaseURL(s)
			if err != nil {
				t.Fatalf("httpBaseURL: %v", err)
			}
			if u.String() != tt.want {
				t.Errorf("base URL = %s, want %s", u, tt.want)
			}
			if !strings.Contains(reason, "trusted_hosts") {
				t.Errorf("reason %q does not name trusted_hosts", reason)
			}
		})
	}
}

func TestHTTPParseBaseURL(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{in: "https://matomo.example.test", want: "https://matomo.example.test/"},
		{in: "https://user:secret@matomo.example.test/analytics?x=1#top", want: "https://matomo.example.test/analytics/"},
		{in: " http://[::1]:8080/m/ ", want: "http://[::1]:8080/m/"},
		{in: "matomo.example.test", wantErr: "scheme"},
		{in: "https:///path", wantErr: "host"},
	}
	for _, tt := range tests {
		u, err := parseBaseURL(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parseBaseURL(%q): error %v, want one containing %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || u.String() != tt.want {
			t.Errorf("parseBaseURL(%q) = %v, %v; want %s", tt.in, u, err, tt.want)
		}
	}
}

func TestHTTPTrustedHost(t *testing.T) {
	tests := []struct {
		entry, want string
		ok          bool
	}{
		{"matomo.example.test", "matomo.example.test", true},
		{" matomo.example.test:8443 ", "matomo.example.test:8443", true},
		{"[2001:db8::1]:443", "[2001:db8::1]:443", true},
		{"https://matomo.example.test/analytics", "matomo.example.test", true},
		{"", "", false},
		{"bad host", "", false},
		{"evil.test/path", "", false},
	}
	for _, tt := range tests {
		got, ok := trustedHost(tt.entry)
		if got != tt.want || ok != tt.ok {
			t.Errorf("trustedHost(%q) = %q, %v; want %q, %v", tt.entry, got, ok, tt.want, tt.ok)
		}
	}
}
