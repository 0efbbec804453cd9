// Package httpcheck probes the public side of a Matomo instance over HTTP:
// whether private files are served, whether plain HTTP redirects to HTTPS,
// HSTS, the session cookie's Secure attribute, the TLS certificate and the
// version banners. It sends only GET requests without credentials or
// cookies, to the host of the base URL and no other.
package httpcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults for Config fields left zero.
const (
	DefaultTimeout = 5 * time.Second
	DefaultMaxBody = 64 << 10
	DefaultMaxHops = 5
)

// SessionCookie is the name of Matomo's session cookie (core/Session.php).
const SessionCookie = "MATOMO_SESSID"

const (
	loginPagePath       = "index.php?module=Login"
	maxLabelLength      = 64
	maxPHPVersionLength = 32
)

// Config of one probe.
type Config struct {
	// Timeout bounds each request, and each hop of a redirect chain.
	Timeout time.Duration
	// RootCAs verify server certificates; nil uses the system pool.
	RootCAs *x509.CertPool
	// UserAgent is sent with every request.
	UserAgent string
	// MaxBody is how many bytes of a body are read at most.
	MaxBody int64
	// MaxHops is how many redirects are followed at most.
	MaxHops int
}

func (c Config) withDefaults() Config {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.MaxHops <= 0 {
		c.MaxHops = DefaultMaxHops
	}
	return c
}

// Result is the outcome of one check. Known is false when the check could
// not decide (timeout, TLS failure, dropped connection, 5xx response), and
// Err then contains the reason. An unknown result never counts as safe.
type Result struct {
	Known bool
	Value bool
	Err   error
}

// PathResult is the outcome for one private path; Value means exposed.
type PathResult struct {
	Path string
	Result
	// Status is the HTTP status of the last response, 0 without one.
	Status int
}

// TLSResult describes the certificate of the HTTPS endpoint.
type TLSResult struct {
	// Handshake is true when a TLS handshake completed; NotAfter and
	// Version are set only then.
	Handshake bool
	// Verified is true when the chain verified against the roots and
	// the host name.
	Verified bool
	NotAfter time.Time
	// Version is the negotiated version as Go names it, e.g. "TLS 1.3".
	Version string
	// Address is the host:port that was checked.
	Address string
	Err     error
}

// BannerResult holds the version banners of the login page.
type BannerResult struct {
	// Known is true when the login page responded.
	Known bool
	// Server is the Server header, made safe for a label value.
	Server               string
	ServerVersionExposed bool
	PHPVersionExposed    bool
	// PHPVersion is the version from X-Powered-By, empty when not sent.
	PHPVersion string
	Err        error
}

// Report collects every check of one probe.
type Report struct {
	Paths    []PathResult
	Redirect Result
	HSTS     Result
	Cookie   Result
	TLS      TLSResult
	Banner   BannerResult
	// Answered is true when at least one HTTP response arrived.
	Answered bool
}

// PrivatePaths are requested below the base URL. The first five are the
// ones Matomo's own system check requests
// (plugins/Diagnostics/Diagnostic/*PrivateDirectories.php).
var PrivatePaths = []string{
	"config/config.ini.php",
	"tmp/cache/tracker/matomocache_general.php",
	".git/config",
	"tmp/empty",
	"lang/en.json",
	"config/global.ini.php",
	"core/Piwik.php",
}

var errNoSessionCookie = fmt.Errorf("the login page set no %s cookie", SessionCookie)

// Probe runs all checks against base concurrently and returns when all
// are done or ctx ends. base must be an absolute http or https URL whose
// path ends in "/".
func Probe(ctx context.Context, base *url.URL, cfg Config) *Report {
	p := newProber(base, cfg.withDefaults())
	defer p.client.CloseIdleConnections()

	report := &Report{Paths: make([]PathResult, len(PrivatePaths))}
	var wg sync.WaitGroup
	for i, path := range PrivatePaths {
		wg.Go(func() {
			report.Paths[i] = p.checkPath(ctx, path)
		})
	}

	// The TLS check needs the HTTPS address. With an http base URL that
	// address is learned from where the redirect and login chains end.
	var chains sync.WaitGroup
	var redirectTarget *url.URL
	var login loginResult
	chains.Go(func() {
		report.Redirect, redirectTarget = p.checkRedirect(ctx)
	})
	chains.Go(func() {
		login = p.checkLogin(ctx)
		report.Cookie, report.HSTS, report.Banner = login.cookie, login.hsts, login.banner
	})
	wg.Go(func() {
		if base.Scheme == "https" {
			report.TLS = p.checkTLS(ctx, base)
			return
		}
		chains.Wait()
		target := login.lastHTTPS
		if target == nil {
			target = redirectTarget
		}
		if target == nil {
			target = &url.URL{Scheme: "https", Host: hostWithoutPort(base)}
		}
		report.TLS = p.checkTLS(ctx, target)
	})

	wg.Wait()
	chains.Wait()
	report.Answered = p.answered.Load()
	return report
}

type prober struct {
	base     *url.URL
	cfg      Config
	client   *http.Client
	answered atomic.Bool
}

func newProber(base *url.URL, cfg Config) *prober {
	// Each request carries its own deadline (see get), which also bounds
	// dialing and the TLS handshake.
	transport := &http.Transport{
		// Direct connections only: the checks are about what the Matomo
		// host itself serves.
		Proxy:             nil,
		DialContext:       (&net.Dialer{}).DialContext,
		TLSClientConfig:   &tls.Config{RootCAs: cfg.RootCAs, MinVersion: tls.VersionTLS12},
		DisableKeepAlives: true,
		ForceAttemptHTTP2: true,
	}
	return &prober{
		base: base,
		cfg:  cfg,
		client: &http.Client{
			Transport: transport,
			// Redirects are followed by hand, hop by hop, so that each hop
			// is checked against the base host and a loop is noticed.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

// hop is one response of a redirect chain, with at most MaxBody bytes of
// its body.
type hop struct {
	url    *url.URL
	status int
	header http.Header
	cookie []*http.Cookie
	body   []byte
}

func (h *hop) redirect() (*url.URL, bool) {
	if h.status < 300 || h.status > 399 {
		return nil, false
	}
	loc := h.header.Get("Location")
	if loc == "" {
		return nil, false
	}
	next, err := h.url.Parse(loc)
	if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
		return nil, false
	}
	next.Fragment = ""
	return next, true
}

// get sends one GET request under its own timeout.
func (p *prober) get(ctx context.Context, u *url.URL) (*hop, error) {
	ctx, cancel := context.WithTimeout(ctx, p.cfg.Timeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", p.cfg.UserAgent)
	req.Header.Set("Accept", "*/*")

	resp, err := p.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	p.answered.Store(true)

	body, err := io.ReadAll(io.LimitReader(resp.Body, p.cfg.MaxBody))
	if err != nil {
		return nil, fmt.Errorf("reading the response from %s: %w", u.Redacted(), err)
	}
	return &hop{url: u, status: resp.StatusCode, header: resp.Header, cookie: resp.Cookies(), body: body}, nil
}

// chainEnd is the reason a redirect chain stopped.
type chainEnd int

const (
	// endAnswer: the last hop is not a usable redirect.
	endAnswer chainEnd = iota
	// endOffHost: the last hop redirects to another host, which is not
	// requested.
	endOffHost
	// endStopped: the stop function accepted the next URL.
	endStopped
)

var (
	errRedirectLoop     = errors.New("redirect loop")
	errTooManyRedirects = errors.New("too many redirects")
)

// follow requests start and follows redirects on the base host, at most
// MaxHops of them. Before each redirect it calls stop to decide whether to
// end the chain there. It returns the hops received, also on error.
func (p *prober) follow(ctx context.Context, start *url.URL, stop func(next *url.URL) bool) ([]*hop, chainEnd, *url.URL, error) {
	var hops []*hop
	seen := map[string]bool{}
	current := start
	for {
		seen[current.String()] = true
		h, err := p.get(ctx, current)
		if err != nil {
			return hops, endAnswer, nil, err
		}
		hops = append(hops, h)

		next, ok := h.redirect()
		switch {
		case !ok:
			return hops, endAnswer, nil, nil
		case !sameHost(next, p.base):
			return hops, endOffHost, next, nil
		case stop != nil && stop(next):
			return hops, endStopped, next, nil
		case seen[next.String()]:
			return hops, endAnswer, nil, fmt.Errorf("%w at %s", errRedirectLoop, next.Redacted())
		case len(hops) > p.cfg.MaxHops:
			return hops, endAnswer, nil, fmt.Errorf("%w: more than %d starting at %s", errTooManyRedirects, p.cfg.MaxHops, start.Redacted())
		}
		current = next
	}
}

func sameHost(a, b *url.URL) bool {
	return strings.EqualFold(a.Hostname(), b.Hostname())
}

func hostWithoutPort(u *url.URL) string {
	h := u.Hostname()
	if strings.Contains(h, ":") {
		return "[" + h + "]"
	}
	return h
}

// checkPath requests one private path. A 4xx response, or a 2xx response whose
// body is not what the file would give, means protected.
func (p *prober) checkPath(ctx context.Context, path string) PathResult {
	out := PathResult{Path: path}
	target := p.base.JoinPath(path)

	hops, end, _, err := p.follow(ctx, target, nil)
	if len(hops) > 0 {
		out.Status = hops[len(hops)-1].status
	}
	if err != nil {
		out.Err = err
		return out
	}
	last := hops[len(hops)-1]
	switch {
	case end == endOffHost:
		// The file is not served at its own URL; the other host is not
		// requested.
		out.Known = true
	case last.status >= 200 && last.status <= 299:
		out.Known = true
		out.Value = servesPrivateFile(path, last.body)
	case last.status >= 300 && last.status <= 499:
		out.Known = true
	default:
		out.Err = fmt.Errorf("%s responded with status %d", target.Redacted(), last.status)
	}
	return out
}

// checkRedirect requests the plain-HTTP form of the base URL and reports
// whether it redirects to HTTPS on the same host. It returns the HTTPS URL
// it was sent to.
func (p *prober) checkRedirect(ctx context.Context) (Result, *url.URL) {
	start := *p.base
	if start.Scheme == "https" {
		start.Scheme = "http"
		start.Host = hostWithoutPort(p.base)
	}

	toHTTPS := func(next *url.URL) bool { return next.Scheme == "https" }
	hops, end, next, err := p.follow(ctx, &start, toHTTPS)
	if err != nil {
		return Result{Err: err}, nil
	}
	switch end {
	case endStopped:
		return Result{Known: true, Value: true}, next
	case endOffHost:
		return Result{Known: true, Err: fmt.Errorf("%s redirects to another host, %s", start.Redacted(), next.Redacted())}, nil
	}
	last := hops[len(hops)-1]
	if last.status >= 500 {
		return Result{Err: fmt.Errorf("%s responded with status %d", start.Redacted(), last.status)}, nil
	}
	return Result{Known: true}, nil
}

type loginResult struct {
	cookie, hsts Result
	banner       BannerResult
	// lastHTTPS is the last https URL of the chain, nil if none.
	lastHTTPS *url.URL
}

// checkLogin requests the login page, following redirects on the same
// host, and reads the session cookie, HSTS and the banners from it.
func (p *prober) checkLogin(ctx context.Context) loginResult {
	start, err := p.base.Parse(loginPagePath)
	if err != nil {
		return loginResult{cookie: Result{Err: err}, hsts: Result{Err: err}, banner: BannerResult{Err: err}}
	}
	hops, _, _, chainErr := p.follow(ctx, start, nil)

	var out loginResult
	out.cookie = sessionCookieResult(hops, chainErr)
	out.hsts, out.lastHTTPS = hstsResult(hops, chainErr)
	out.banner = bannerResult(hops, chainErr)
	return out
}

func sessionCookieResult(hops []*hop, chainErr error) Result {
	seen, secure := false, true
	for _, h := range hops {
		for _, c := range h.cookie {
			if c.Name == SessionCookie {
				seen = true
				secure = secure && c.Secure
			}
		}
	}
	switch {
	case seen:
		return Result{Known: true, Value: secure}
	case chainErr != nil:
		return Result{Err: chainErr}
	}
	return Result{Err: errNoSessionCookie}
}

func hstsResult(hops []*hop, chainErr error) (Result, *url.URL) {
	var last *hop
	for _, h := range hops {
		if h.url.Scheme == "https" {
			last = h
		}
	}
	if last == nil {
		if chainErr != nil {
			return Result{Err: chainErr}, nil
		}
		return Result{Err: errors.New("no HTTPS response: the login page was served over plain HTTP")}, nil
	}

	enabled := hstsMaxAge(last.header.Get("Strict-Transport-Security")) > 0
	// Web servers often leave headers off error pages (nginx add_header
	// without "always"), so a 5xx page without the header proves nothing.
	if !enabled && last.status >= 500 {
		return Result{Err: fmt.Errorf("%s responded with status %d", last.url.Redacted(), last.status)}, last.url
	}
	return Result{Known: true, Value: enabled}, last.url
}

func bannerResult(hops []*hop, chainErr error) BannerResult {
	if len(hops) == 0 {
		return BannerResult{Err: chainErr}
	}
	last := hops[len(hops)-1]
	out := BannerResult{Known: true}
	out.Server = labelValue(last.header.Get("Server"), maxLabelLength)
	out.ServerVersionExposed = serverVersion.MatchString(last.header.Get("Server"))
	for _, h := range hops {
		for _, v := range h.header.Values("X-Powered-By") {
			if m := phpVersion.FindStringSubmatch(v); m != nil {
				out.PHPVersionExposed = true
				out.PHPVersion = labelValue(m[1], maxPHPVersionLength)
			}
		}
	}
	return out
}

// checkTLS completes a handshake with the HTTPS endpoint of u and verifies
// the chain itself, so that the expiry date is known even when the
// certificate does not verify.
func (p *prober) checkTLS(ctx context.Context, u *url.URL) TLSResult {
	port := u.Port()
	if port == "" {
		port = "443"
	}
	host := u.Hostname()
	out := TLSResult{Address: net.JoinHostPort(host, port)}

	ctx, cancel := context.WithTimeout(ctx, p.cfg.Timeout)
	defer cancel()

	serverName := host
	if net.ParseIP(host) != nil {
		serverName = ""
	}
	dialer := &tls.Dialer{
		NetDialer: &net.Dialer{},
		Config: &tls.Config{
			ServerName: serverName,
			// The chain is verified below, after the handshake, so that an
			// expired or untrusted certificate can still be reported. No
			// HTTP request is sent over this connection.
			InsecureSkipVerify: true, //nolint:gosec // Verified by hand below.
			// Accept old versions here so that they can be reported.
			MinVersion: tls.VersionTLS10, //nolint:gosec // Reporting only.
		},
	}
	conn, err := dialer.DialContext(ctx, "tcp", out.Address)
	if err != nil {
		out.Err = fmt.Errorf("TLS handshake with %s failed: %w", out.Address, err)
		return out
	}
	defer conn.Close()

	state := conn.(*tls.Conn).ConnectionState()
	if len(state.PeerCertificates) == 0 {
		out.Err = fmt.Errorf("%s sent no certificate", out.Address)
		return out
	}
	out.Handshake = true
	out.Version = tls.VersionName(state.Version)
	leaf := state.PeerCertificates[0]
	out.NotAfter = leaf.NotAfter

	intermediates := x509.NewCertPool()
	for _, c := range state.PeerCertificates[1:] {
		intermediates.AddCert(c)
	}
	_, err = leaf.Verify(x509.VerifyOptions{DNSName: host, Roots: p.cfg.RootCAs, Intermediates: intermediates})
	if err != nil {
		out.Err = fmt.Errorf("certificate of %s does not verify: %w", out.Address, err)
		return out
	}
	out.Verified = true
	return out
}
