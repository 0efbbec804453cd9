package matomo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/prometheus/common/version"
)

// errRequestTimeout is the cause of a context that hit the per-request
// timeout, as opposed to the caller's deadline.
var errRequestTimeout = errors.New("API request timeout")

// maxQuotedMessage caps how much of Matomo's error message goes into an
// error; with backtraces enabled Matomo sends pages of them.
const maxQuotedMessage = 500

func userAgent() string {
	v := version.Version
	if v == "" {
		v = "unknown"
	}
	return "matomo-security-exporter/" + v
}

// newAPIError formats an error message and removes the token from it.
func newAPIError(tok string, kind error, format string, args ...any) error {
	return &apiError{kind: kind, msg: redact(fmt.Sprintf(format, args...), tok)}
}

// call sends one API request and returns the JSON response. params must not
// hold the token: call adds it to the POST body itself.
func (c *APIClient) call(ctx context.Context, tok, method string, params url.Values) ([]byte, error) {
	if err := c.checkBackoff(method); err != nil {
		return nil, err
	}

	form := url.Values{}
	for k, v := range params {
		form[k] = v
	}
	form.Set("module", "API")
	form.Set("method", method)
	form.Set("format", "JSON")
	form.Set("token_auth", tok)

	reqCtx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout, errRequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodPost, c.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, newAPIError(tok, nil, "building the request for %s: %v", method, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent())

	start := time.Now()
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, c.transportError(ctx, reqCtx, tok, method, err)
	}
	defer resp.Body.Close()

	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxResponseBytes+1))
	if err != nil {
		return nil, c.transportError(ctx, reqCtx, tok, method, err)
	}
	if int64(len(body)) > c.cfg.MaxResponseBytes {
		return nil, newAPIError(tok, nil, "the response to %s from %s is larger than the limit of %s; "+
			"check that --matomo.url points at the Matomo root", method, c.displayURL, byteSize(c.cfg.MaxResponseBytes))
	}
	c.logger.Debug("Called the Matomo Reporting API", "method", method, "status", resp.StatusCode,
		"bytes", len(body), "duration", time.Since(start))

	doc, err := c.checkResponse(tok, method, resp, body)
	if err != nil {
		return nil, err
	}
	c.endBackoff()
	return doc, nil
}

// transportError describes a failed request: a timeout of this request,
// the end of the caller's context, or a network error.
func (c *APIClient) transportError(ctx, reqCtx context.Context, tok, method string, err error) error {
	switch {
	case ctx.Err() != nil:
		return newAPIError(tok, ctx.Err(), "calling %s at %s: %v before Matomo responded", method, c.displayURL, ctx.Err())
	case errors.Is(context.Cause(reqCtx), errRequestTimeout):
		return newAPIError(tok, context.DeadlineExceeded, "calling %s at %s timed out after %s; check that Matomo is up, or raise --matomo.api-timeout",
			method, c.displayURL, c.cfg.Timeout)
	}
	// A *url.Error repeats the method and URL; keep only its cause.
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return newAPIError(tok, nil, "calling %s at %s: %v", method, c.displayURL, err)
}

// byteSize writes n in MiB when it is a whole number of them.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

var utf8BOM = []byte("\xef\xbb\xbf")

// checkResponse turns an HTTP response into the JSON document or an error.
func (c *APIClient) checkResponse(tok, method string, resp *http.Response, body []byte) ([]byte, error) {
	status := resp.StatusCode
	contentType := resp.Header.Get("Content-Type")
	if contentType == "" {
		contentType = "no content type"
	}
	authStatus := status == http.StatusUnauthorized || status == http.StatusForbidden

	if status >= 300 && status < 400 {
		return nil, newAPIError(tok, nil, "Matomo responded to %s with a redirect (HTTP %d) to %q; the exporter does not follow redirects "+
			"because they could carry the token to another host. Set --matomo.url to the URL the redirect names",
			method, status, resp.Header.Get("Location"))
	}

	doc := bytes.TrimSpace(bytes.TrimPrefix(body, utf8BOM))
	if !looksLikeJSON(doc) {
		switch {
		case authStatus || bruteForceBlocked(doc):
			return nil, c.authFailure(tok, method, fmt.Sprintf("HTTP %d with %s (%d bytes) instead of JSON", status, contentType, len(body)))
		case status/100 != 2:
			return nil, newAPIError(tok, nil, "HTTP %d from %s: expected JSON, got %s (%d bytes); check --matomo.url points at the Matomo root",
				status, method, contentType, len(body))
		}
		return nil, newAPIError(tok, nil, "expected JSON from %s, got %s (%d bytes); check --matomo.url points at the Matomo root",
			method, contentType, len(body))
	}

	if message, ok := matomoError(doc); ok {
		message = quoteMessage(redact(message, tok))
		switch {
		case isAuthMessage(message):
			return nil, c.authFailure(tok, method, message)
		case authStatus || isPermissionMessage(message):
			return nil, newAPIError(tok, ErrAPIPermission, "Matomo denied access to %s: %s; the exporter needs the token_auth of a Super User",
				method, message)
		}
		return nil, newAPIError(tok, nil, "Matomo returned an error for %s: %s", method, message)
	}

	switch {
	case authStatus:
		return nil, c.authFailure(tok, method, fmt.Sprintf("HTTP %d", status))
	case status/100 != 2:
		return nil, newAPIError(tok, nil, "HTTP %d from %s with a JSON body that is not a Matomo error", status, method)
	}
	return doc, nil
}

// authFailure starts a backoff and returns the error for the failed call.
func (c *APIClient) authFailure(tok, method, reason string) error {
	reason = redact(reason, tok)
	until := c.startBackoff(tok, method, reason)
	return newAPIError(tok, ErrAPIAuth, "Matomo rejected the API token for %s (%s); no API calls until %s. Put a valid token_auth of a Super User in %s",
		method, reason, until.UTC().Format(time.RFC3339), c.tokenSource)
}

// looksLikeJSON reports whether doc is a JSON object or array. Matomo wraps
// scalars as {"value": ...}, so a bare scalar is not an API response.
func looksLikeJSON(doc []byte) bool {
	if len(doc) == 0 || doc[0] != '{' && doc[0] != '[' {
		return false
	}
	return json.Valid(doc)
}

// matomoError returns the message of an error object,
// {"result":"error","message":"..."}.
func matomoError(doc []byte) (string, bool) {
	if doc[0] != '{' {
		return "", false
	}
	// RawMessage, because a response keyed by login may have a key named
	// "result" that contains something else.
	var obj struct {
		Result  json.RawMessage `json:"result"`
		Message json.RawMessage `json:"message"`
	}
	if err := json.Unmarshal(doc, &obj); err != nil {
		return "", false
	}
	var result string
	if json.Unmarshal(obj.Result, &result) != nil || result != "error" {
		return "", false
	}
	var message apiString
	_ = json.Unmarshal(obj.Message, &message)
	if message == "" {
		return "(no message)", true
	}
	return string(message), true
}

func quoteMessage(message string) string {
	message = strings.Join(strings.Fields(message), " ")
	if len(message) > maxQuotedMessage {
		message = message[:maxQuotedMessage] + "..."
	}
	return fmt.Sprintf("%q", message)
}

// authMessages are parts of Matomo's messages for a rejected token or a
// login blocked by brute-force detection (plugins/Login/Login.php and
// plugins/Login/lang/en.json). The token message is not translated.
var authMessages = []string{
	"unable to authenticate with the provided token",
	"you must be logged in",
	"too many failed logins",
	"suspicious amount of failed attempts",
}

func isAuthMessage(message string) bool {
	m := strings.ToLower(message)
	for _, part := range authMessages {
		if strings.Contains(m, part) {
			return true
		}
	}
	return strings.Contains(m, "token_auth") && (strings.Contains(m, "invalid") || strings.Contains(m, "expired"))
}

// isPermissionMessage matches Matomo's English messages for a valid token
// whose user lacks a permission (General_ExceptionPrivilege and its
// variants). Matomo also sends HTTP 401 for these, which checkResponse uses
// when the message is translated.
func isPermissionMessage(message string) bool {
	m := strings.ToLower(message)
	return strings.Contains(m, "you can't access this resource") || strings.Contains(m, "has to be either a super user")
}

// bruteForceBlocked reports whether a page that is not JSON states that
// brute-force detection blocks the exporter.
func bruteForceBlocked(page []byte) bool {
	p := bytes.ToLower(page)
	return bytes.Contains(p, []byte("too many failed logins")) || bytes.Contains(p, []byte("suspicious amount of failed attempts"))
}
