package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/collector"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo/apitest"
)

// TestProbeEndpoint serves an API-only target from a targets file and
// checks the /probe responses to good and bad requests.
func TestProbeEndpoint(t *testing.T) {
	const token = "fedcba9876543210fedcba9876543210"
	api := apitest.NewServer(t, apitest.Instance{
		Version:    "5.4.0",
		PHPVersion: "8.4.14",
		Plugins:    map[string]bool{"TwoFactorAuth": true},
		Users:      []apitest.User{{Login: "root", SuperUser: true, TwoFactor: true, LastSeen: time.Now()}},
	}, token)

	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "cloud.token")
	if err := os.WriteFile(tokenFile, []byte(token), 0o600); err != nil {
		t.Fatal(err)
	}
	targets := filepath.Join(dir, "targets.ini")
	body := "[cloud]\nurl = " + api.URL + "\ntoken_file = " + tokenFile + "\n"
	if err := os.WriteFile(targets, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}

	url := startExporter(t, &flags{
		targetsFile: targets,
		// The test API server serves only API calls, so the public checks stay off.
		collectors:       []string{"users", "twofactor", "bruteforce", "versions"},
		telemetryPath:    "/metrics",
		collectorTimeout: 5 * time.Second,
		apiTimeout:       5 * time.Second,
		opts:             collector.Options{InactiveAfter: time.Hour, UnusedAfter: time.Hour},
	})

	cases := []struct {
		name       string
		path       string
		wantStatus int
		wantBody   []string
		denyBody   []string
	}{
		{"missing target", "/probe", http.StatusBadRequest, []string{"missing the target parameter"}, nil},
		{"unknown target", "/probe?target=nosuch", http.StatusBadRequest, []string{`unknown target "nosuch"`}, nil},
		{
			name: "api-only target", path: "/probe?target=cloud", wantStatus: http.StatusOK,
			wantBody: []string{"matomo_up 1", `matomo_users{role="superuser"} 1`, `matomo_version_info{version="5.4.0"} 1`},
			// Exporter self-metrics belong on /metrics, not on a probe.
			denyBody: []string{"go_goroutines", "matomo_security_exporter_build_info", token},
		},
		{
			name: "metrics without a main instance", path: "/metrics", wantStatus: http.StatusOK,
			wantBody: []string{"matomo_security_exporter_build_info"},
			denyBody: []string{"matomo_up", token},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Get(url + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.wantStatus, raw)
			}
			for _, s := range tc.wantBody {
				if !strings.Contains(string(raw), s) {
					t.Errorf("body lacks %q:\n%s", s, raw)
				}
			}
			for _, s := range tc.denyBody {
				if strings.Contains(string(raw), s) {
					t.Errorf("body contains %q", s)
				}
			}
		})
	}
}
