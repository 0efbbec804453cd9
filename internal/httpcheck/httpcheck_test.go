package httpcheck

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/httpcheck/httpchecktest"
)

const testUserAgent = "matomo-security-exporter/test"

func probe(t *testing.T, base string, cfg Config) *Report {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	cfg.UserAgent = testUserAgent
	if cfg.Timeout == 0 {
		cfg.Timeout = 2 * time.Second
	}
	return Probe(context.Background(), u, cfg)
}

func pathResults(r *Report) map[string]PathResult {
	out := map[string]PathResult{}
	for _, p := range r.Paths {
		out[p.Path] = p
	}
	return out
}

// checkRequests asserts that every request was a plain GET with the
// exporter's User-Agent and without cookies or credentials.
func checkRequests(t *testing.T, rec *httpchecktest.Recorder) {
	t.Helper()
	requests := rec.Requests()
	if len(requests) == 0 {
		t.Fatal("the server received no request")
	}
	for _, r := range requests {
		if r.Method != "GET" {
			t.Errorf("%s %s: method is not GET", r.Method, r.URI)
		}
		if r.UserAgent != testUserAgent {
			t.Errorf("%s: User-Agent = %q, want %q", r.URI, r.UserAgent, testUserAgent)
		}
		if r.Cookie != "" {
			t.Errorf("%s: sent Cookie %q", r.URI, r.Cookie)
		}
		if r.Authorization != "" {
			t.Errorf("%s: sent Authorization", r.URI)
		}
	}
}

func TestProbeWellConfigured(t *testing.T) {
	ca := httpchecktest.NewCA(t)
	rec := &httpchecktest.Recorder{}
	plainURL, _ := httpchecktest.WellConfigured(t, ca, rec)

	r := probe(t, plainURL, Config{RootCAs: ca.Pool})

	if !r.Answered {
		t.Error("Answered = false")
	}
	for _, p := range r.Paths {
		if !p.Known || p.Value {
			t.Errorf("%s: known %v, exposed %v (status %d, err %v); want known and protected", p.Path, p.Known, p.Value, p.Status, p.Err)
		}
		if p.Status != 403 {
			t.Errorf("%s: final status %d, want 403 after the redirect to HTTPS", p.Path, p.Status)
		}
	}
	if !r.Redirect.Known || !r.Redirect.Value {
		t.Errorf("redirect = %+v, want known and true", r.Redirect)
	}
	if !r.HSTS.Known || !r.HSTS.Value {
		t.Errorf("hsts = %+v, want known and true", r.HSTS)
	}
	if !r.Cookie.Known || !r.Cookie.Value {
		t.Errorf("session cookie = %+v, want known and secure", r.Cookie)
	}
	if !r.TLS.Handshake || !r.TLS.Verified {
		t.Errorf("tls = %+v, want a verified handshake", r.TLS)
	}
	if !r.TLS.NotAfter.Equal(httpchecktest.CertNotAfter) {
		t.Errorf("certificate expiry = %v, want %v", r.TLS.NotAfter, httpchecktest.CertNotAfter)
	}
	if r.TLS.Version != "TLS 1.3" {
		t.Errorf("TLS version = %q, want TLS 1.3", r.TLS.Version)
	}
	if !r.Banner.Known || r.Banner.Server != "nginx" || r.Banner.ServerVersionExposed || r.Banner.PHPVersionExposed {
		t.Errorf("banner = %+v, want Server nginx without versions", r.Banner)
	}
	checkRequests(t, rec)
}

func TestProbeHTTPSBase(t *testing.T) {
	ca := httpchecktest.NewCA(t)
	rec := &httpchecktest.Recorder{}
	_, httpsURL := httpchecktest.WellConfigured(t, ca, rec)

	r := probe(t, httpsURL, Config{RootCAs: ca.Pool})

	for _, p := range r.Paths {
		if !p.Known || p.Value || p.Status != 403 {
			t.Errorf("%s: known %v, exposed %v, status %d; want known, protected, 403", p.Path, p.Known, p.Value, p.Status)
		}
	}
	if !r.HSTS.Value || !r.Cookie.Value || !r.TLS.Verified {
		t.Errorf("hsts %+v, cookie %+v, tls %+v; want all true", r.HSTS, r.Cookie, r.TLS)
	}
	// The redirect check goes to port 80 of the same host, where this test
	// starts nothing, so its result is not asserted.
}

func TestProbeUntrustedCertificate(t *testing.T) {
	ca := httpchecktest.NewCA(t)
	rec := &httpchecktest.Recorder{}
	_, httpsURL := httpchecktest.WellConfigured(t, ca, rec)

	// The system roots do not trust the test CA.
	r := probe(t, httpsURL, Config{})

	if !r.TLS.Handshake {
		t.Fatalf("tls = %+v, want a completed handshake", r.TLS)
	}
	if r.TLS.Verified {
		t.Error("an untrusted certificate counts as verified")
	}
	if !r.TLS.NotAfter.Equal(httpchecktest.CertNotAfter) {
		t.Errorf("certificate expiry = %v, want %v even without verification", r.TLS.NotAfter, httpchecktest.CertNotAfter)
	}
	// Nothing learned over an unverified connection counts.
	for _, p := range r.Paths {
		if p.Known {
			t.Errorf("%s: known over an unverified connection", p.Path)
		}
	}
	if r.HSTS.Known || r.Cookie.Known {
		t.Errorf("hsts %+v, cookie %+v: known over an unverified connection", r.HSTS, r.Cookie)
	}
}

func TestProbeMisconfiguredApache(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	base := httpchecktest.MisconfiguredApache(t, rec)

	r := probe(t, base, Config{})

	wantExposed := map[string]bool{
		"config/config.ini.php":                     true,
		"tmp/cache/tracker/matomocache_general.php": false, // 404
		".git/config":                               true,
		"tmp/empty":                                 true,
		"lang/en.json":                              true,
		"config/global.ini.php":                     true,
		"core/Piwik.php":                            true, // PHP's empty output
	}
	for path, p := range pathResults(r) {
		if !p.Known {
			t.Errorf("%s: unknown (%v)", path, p.Err)
		}
		if p.Value != wantExposed[path] {
			t.Errorf("%s: exposed = %v, want %v", path, p.Value, wantExposed[path])
		}
	}
	if !r.Redirect.Known || r.Redirect.Value {
		t.Errorf("redirect = %+v, want known and false", r.Redirect)
	}
	if !r.Cookie.Known || r.Cookie.Value {
		t.Errorf("session cookie = %+v, want known and not secure", r.Cookie)
	}
	if r.HSTS.Known {
		t.Errorf("hsts = %+v, want unknown without any HTTPS response", r.HSTS)
	}
	if !r.Banner.ServerVersionExposed || !r.Banner.PHPVersionExposed || r.Banner.PHPVersion != "8.1.2" {
		t.Errorf("banner = %+v, want both versions exposed and PHP 8.1.2", r.Banner)
	}
	if r.Banner.Server != "Apache/2.4.57 (Debian)" {
		t.Errorf("server = %q", r.Banner.Server)
	}
	checkRequests(t, rec)
}

func TestProbeCatchAll(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	r := probe(t, httpchecktest.CatchAll(t, rec), Config{})

	for _, p := range r.Paths {
		if !p.Known || p.Value {
			t.Errorf("%s: known %v, exposed %v; an HTML page for every path is no exposure", p.Path, p.Known, p.Value)
		}
	}
	if !errors.Is(r.Cookie.Err, errNoSessionCookie) || r.Cookie.Known {
		t.Errorf("session cookie = %+v, want unknown because no cookie was set", r.Cookie)
	}
	if !r.Banner.Known || r.Banner.Server != "" {
		t.Errorf("banner = %+v, want known with an empty Server", r.Banner)
	}
}

func TestProbeUndecided(t *testing.T) {
	tests := []struct {
		name         string
		start        func(t testing.TB, rec *httpchecktest.Recorder) string
		wantAnswered bool
		wantErr      string
	}{
		{"hanging server", httpchecktest.Hanging, false, "deadline exceeded"},
		{"redirect loop", httpchecktest.RedirectLoop, true, "redirect loop"},
		{"endless redirects", httpchecktest.EndlessRedirects, true, "too many redirects"},
		{"dropped connection", func(t testing.TB, _ *httpchecktest.Recorder) string { return httpchecktest.Dropping(t) }, false, ""},
		{"server error", httpchecktest.ServerError, true, "status 503"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &httpchecktest.Recorder{}
			base := tt.start(t, rec)

			r := probe(t, base, Config{Timeout: 200 * time.Millisecond})

			if r.Answered != tt.wantAnswered {
				t.Errorf("Answered = %v, want %v", r.Answered, tt.wantAnswered)
			}
			for _, p := range r.Paths {
				if p.Known || p.Value {
					t.Errorf("%s: known %v, exposed %v; want unknown", p.Path, p.Known, p.Value)
				}
				// A dropped connection shows as EOF or as a reset, by timing.
				if p.Err == nil || !strings.Contains(p.Err.Error(), tt.wantErr) {
					t.Errorf("%s: error %v, want one containing %q", p.Path, p.Err, tt.wantErr)
				}
			}
			if r.Redirect.Known {
				t.Errorf("redirect = %+v, want unknown", r.Redirect)
			}
			if r.Cookie.Known || r.HSTS.Known {
				t.Errorf("cookie %+v, hsts %+v: want unknown", r.Cookie, r.HSTS)
			}
		})
	}
}

func TestProbeOffHostRedirect(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	r := probe(t, httpchecktest.OffHostRedirect(t, rec), Config{})

	// Known although the other host does not resolve: it was never asked.
	for _, p := range r.Paths {
		if !p.Known || p.Value {
			t.Errorf("%s: known %v, exposed %v (%v); want known and not exposed", p.Path, p.Known, p.Value, p.Err)
		}
	}
	if !r.Redirect.Known || r.Redirect.Value {
		t.Errorf("redirect = %+v, want known and false: the HTTPS target is another host", r.Redirect)
	}
}

func TestProbeHTTPSOnlyWithoutHSTS(t *testing.T) {
	ca := httpchecktest.NewCA(t)
	rec := &httpchecktest.Recorder{}
	r := probe(t, httpchecktest.HTTPSOnly(t, ca, rec), Config{RootCAs: ca.Pool})

	for _, p := range r.Paths {
		if !p.Known || p.Value || p.Status != 404 {
			t.Errorf("%s: known %v, exposed %v, status %d; want known, protected, 404", p.Path, p.Known, p.Value, p.Status)
		}
	}
	if !r.HSTS.Known || r.HSTS.Value {
		t.Errorf("hsts = %+v, want known and false for max-age=0", r.HSTS)
	}
	if r.Cookie.Known {
		t.Errorf("session cookie = %+v, want unknown without a cookie", r.Cookie)
	}
}

func TestProbeStopsAtContextDeadline(t *testing.T) {
	rec := &httpchecktest.Recorder{}
	u, err := url.Parse(httpchecktest.Hanging(t, rec))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()

	// The per-request timeout is far longer than the context: the context
	// must end every request.
	r := Probe(ctx, u, Config{Timeout: time.Hour, UserAgent: testUserAgent})

	for _, p := range r.Paths {
		if p.Known || !errors.Is(p.Err, context.DeadlineExceeded) {
			t.Errorf("%s: known %v, error %v; want unknown after the deadline", p.Path, p.Known, p.Err)
		}
	}
}
