// Package httpchecktest starts HTTP and HTTPS servers on 127.0.0.1 that
// imitate the web server setups the http checks must tell apart. It is
// for tests only.
package httpchecktest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// CertNotAfter is the expiry of every leaf certificate this package
// issues, so that tests can compare it exactly.
var CertNotAfter = time.Date(2031, 5, 6, 7, 8, 9, 0, time.UTC)

// CA is a test certificate authority with one leaf for 127.0.0.1.
type CA struct {
	// Pool trusts the CA.
	Pool *x509.CertPool
	// Leaf is the certificate servers present.
	Leaf tls.Certificate
}

// NewCA creates a CA and a leaf certificate for 127.0.0.1 that expires at
// CertNotAfter.
func NewCA(t testing.TB) *CA {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	caTemplate := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "matomo-security-exporter test CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              CertNotAfter.AddDate(1, 0, 0),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTemplate, caTemplate, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}

	leafKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leafTemplate := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     CertNotAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTemplate, caCert, &leafKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}

	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	return &CA{
		Pool: pool,
		Leaf: tls.Certificate{Certificate: [][]byte{leafDER}, PrivateKey: leafKey},
	}
}

// Request is the part of a received request that tests check.
type Request struct {
	Method        string
	URI           string
	UserAgent     string
	Cookie        string
	Authorization string
}

// Recorder keeps the requests a server received.
type Recorder struct {
	mu       sync.Mutex
	requests []Request
}

// Requests returns a copy of the requests received so far.
func (r *Recorder) Requests() []Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Request(nil), r.requests...)
}

func (r *Recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.requests = append(r.requests, Request{
			Method:        req.Method,
			URI:           req.RequestURI,
			UserAgent:     req.UserAgent(),
			Cookie:        req.Header.Get("Cookie"),
			Authorization: req.Header.Get("Authorization"),
		})
		r.mu.Unlock()
		h.ServeHTTP(w, req)
	})
}

func startPlain(t testing.TB, rec *Recorder, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(rec.wrap(h))
	t.Cleanup(srv.Close)
	return srv
}

func startTLS(t testing.TB, ca *CA, rec *Recorder, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(rec.wrap(h))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{ca.Leaf}, MinVersion: tls.VersionTLS12}
	// Handshakes that the client aborts on purpose would fill the test log.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

const loginPage = `<!DOCTYPE html>
<html><head><title>Sign in - Matomo</title></head><body><form method="post"></form></body></html>`

// isPrivate reports whether a request path names one of the private paths.
func isPrivate(path string) bool {
	for _, prefix := range []string{"/config/", "/tmp/", "/.git", "/lang/", "/core/"} {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

// WellConfigured imitates a well-configured nginx: plain HTTP redirects
// every request to HTTPS on the same host; HTTPS denies the private paths
// with 403, sends HSTS and a Secure session cookie, and hides versions.
// It returns the plain and the HTTPS base URL.
func WellConfigured(t testing.TB, ca *CA, rec *Recorder) (plainURL, httpsURL string) {
	t.Helper()
	secure := startTLS(t, ca, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "nginx")
		w.Header().Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		if isPrivate(r.URL.Path) {
			http.Error(w, "Forbidden", http.StatusForbidden)
			return
		}
		if r.URL.Query().Get("module") == "Login" {
			w.Header().Add("Set-Cookie", "MATOMO_SESSID=abc123; path=/; secure; HttpOnly; SameSite=Lax")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(loginPage))
	}))
	plain := startPlain(t, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "nginx")
		http.Redirect(w, r, secure.URL+r.URL.RequestURI(), http.StatusMovedPermanently)
	}))
	return plain.URL + "/", secure.URL + "/"
}

// MisconfiguredApache imitates Apache without the .htaccess files and
// without TLS: it serves config/ and .git/ as files, runs PHP files to
// empty output, announces versions and sets a session cookie without
// Secure.
func MisconfiguredApache(t testing.TB, rec *Recorder) string {
	t.Helper()
	files := map[string]string{
		"/config/config.ini.php": "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[database]\nhost = \"127.0.0.1\"\n",
		"/config/global.ini.php": "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[General]\nforce_ssl = 0\n",
		"/.git/config":           "[core]\n\trepositoryformatversion = 0\n\tbare = false\n",
		"/tmp/empty":             "test",
		"/lang/en.json":          `{"General": {"Ok": "OK"}}`,
		"/core/Piwik.php":        "",
	}
	srv := startPlain(t, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "Apache/2.4.57 (Debian)")
		if body, ok := files[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/plain")
			_, _ = w.Write([]byte(body))
			return
		}
		if r.URL.Path == "/" || r.URL.Path == "/index.php" {
			w.Header().Set("X-Powered-By", "PHP/8.1.2")
			w.Header().Add("Set-Cookie", "MATOMO_SESSID=abc123; path=/; HttpOnly")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(loginPage))
			return
		}
		http.NotFound(w, r)
	}))
	return srv.URL + "/"
}

// CatchAll responds to every request with 200 and the same HTML page, as a
// front controller or single-page app does.
func CatchAll(t testing.TB, rec *Recorder) string {
	t.Helper()
	srv := startPlain(t, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(loginPage))
	}))
	return srv.URL + "/"
}

// Hanging accepts requests and never responds; each handler returns when
// the client gives up.
func Hanging(t testing.TB, rec *Recorder) string {
	t.Helper()
	release := make(chan struct{})
	srv := httptest.NewServer(rec.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})))
	t.Cleanup(func() {
		close(release)
		srv.Close()
	})
	return srv.URL + "/"
}

// RedirectLoop redirects every request to /loop-a, which redirects to
// /loop-b, which redirects back to /loop-a.
func RedirectLoop(t testing.TB, rec *Recorder) string {
	t.Helper()
	srv := startPlain(t, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target := "/loop-a"
		if r.URL.Path == "/loop-a" {
			target = "/loop-b"
		}
		http.Redirect(w, r, target, http.StatusFound)
	}))
	return srv.URL + "/"
}

// EndlessRedirects sends every request one step further down /r/1, /r/2 and
// so on, never repeating a URL.
func EndlessRedirects(t testing.TB, rec *Recorder) string {
	t.Helper()
	srv := startPlain(t, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"r/", http.StatusFound)
	}))
	return srv.URL + "/"
}

// OffHostRedirect redirects every request to another host, which must
// never be requested.
func OffHostRedirect(t testing.TB, rec *Recorder) string {
	t.Helper()
	srv := startPlain(t, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://sso.example.invalid/login", http.StatusFound)
	}))
	return srv.URL + "/"
}

// Dropping accepts each connection and closes it without a response.
func Dropping(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			_ = conn.Close()
		}
	}()
	return "http://" + ln.Addr().String() + "/"
}

// ServerError responds to every request with 503.
func ServerError(t testing.TB, rec *Recorder) string {
	t.Helper()
	srv := startPlain(t, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
	}))
	return srv.URL + "/"
}

// HTTPSOnly serves only HTTPS: private paths 404, HSTS with max-age=0, no
// session cookie.
func HTTPSOnly(t testing.TB, ca *CA, rec *Recorder) string {
	t.Helper()
	srv := startTLS(t, ca, rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", "max-age=0")
		if isPrivate(r.URL.Path) {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(loginPage))
	}))
	return srv.URL + "/"
}
