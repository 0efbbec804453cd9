// Package apitest runs a Matomo-like Reporting API server on 127.0.0.1 for
// tests of the API reader. It responds to the read methods the reader calls,
// in the shapes Matomo 4 and 5 use, from an Instance or from responses
// recorded under testdata/api/. It fails the test when a request carries
// the token anywhere but the POST body, and it can be switched into the
// faults a real instance or the network in front of it shows.
package apitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fault is a way the server misbehaves.
type Fault int

const (
	// FaultNone responds normally.
	FaultNone Fault = iota
	// FaultErrorObject responds with {"result":"error","message":...} with HTTP
	// 200, as Matomo does for most exceptions.
	FaultErrorObject
	// FaultHTML responds with a login page with HTTP 200, as a Matomo URL
	// without the API or a single sign-on proxy does.
	FaultHTML
	// FaultProxyError responds with an HTML error page with HTTP 502.
	FaultProxyError
	// FaultStringValues sends every number and boolean as a string, with
	// "1" and "0" for true and false.
	FaultStringValues
	// FaultMissingFields leaves out optional fields: last_seen,
	// date_registered, uses_2fa and invite_status of users, version of
	// API.getPhpVersion, and value of every system setting.
	FaultMissingFields
	// FaultSlow sends nothing until the client gives up.
	FaultSlow
	// FaultAuth rejects the token like Matomo: HTTP 401 and the error
	// object of plugins/Login/Login.php. It counts as a failed login.
	FaultAuth
	// FaultNoSuperUser responds as to a valid token whose user is not a
	// Super User: Super User methods fail with HTTP 401 and Matomo's
	// permission message.
	FaultNoSuperUser
	// FaultRedirect responds with HTTP 307 to another path of the server, which
	// fails the test if the client follows it.
	FaultRedirect
)

const (
	authFailedMessage = "Unable to authenticate with the provided token. It is either invalid or expired."
	superUserMessage  = "You can't access this resource as it requires a 'superuser' access."
	loginPage         = `<!DOCTYPE html><html><head><title>Sign in - Matomo</title></head>` +
		`<body><form method="post" action="index.php?module=Login"><input name="form_login"></form></body></html>`
	proxyErrorPage = `<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>`
)

// superUserMethods need a Super User in Matomo 4 and 5.
var superUserMethods = map[string]bool{
	"API.getPhpVersion":                    true,
	"UsersManager.getUsersSitesFromAccess": true,
	"CorePluginsAdmin.getSystemSettings":   true,
}

// Server is a running Matomo-like API server.
type Server struct {
	// URL is the Matomo root, such as http://127.0.0.1:41234/.
	URL string

	t      testing.TB
	token  string
	srv    *httptest.Server
	closed chan struct{}

	mu           sync.Mutex
	responses    responses
	fault        Fault
	faultMethods map[string]bool // empty: every method
	errorMessage string
	maxRows      int
	requests     int
	calls        map[string]int
	failedLogins int
}

// NewServer starts a server that describes inst and accepts token. It
// stops when the test ends.
func NewServer(t testing.TB, inst Instance, token string) *Server {
	t.Helper()
	return start(t, render(inst, time.Now()), token)
}

// NewRecordedServer starts a server that sends the responses recorded in dir
// (see the file names in this package) and accepts token.
func NewRecordedServer(t testing.TB, dir, token string) *Server {
	t.Helper()
	return start(t, loadRecorded(t, dir), token)
}

func start(t testing.TB, a responses, token string) *Server {
	s := &Server{t: t, token: token, responses: a, calls: map[string]int{}, closed: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(s.handle))
	s.URL = s.srv.URL + "/"
	t.Cleanup(func() {
		close(s.closed) // release FaultSlow handlers, which Close waits for
		s.srv.Close()
	})
	return s
}

// SetFault switches the server into f for the named methods, or for every
// method when none is named. FaultNone ends every fault.
func (s *Server) SetFault(f Fault, methods ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = f
	s.faultMethods = map[string]bool{}
	for _, m := range methods {
		s.faultMethods[m] = true
	}
}

// SetErrorMessage sets the message FaultErrorObject sends.
func (s *Server) SetErrorMessage(message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errorMessage = message
}

// SetMaxRows makes the server fail the test, and respond with an error, when one
// UsersManager.getUsers response would hold more than n users; 0 means no
// limit. It checks that a client pages through large instances.
func (s *Server) SetMaxRows(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maxRows = n
}

// Requests returns how many requests reached the server.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// Calls returns how many requests named method.
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// FailedLogins returns how many requests carried a rejected token; Matomo
// records each in brute_force_log.
func (s *Server) FailedLogins() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failedLogins
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/elsewhere/index.php" {
		s.t.Errorf("apitest: the client followed a redirect")
		http.Error(w, "redirect followed", http.StatusTeapot)
		return
	}
	form, ok := s.checkRequest(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	method := form.Get("method")

	s.mu.Lock()
	s.requests++
	s.calls[method]++
	fault := FaultNone
	if len(s.faultMethods) == 0 || s.faultMethods[method] {
		fault = s.fault
	}
	errorMessage := s.errorMessage
	s.mu.Unlock()

	if form.Get("token_auth") != s.token || fault == FaultAuth {
		s.mu.Lock()
		s.failedLogins++
		s.mu.Unlock()
		writeJSON(w, http.StatusUnauthorized, errorObject(authFailedMessage))
		return
	}

	switch fault {
	case FaultSlow:
		select {
		case <-r.Context().Done():
		case <-s.closed:
		}
		return
	case FaultHTML:
		writePage(w, http.StatusOK, loginPage)
		return
	case FaultProxyError:
		writePage(w, http.StatusBadGateway, proxyErrorPage)
		return
	case FaultRedirect:
		w.Header().Set("Location", s.srv.URL+"/elsewhere/index.php")
		w.WriteHeader(http.StatusTemporaryRedirect)
		return
	case FaultErrorObject:
		if errorMessage == "" {
			errorMessage = "An unexpected website was found in the request: website id was set to '0' ."
		}
		writeJSON(w, http.StatusOK, errorObject(errorMessage))
		return
	case FaultNoSuperUser:
		if superUserMethods[method] {
			writeJSON(w, http.StatusUnauthorized, errorObject(superUserMessage))
			return
		}
	}

	doc, err := s.response(method, form)
	if err != nil {
		writeJSON(w, http.StatusOK, errorObject(err.Error()))
		return
	}
	switch fault {
	case FaultStringValues:
		doc = stringValues(doc)
	case FaultMissingFields:
		doc = withoutOptionalFields(method, doc)
	}
	writeJSON(w, http.StatusOK, doc)
}

// checkRequest fails the test when the request does not look like the
// reader's: the token anywhere but the POST body, or not a POST of an
// API call.
func (s *Server) checkRequest(r *http.Request) (url.Values, bool) {
	t := s.t
	ok := true
	if strings.Contains(r.RequestURI, s.token) || r.URL.Query().Has("token_auth") {
		t.Errorf("apitest: token_auth sent in the URL %s", strings.ReplaceAll(r.RequestURI, s.token, "[token]"))
		ok = false
	}
	for name, values := range r.Header {
		if strings.Contains(strings.ToLower(name), "token") {
			t.Errorf("apitest: header %s may carry the token", name)
			ok = false
		}
		for _, v := range values {
			if strings.Contains(v, s.token) {
				t.Errorf("apitest: token_auth sent in the header %s", name)
				ok = false
			}
		}
	}
	if ua := r.UserAgent(); !strings.HasPrefix(ua, "matomo-security-exporter/") {
		t.Errorf("apitest: User-Agent %q, expected matomo-security-exporter/<version>", ua)
	}
	if r.Method != http.MethodPost || r.URL.Path != "/index.php" {
		t.Errorf("apitest: %s %s, expected POST /index.php", r.Method, r.URL.Path)
		return nil, false
	}
	if err := r.ParseForm(); err != nil {
		t.Errorf("apitest: reading the form body: %v", err)
		return nil, false
	}
	form := r.PostForm
	if form.Get("module") != "API" || !strings.EqualFold(form.Get("format"), "json") || form.Get("method") == "" {
		t.Errorf("apitest: body has module=%q format=%q method=%q, expected module=API format=JSON and a method",
			form.Get("module"), form.Get("format"), form.Get("method"))
		ok = false
	}
	if !form.Has("token_auth") {
		t.Errorf("apitest: no token_auth in the POST body of %s", form.Get("method"))
		ok = false
	}
	return form, ok
}

// response returns the document for one call, or the error Matomo would
// send.
func (s *Server) response(method string, form url.Values) (any, error) {
	s.mu.Lock()
	a := s.responses
	maxRows := s.maxRows
	s.mu.Unlock()

	switch method {
	case "API.getMatomoVersion", "API.getPiwikVersion":
		return a.version, nil
	case "API.getPhpVersion":
		return a.php, nil
	case "API.isPluginActivated":
		name := form.Get("pluginName")
		if name == "" {
			return nil, fmt.Errorf("Please specify a value for 'pluginName'.")
		}
		if response, ok := a.plugins[name]; ok {
			return response, nil
		}
		return map[string]any{"value": false}, nil
	case "UsersManager.getUsersSitesFromAccess":
		access := form.Get("access")
		if response, ok := a.access[access]; ok {
			return response, nil
		}
		if access == "" {
			return nil, fmt.Errorf("Please specify a value for 'access'.")
		}
		return []any{}, nil // a capability without rows
	case "UsersManager.getUsersLogin":
		logins := make([]any, 0, len(a.users))
		for _, u := range a.users {
			logins = append(logins, login(u))
		}
		return limit(logins, form), nil
	case "UsersManager.getUsers":
		users := a.users
		if list := form.Get("userLogins"); list != "" {
			wanted := map[string]bool{}
			for _, l := range strings.Split(list, ",") {
				wanted[l] = true
			}
			users = nil
			for _, u := range a.users {
				if wanted[login(u)] {
					users = append(users, u)
				}
			}
		}
		users = limit(users, form)
		if maxRows > 0 && len(users) > maxRows {
			s.t.Errorf("apitest: UsersManager.getUsers would return %d users, more than the limit of %d", len(users), maxRows)
			return nil, fmt.Errorf("apitest: response of %d users is over the limit of %d", len(users), maxRows)
		}
		if users == nil {
			users = []any{}
		}
		return users, nil
	case "UsersManager.getUser":
		for _, u := range a.users {
			if login(u) == form.Get("userLogin") {
				return u, nil
			}
		}
		return nil, fmt.Errorf("The user '%s' doesn't exist.", form.Get("userLogin"))
	case "CorePluginsAdmin.getSystemSettings":
		if list, ok := a.settings.([]any); ok {
			return limit(list, form), nil
		}
		return a.settings, nil
	}
	s.t.Errorf("apitest: the client called %s, which the server does not know", method)
	return nil, fmt.Errorf("The method '%s' does not exist or is not available in the module.", method)
}

func login(user any) string {
	row, _ := user.(map[string]any)
	l, _ := row["login"].(string)
	return l
}

// limit applies filter_offset and filter_limit the way Matomo's
// ResponseBuilder does for a list: a negative limit means all.
func limit(list []any, form url.Values) []any {
	n, err := strconv.Atoi(form.Get("filter_limit"))
	if err != nil {
		n = -1
	}
	offset, _ := strconv.Atoi(form.Get("filter_offset"))
	if n < 0 && offset <= 0 {
		return list
	}
	offset = min(max(offset, 0), len(list))
	end := len(list)
	if n >= 0 {
		end = min(offset+n, len(list))
	}
	return list[offset:end]
}

func errorObject(message string) map[string]any {
	return map[string]any{"result": "error", "message": message}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

func writePage(w http.ResponseWriter, status int, page string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(page))
}
