package matomo

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Defaults for APIConfig.
const (
	DefaultAPITimeout          = 10 * time.Second
	DefaultAPIMaxResponseBytes = 32 << 20
)

// The backoff after Matomo rejects the token starts at apiBackoffMin and
// doubles on every further rejection up to apiBackoffMax. Matomo's
// brute-force detection records each failed token login and, with the
// default settings, blocks the exporter's IP after 20 failures within 60
// minutes, so a wrong token must not be retried at scrape frequency.
// One scrape sends at most one request per collector (four) before the
// first rejection starts the backoff, so the first hour has at most three
// such bursts (at 0, 15 and 45 minutes): 12 failures.
const (
	apiBackoffMin = 15 * time.Minute
	apiBackoffMax = time.Hour
)

// APIConfig configures the Reporting API reader.
type APIConfig struct {
	// URL is the Matomo root, the folder that holds index.php.
	URL string

	// TokenFile names a file holding the token_auth. The file is read
	// again for every call, so a rotated token takes effect at once.
	TokenFile string
	// TokenEnv names the environment variable that holds the token when
	// TokenFile is empty.
	TokenEnv string

	// Timeout bounds each HTTP request; zero means DefaultAPITimeout.
	Timeout time.Duration
	// MaxResponseBytes caps the size of one response; zero means
	// DefaultAPIMaxResponseBytes.
	MaxResponseBytes int64

	// Client sends the requests; nil means a new http.Client. The reader
	// uses a copy that never follows redirects.
	Client *http.Client
	Logger *slog.Logger
}

// APIClient reads the Matomo Reporting API. It only calls read methods,
// and sends the token in the POST body only, never in the URL, so that
// tokens created as secure-only (Matomo 5) work and the token stays out of
// web server access logs.
//
// After Matomo rejects the token, the client calls nothing for a backoff
// period (see Backoff); a changed token ends the backoff at once.
type APIClient struct {
	endpoint    string // <URL>/index.php
	displayURL  string // endpoint without a password, for messages
	tokenSource string // description of the token source, for messages
	cfg         APIConfig
	client      *http.Client
	logger      *slog.Logger
	now         func() time.Time

	mu          sync.Mutex
	backoff     apiBackoff
	warnedToken [sha256.Size]byte // fingerprint of the last token found malformed
}

// apiBackoff is the state after an authentication failure.
type apiBackoff struct {
	until       time.Time
	next        time.Duration     // length of the next backoff
	failedToken [sha256.Size]byte // fingerprint of the rejected token
	reason      string            // Matomo's message, token redacted
}

var tokenPattern = regexp.MustCompile(`^[0-9a-fA-F]{32}$`)

// NewAPIClient validates cfg and returns a client. It reads the token once
// to report a missing one now rather than at the first scrape.
func NewAPIClient(cfg APIConfig) (*APIClient, error) {
	endpoint, display, err := apiEndpoint(cfg.URL)
	if err != nil {
		return nil, err
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultAPITimeout
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultAPIMaxResponseBytes
	}

	client := &http.Client{}
	if cfg.Client != nil {
		copied := *cfg.Client
		client = &copied
	}
	// Go follows a 307 or 308 redirect with the same body, which would
	// send the token to whatever host the redirect names.
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}

	c := &APIClient{
		endpoint:   endpoint,
		displayURL: display,
		cfg:        cfg,
		client:     client,
		logger:     logger,
		now:        time.Now,
		backoff:    apiBackoff{next: apiBackoffMin},
	}
	switch {
	case cfg.TokenFile != "":
		c.tokenSource = "the token file " + cfg.TokenFile
	case cfg.TokenEnv != "":
		c.tokenSource = "the environment variable " + cfg.TokenEnv
	default:
		return nil, errors.New("no source for the Matomo API token: set --matomo.token-file to a file holding the token_auth of a Matomo Super User, or set MATOMO_TOKEN_AUTH")
	}
	if _, err := c.token(); err != nil {
		return nil, err
	}
	return c, nil
}

// apiEndpoint checks the Matomo URL and returns the index.php URL and a
// form of it without a password, for messages.
func apiEndpoint(raw string) (endpoint, display string, err error) {
	const fix = "set --matomo.url to the Matomo root, such as https://matomo.example.com/ or https://example.com/matomo/"
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		// Both raw and the *url.Error may hold a query with a token.
		withoutQuery, _, _ := strings.Cut(raw, "?")
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return "", "", fmt.Errorf("invalid Matomo URL %q: %v; %s", withoutQuery, err, fix)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", "", fmt.Errorf("invalid Matomo URL %q: it needs the scheme http or https and a host; %s", u.Redacted(), fix)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		// The query may hold a token, so the message leaves it out. A
		// token in the URL would end up in access logs.
		u.RawQuery, u.Fragment, u.ForceQuery = "", "", false
		return "", "", fmt.Errorf("invalid Matomo URL %q with a query or fragment: give the Matomo root without them; %s", u.Redacted(), fix)
	}
	u.Path = strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/index.php") + "/index.php"
	return u.String(), u.Redacted(), nil
}

// token reads the token from its source. It warns once per distinct token
// that does not look like a Matomo token_auth, and ends a backoff when the
// token differs from the one Matomo rejected.
func (c *APIClient) token() (string, error) {
	var tok string
	if c.cfg.TokenFile != "" {
		data, err := readSmallFile(c.cfg.TokenFile, maxTokenFileBytes)
		if err != nil {
			return "", fmt.Errorf("reading the Matomo API token: %w; put the token_auth of a Matomo Super User in that file", err)
		}
		tok = strings.TrimSpace(string(data))
	} else {
		tok = strings.TrimSpace(os.Getenv(c.cfg.TokenEnv))
	}
	if tok == "" {
		return "", fmt.Errorf("the Matomo API token is missing: %s is empty; put the token_auth of a Matomo Super User there (Administration, Personal, Security, Auth tokens)", c.tokenSource)
	}

	fp := sha256.Sum256([]byte(tok))
	c.mu.Lock()
	defer c.mu.Unlock()
	if !tokenPattern.MatchString(tok) && c.warnedToken != fp {
		c.warnedToken = fp
		c.logger.Warn("The Matomo API token does not look like a token_auth (32 hexadecimal characters); using it anyway",
			"source", c.tokenSource)
	}
	if !c.backoff.until.IsZero() && c.backoff.failedToken != fp {
		c.logger.Info("The Matomo API token changed; calling the API again", "source", c.tokenSource)
		c.backoff = apiBackoff{next: apiBackoffMin}
	}
	return tok, nil
}

// Backoff reports whether the client stopped calling the API after an
// authentication failure, and until when.
func (c *APIClient) Backoff() (bool, time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.backoff.until.IsZero() || !c.now().Before(c.backoff.until) {
		return false, time.Time{}
	}
	return true, c.backoff.until
}

// checkBackoff returns an error while a backoff is running.
func (c *APIClient) checkBackoff(method string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.backoff.until.IsZero() || !c.now().Before(c.backoff.until) {
		return nil
	}
	return &apiError{
		kind: ErrAPIBackoff,
		msg: fmt.Sprintf("not calling %s until %s because Matomo rejected the API token (%s); "+
			"Matomo blocks an IP after repeated failed logins, so the exporter waits. Put a valid token_auth of a Super User in %s",
			method, c.backoff.until.UTC().Format(time.RFC3339), c.backoff.reason, c.tokenSource),
	}
}

// startBackoff records an authentication failure for tok and returns the
// end of the backoff. Requests that were already in flight when the
// backoff began do not extend it.
func (c *APIClient) startBackoff(tok, method, reason string) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if now.Before(c.backoff.until) {
		return c.backoff.until
	}
	c.backoff.until = now.Add(c.backoff.next)
	c.backoff.failedToken = sha256.Sum256([]byte(tok))
	c.backoff.reason = reason
	c.logger.Warn("Matomo rejected the API token; pausing Reporting API calls so that Matomo does not block the exporter's IP",
		"method", method, "reason", reason, "until", c.backoff.until.UTC().Format(time.RFC3339),
		"backoff", c.backoff.next.String(), "fix", "put a valid token_auth of a Super User in "+c.tokenSource)
	c.backoff.next = min(2*c.backoff.next, apiBackoffMax)
	return c.backoff.until
}

// endBackoff resets the backoff after a successful call.
func (c *APIClient) endBackoff() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.backoff.next != apiBackoffMin || !c.backoff.until.IsZero() {
		c.backoff = apiBackoff{next: apiBackoffMin}
	}
}

// Callers can distinguish the errors of the Reporting API reader with errors.Is.
var (
	// ErrAPIAuth means Matomo rejected the token, or a web server in
	// front of it returned HTTP 401 or 403.
	ErrAPIAuth = errors.New("the Matomo API rejected the token")
	// ErrAPIPermission means the token is valid but its user lacks a
	// permission the method needs (most need a Super User).
	ErrAPIPermission = errors.New("the token's user lacks a permission")
	// ErrAPIBackoff means the client skipped the call because Matomo
	// rejected the token recently.
	ErrAPIBackoff = errors.New("API calls paused after an authentication failure")
)

// apiError is every error the client builds. Its message never contains
// the token, and it unwraps only to a sentinel error or a context error,
// never to an error that carries request data.
type apiError struct {
	msg  string
	kind error
}

func (e *apiError) Error() string { return e.msg }
func (e *apiError) Unwrap() error { return e.kind }

// redact removes the token from s, in plain and URL-encoded form.
func redact(s, tok string) string {
	if tok == "" {
		return s
	}
	s = strings.ReplaceAll(s, tok, "[redacted]")
	if escaped := url.QueryEscape(tok); escaped != tok {
		s = strings.ReplaceAll(s, escaped, "[redacted]")
	}
	return s
}

// maxTokenFileBytes bounds the token file: a token_auth is 32 characters,
// so anything much larger is the wrong file.
const maxTokenFileBytes = 4096

// readSmallFile reads a regular file of at most limit bytes. A FIFO or a
// device could block the scrape forever, and a huge file waste memory.
func readSmallFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d a token file may have", path, info.Size(), limit)
	}
	return io.ReadAll(io.LimitReader(f, limit))
}
