package collector

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/kingpin/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/version"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/httpcheck"
)

// The http collector covers HTTPS and private directories from the public
// side: it requests the Matomo URL the way a visitor would, with GET
// requests and no credentials or cookies.
func init() {
	register("http", true, &httpCollector{})
}

// httpTimeout is set by --collector.http.timeout.
var httpTimeout = httpcheck.DefaultTimeout

// AddHTTPFlags adds the flags of the http collector.
func AddHTTPFlags(app *kingpin.Application) {
	app.Flag("collector.http.timeout",
		"Timeout of each HTTP request of the http collector, and of each redirect it follows. The scrape timeout still bounds the whole collector.").
		Default(httpcheck.DefaultTimeout.String()).DurationVar(&httpTimeout)
}

var (
	privatePathExposedDesc = newDesc("http_private_path_exposed",
		"Whether the web server serves a file that must stay private: 1 only when a 2xx response carries the file's content (or PHP's empty output of it). 0 also when the check failed; see matomo_http_private_path_check_success.",
		"path")
	privatePathSuccessDesc = newDesc("http_private_path_check_success",
		"Whether the private-path check got a conclusive response (a 4xx, or a 2xx or 3xx that could be judged). 0 after a timeout, TLS failure, dropped connection, redirect loop or 5xx.",
		"path")
	redirectsToHTTPSDesc = newDesc("http_redirects_to_https",
		"Whether the http:// form of the Matomo URL redirects to https:// on the same host, within 5 redirects.")
	hstsEnabledDesc = newDesc("http_hsts_enabled",
		"Whether the last HTTPS response of the login page carries Strict-Transport-Security with max-age > 0.")
	sessionCookieSecureDesc = newDesc("http_session_cookie_secure",
		"Whether every MATOMO_SESSID cookie the login page sets has the Secure attribute. 0 when no such cookie was set; matomo_http_check_success{check=\"session_cookie\"} is then 0 too.")
	tlsExpiryDesc = newDesc("tls_certificate_expiry_timestamp_seconds",
		"When the server certificate of the HTTPS endpoint expires (NotAfter of the leaf), as a unix timestamp; 0 when no TLS handshake completed. Present also when the certificate does not verify.")
	tlsVersionDesc = newDesc("http_tls_version_info",
		"The TLS version the HTTPS endpoint negotiated, as in \"TLS 1.3\"; absent when no TLS handshake completed.",
		"version")
	httpCheckSuccessDesc = newDesc("http_check_success",
		"Whether an HTTP check got a conclusive result: redirect, hsts, session_cookie, tls (handshake completed and the certificate verified) and banner. An unknown result is never reported as safe.",
		"check")
	serverInfoDesc = newDesc("http_server_info",
		"The Server header of the login page as sent (at most 64 bytes); empty when the header is absent.",
		"server")
	serverVersionExposedDesc = newDesc("http_server_version_exposed",
		"Whether the Server header of the login page carries a version number.")
	phpVersionExposedDesc = newDesc("http_php_version_exposed",
		"Whether a response of the login page carries the PHP version in X-Powered-By (php.ini expose_php = On).")
)

type httpCollector struct {
	// rootCAs and timeout replace the system roots and --collector.http.timeout in tests.
	rootCAs *x509.CertPool
	timeout time.Duration
}

func (c *httpCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	base, reason, err := httpBaseURL(s)
	if err != nil {
		return err
	}
	logBaseURLOnce(s, base, reason)

	timeout := c.timeout
	if timeout <= 0 {
		timeout = httpTimeout
	}
	report := httpcheck.Probe(ctx, base, httpcheck.Config{
		Timeout:   timeout,
		RootCAs:   c.rootCAs,
		UserAgent: userAgent(),
	})
	if report.Answered {
		s.MarkAnswered()
	}

	sendHTTPReport(ch, s, report)
	logHTTPChecks(s, report)

	if !report.Answered {
		return fmt.Errorf("no HTTP response from %s: %w; check that the URL is reachable from the exporter", base.Redacted(), firstHTTPError(report))
	}
	return nil
}

func sendHTTPReport(ch chan<- prometheus.Metric, s *Scrape, r *httpcheck.Report) {
	for _, p := range r.Paths {
		gauge(ch, privatePathExposedDesc, boolValue(p.Known && p.Value), p.Path)
		gauge(ch, privatePathSuccessDesc, boolValue(p.Known), p.Path)
	}

	gauge(ch, redirectsToHTTPSDesc, boolValue(r.Redirect.Known && r.Redirect.Value))
	gauge(ch, hstsEnabledDesc, boolValue(r.HSTS.Known && r.HSTS.Value))
	gauge(ch, sessionCookieSecureDesc, boolValue(r.Cookie.Known && r.Cookie.Value))

	expiry := 0.0
	if r.TLS.Handshake {
		expiry = float64(r.TLS.NotAfter.Unix())
		gauge(ch, tlsVersionDesc, 1, r.TLS.Version)
	}
	gauge(ch, tlsExpiryDesc, expiry)

	gauge(ch, httpCheckSuccessDesc, boolValue(r.Redirect.Known), "redirect")
	gauge(ch, httpCheckSuccessDesc, boolValue(r.HSTS.Known), "hsts")
	gauge(ch, httpCheckSuccessDesc, boolValue(r.Cookie.Known), "session_cookie")
	gauge(ch, httpCheckSuccessDesc, boolValue(r.TLS.Handshake && r.TLS.Verified), "tls")
	gauge(ch, httpCheckSuccessDesc, boolValue(r.Banner.Known), "banner")

	if r.Banner.Known {
		gauge(ch, serverInfoDesc, 1, r.Banner.Server)
	}
	gauge(ch, serverVersionExposedDesc, boolValue(r.Banner.ServerVersionExposed))
	gauge(ch, phpVersionExposedDesc, boolValue(r.Banner.PHPVersionExposed))

	// The versions collector reports the PHP version from the Reporting
	// API. Without an API client, X-Powered-By is the only source.
	if s.API() == nil && r.Banner.PHPVersion != "" {
		gauge(ch, phpVersionDesc, 1, r.Banner.PHPVersion)
		if end, ok := PHPSupportEnd(r.Banner.PHPVersion); ok {
			gauge(ch, phpSupportEndDesc, float64(end.Unix()))
		} else {
			s.Logger.Debug("PHP version not in the built-in end-of-life table; no support end reported",
				"version", r.Banner.PHPVersion)
		}
	}
}

func userAgent() string {
	v := version.Version
	if v == "" {
		v = "unknown"
	}
	return "matomo-security-exporter/" + v
}

// httpBaseURL returns the URL the checks run against and why it was
// chosen: --matomo.url, or else the first usable trusted_hosts[] entry of
// the Matomo config.
func httpBaseURL(s *Scrape) (*url.URL, string, error) {
	if raw := s.URL(); raw != "" {
		u, err := parseBaseURL(raw)
		if err != nil {
			return nil, "", fmt.Errorf("invalid Matomo URL %q: %w; give an absolute http:// or https:// URL", raw, err)
		}
		return u, "--matomo.url", nil
	}

	cfg, err := s.MatomoConfig()
	if err != nil {
		return nil, "", err
	}
	scheme := "http"
	reason := "first usable trusted_hosts[] entry; http because force_ssl and assume_secure_protocol are 0"
	if cfg.Bool("General", "force_ssl", false) || cfg.Bool("General", "assume_secure_protocol", false) {
		scheme = "https"
		reason = "first usable trusted_hosts[] entry; https because force_ssl or assume_secure_protocol is 1"
	}
	for _, entry := range cfg.List("General", "trusted_hosts") {
		if host, ok := trustedHost(entry); ok {
			return &url.URL{Scheme: scheme, Host: host, Path: "/"}, reason, nil
		}
	}
	logOnce(s, "no-trusted-host", func() {
		s.Logger.Info("http collector skipped: no --matomo.url and no usable [General] trusted_hosts[] entry in the Matomo config")
	})
	return nil, "", ErrNotConfigured
}

func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, errors.New("the scheme must be http or https")
	}
	if u.Host == "" {
		return nil, errors.New("the host is missing")
	}
	// The checks send no credentials, so user info in the URL is dropped.
	u.User = nil
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		u.RawPath = ""
	}
	return u, nil
}

// trustedHost extracts a host[:port] from a trusted_hosts[] entry. Matomo
// accepts a full URL there and uses only its host. It allows no
// punctuation in a host besides "[", "]", ":", ".", "_" and "-"
// (core/Url.php isValidHost).
func trustedHost(entry string) (string, bool) {
	entry = strings.TrimSpace(entry)
	if strings.Contains(entry, "://") {
		u, err := url.Parse(entry)
		if err != nil {
			return "", false
		}
		entry = u.Host
	}
	if entry == "" {
		return "", false
	}
	for _, r := range entry {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("[]:._-", r):
		default:
			return "", false
		}
	}
	return entry, true
}

func firstHTTPError(r *httpcheck.Report) error {
	for _, err := range []error{r.Redirect.Err, r.Cookie.Err, r.TLS.Err} {
		if err != nil {
			return err
		}
	}
	for _, p := range r.Paths {
		if p.Err != nil {
			return p.Err
		}
	}
	return errors.New("no request completed")
}

// Per-instance log state. Keys start with the instance name, so the maps
// grow with the number of configured targets and checks only.
var (
	logOnceSeen   sync.Map
	problemStates = struct {
		sync.Mutex
		failure map[string]string
	}{failure: map[string]string{}}
)

// logOnce runs log the first time key is seen for the scrape's instance.
func logOnce(s *Scrape, key string, log func()) {
	if _, seen := logOnceSeen.LoadOrStore(s.inst.cfg.Name+"\x00"+key, true); !seen {
		log()
	}
}

func logBaseURLOnce(s *Scrape, base *url.URL, reason string) {
	logOnce(s, "http-base "+base.String()+" "+reason, func() {
		s.Logger.Info("http collector checks this URL", "url", base.Redacted(), "source", reason)
	})
}

// logOnChange logs a problem at warning level when it appears, at debug
// level while it lasts and at info level once it is gone, so that a
// problem present on every scrape does not flood the log. A changed error
// message does not count as a new problem, because network errors carry
// the ephemeral port of each connection.
func logOnChange(s *Scrape, key, problem string, err error) {
	stateKey := s.inst.cfg.Name + "\x00" + key
	msg := ""
	if err != nil {
		msg = err.Error()
	}

	problemStates.Lock()
	_, had := problemStates.failure[stateKey]
	if err == nil {
		delete(problemStates.failure, stateKey)
	} else {
		problemStates.failure[stateKey] = msg
	}
	problemStates.Unlock()

	switch {
	case err != nil && !had:
		s.Logger.Warn(problem, "check", key, "err", msg)
	case err != nil:
		s.Logger.Debug(problem, "check", key, "err", msg)
	case had:
		s.Logger.Info("Problem resolved", "check", key)
	}
}

func logHTTPChecks(s *Scrape, r *httpcheck.Report) {
	const problem = "HTTP check could not decide"
	for _, p := range r.Paths {
		logOnChange(s, "http private path "+p.Path, problem, unknownErr(p.Known, p.Err))
	}
	logOnChange(s, "http redirect", problem, unknownErr(r.Redirect.Known, r.Redirect.Err))
	logOnChange(s, "http hsts", problem, unknownErr(r.HSTS.Known, r.HSTS.Err))
	logOnChange(s, "http session_cookie", problem, unknownErr(r.Cookie.Known, r.Cookie.Err))
	logOnChange(s, "http tls", problem, unknownErr(r.TLS.Handshake && r.TLS.Verified, r.TLS.Err))
	logOnChange(s, "http banner", problem, unknownErr(r.Banner.Known, r.Banner.Err))
}

// unknownErr returns the error of an undecided check, nil for a decided one.
func unknownErr(known bool, err error) error {
	if known {
		return nil
	}
	if err == nil {
		return errors.New("no response")
	}
	return err
}
