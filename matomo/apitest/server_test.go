package apitest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const token = "0123456789abcdef0123456789abcdef"

var recorded5 = filepath.Join("..", "..", "testdata", "api", "matomo-5.1")

// recorder replaces the test that the server reports to, so that a test
// can check the failures the server reports.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Helper() {}

func (r *recorder) failures() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// post sends a request the way the API reader does, with edit applied.
func post(t *testing.T, s *Server, body url.Values, edit func(*http.Request)) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+"index.php", strings.NewReader(body.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "matomo-security-exporter/test")
	if edit != nil {
		edit(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(data)
}

func form(method string, pairs ...string) url.Values {
	v := url.Values{"module": {"API"}, "format": {"JSON"}, "method": {method}, "token_auth": {token}}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func TestServerFailsTestOnTokenOutsideBody(t *testing.T) {
	cases := []struct {
		name string
		body url.Values
		edit func(*http.Request)
		want string
	}{
		{"token in the query", form("API.getMatomoVersion"), func(r *http.Request) {
			r.URL.RawQuery = "token_auth=" + token
		}, "token_auth sent in the URL"},
		{"token_auth key in the query", form("API.getMatomoVersion"), func(r *http.Request) {
			r.URL.RawQuery = "token_auth=other"
		}, "token_auth sent in the URL"},
		{"token in a header", form("API.getMatomoVersion"), func(r *http.Request) {
			r.Header.Set("Authorization", "Bearer "+token)
		}, "token_auth sent in the header Authorization"},
		{"token header name", form("API.getMatomoVersion"), func(r *http.Request) {
			r.Header.Set("X-Token-Auth", "x")
		}, "header X-Token-Auth may carry the token"},
		{"no token in the body", url.Values{"module": {"API"}, "format": {"JSON"}, "method": {"API.getMatomoVersion"}}, nil,
			"no token_auth in the POST body"},
		{"GET", form("API.getMatomoVersion"), func(r *http.Request) { r.Method = http.MethodGet }, "expected POST /index.php"},
		{"foreign User-Agent", form("API.getMatomoVersion"), func(r *http.Request) { r.Header.Set("User-Agent", "curl/8") }, "User-Agent"},
		{"unknown method", form("UsersManager.deleteUser", "userLogin", "bob"), nil, "does not know"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			s := NewRecordedServer(rec, recorded5, token)
			post(t, s, c.body, c.edit)
			failures := rec.failures()
			if len(failures) == 0 {
				t.Fatalf("the server reported nothing, want %q", c.want)
			}
			if !strings.Contains(strings.Join(failures, "\n"), c.want) {
				t.Errorf("the server reported %q, want %q", failures, c.want)
			}
			for _, f := range failures {
				if strings.Contains(f, token) {
					t.Errorf("the report %q repeats the token", f)
				}
			}
		})
	}
}

func TestServerAnswersLikeMatomo(t *testing.T) {
	cases := []struct {
		name       string
		body       url.Values
		wantStatus int
		want       string
	}{
		{"version", form("API.getMatomoVersion"), 200, `{"value":"5.1.2"}`},
		{"plugin", form("API.isPluginActivated", "pluginName", "TwoFactorAuth"), 200, `{"value":true}`},
		{"plugin not installed", form("API.isPluginActivated", "pluginName", "Nope"), 200, `{"value":false}`},
		{"access", form("UsersManager.getUsersSitesFromAccess", "access", "admin"), 200, `{"editor":[3]}`},
		{"capability", form("UsersManager.getUsersSitesFromAccess", "access", "tagmanager_write"), 200, `[]`},
		{"logins paged", form("UsersManager.getUsersLogin", "filter_limit", "2", "filter_offset", "1"), 200, `["editor","guest.viewer"]`},
		{"users by login", form("UsersManager.getUsers", "userLogins", "ops,nobody"), 200, `"login":"ops"`},
		{"one user", form("UsersManager.getUser", "userLogin", "tagger"), 200, `"login":"tagger"`},
		{"missing user", form("UsersManager.getUser", "userLogin", "nobody"), 200, `{"message":"The user 'nobody' doesn't exist.","result":"error"}`},
		{"wrong token", url.Values{"module": {"API"}, "format": {"JSON"}, "method": {"API.getMatomoVersion"}, "token_auth": {"bad"}},
			401, `{"message":"Unable to authenticate with the provided token. It is either invalid or expired.","result":"error"}`},
	}
	s := NewRecordedServer(t, recorded5, token)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := post(t, s, c.body, nil)
			if status != c.wantStatus || !strings.Contains(body, c.want) {
				t.Errorf("response = %d %s, want %d with %s", status, body, c.wantStatus, c.want)
			}
		})
	}
	if got := s.FailedLogins(); got != 1 {
		t.Errorf("FailedLogins() = %d, want 1", got)
	}
	if got := s.Calls("API.isPluginActivated"); got != 2 {
		t.Errorf("Calls(API.isPluginActivated) = %d, want 2", got)
	}
}

func TestServerMaxRows(t *testing.T) {
	rec := &recorder{TB: t}
	s := NewRecordedServer(rec, recorded5, token)
	s.SetMaxRows(3)
	if _, body := post(t, s, form("UsersManager.getUsers", "userLogins", "ops,editor"), nil); !strings.Contains(body, `"login":"ops"`) {
		t.Errorf("two users under a limit of three: %s", body)
	}
	if len(rec.failures()) != 0 {
		t.Errorf("the server reported %q for a response under the limit", rec.failures())
	}
	if _, body := post(t, s, form("UsersManager.getUsers"), nil); !strings.Contains(body, `"result":"error"`) {
		t.Errorf("every user over a limit of three: %s, want an error", body)
	}
	if len(rec.failures()) != 1 {
		t.Errorf("the server reported %q, want one report of the limit", rec.failures())
	}
}

func TestServerFaultsChangeAnswers(t *testing.T) {
	cases := []struct {
		fault      Fault
		body       url.Values
		wantStatus int
		want       string
	}{
		{FaultStringValues, form("UsersManager.getUsersSitesFromAccess", "access", "admin"), 200, `{"editor":["3"]}`},
		{FaultStringValues, form("API.isPluginActivated", "pluginName", "TwoFactorAuth"), 200, `{"value":"1"}`},
		{FaultMissingFields, form("API.getPhpVersion"), 200, `{"extra":"","major":8,"minor":2,"release":20,"versionId":80220}`},
		{FaultHTML, form("API.getMatomoVersion"), 200, "<form"},
		{FaultProxyError, form("API.getMatomoVersion"), 502, "Bad Gateway"},
		{FaultAuth, form("API.getMatomoVersion"), 401, "Unable to authenticate"},
		{FaultNoSuperUser, form("CorePluginsAdmin.getSystemSettings"), 401, "requires a 'superuser' access"},
		{FaultNoSuperUser, form("API.getMatomoVersion"), 200, `{"value":"5.1.2"}`},
		{FaultErrorObject, form("API.getMatomoVersion"), 200, `"result":"error"`},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d/%s", c.fault, c.body.Get("method")), func(t *testing.T) {
			s := NewRecordedServer(t, recorded5, token)
			s.SetFault(c.fault)
			status, body := post(t, s, c.body, nil)
			if status != c.wantStatus || !strings.Contains(body, c.want) {
				t.Errorf("response = %d %s, want %d with %s", status, body, c.wantStatus, c.want)
			}
		})
	}

	// A fault limited to one method leaves the others alone.
	s := NewRecordedServer(t, recorded5, token)
	s.SetFault(FaultHTML, "API.getPhpVersion")
	if _, body := post(t, s, form("API.getMatomoVersion"), nil); body != `{"value":"5.1.2"}` {
		t.Errorf("API.getMatomoVersion under a fault of another method = %s", body)
	}
}

func TestRenderFlavors(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	inst := Instance{
		Version: "4.16.1", PHPVersion: "7.4.33",
		Plugins:     map[string]bool{"TwoFactorAuth": false},
		PublicSites: []int{2},
		Users: []User{
			{Login: "root", SuperUser: true, TwoFactor: true, LastSeen: now.Add(-time.Hour)},
			{Login: "invited", InviteExpires: now.Add(50 * time.Hour), Access: map[int]string{1: "view"}},
		},
	}
	cases := []struct {
		flavor Flavor
		want   []string
	}{
		{Matomo4, []string{`"superuser_access":"1"`, `"view":{"anonymous":["2"],"invited":["1"]}`}},
		{Matomo5, []string{`"superuser_access":1`, `"view":{"anonymous":[2],"invited":[1]}`}},
	}
	for _, c := range cases {
		inst.Flavor = c.flavor
		a := render(inst, now)
		data, err := json.Marshal(map[string]any{"users": a.users, "access": a.access, "php": a.php})
		if err != nil {
			t.Fatal(err)
		}
		got := string(data)
		// Both flavors: uses_2fa is false while the plugin is off, and a
		// pending invitation sends its whole days left as a float.
		for _, w := range append(c.want, `"uses_2fa":false`, `"invite_status":2.0`, `"last_seen":"2025-03-01 11:00:00"`,
			`"admin":[]`, `"versionId":70433`) {
			if !strings.Contains(got, w) {
				t.Errorf("flavor %d: responses lack %s:\n%s", c.flavor, w, got)
			}
		}
	}
}
