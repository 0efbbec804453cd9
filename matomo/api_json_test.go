package matomo

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseInviteStatus(t *testing.T) {
	cases := []struct {
		raw  string
		want inviteState
	}{
		{``, inviteNone}, // field missing: Matomo before 4.11
		{`null`, inviteNone},
		{`"active"`, inviteNone},
		{`"accept"`, inviteNone},
		{`5.0`, invitePending}, // PHP float of whole days left
		{`0`, invitePending},   // last day
		{`"7"`, invitePending}, // number sent as a string
		{`"pending"`, invitePending},
		{`"expired"`, inviteExpired},
		{`"decline"`, inviteExpired},
		{`true`, inviteNone},
	}
	for _, c := range cases {
		if got := parseInviteStatus(json.RawMessage(c.raw)); got != c.want {
			t.Errorf("parseInviteStatus(%s) = %d, want %d", c.raw, got, c.want)
		}
	}
}

func TestParseAPITime(t *testing.T) {
	want := time.Date(2024, 5, 2, 8, 15, 0, 0, time.UTC)
	cases := []struct {
		in     string
		want   time.Time
		wantOK bool
	}{
		{"2024-05-02 08:15:00", want, true},
		{"2024-05-02T08:15:00Z", want, true},
		{"2024-05-02T10:15:00+02:00", want, true},
		{"1714637700", want, true},
		{"2024-05-02", time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC), true},
		{"", time.Time{}, false},
		{"0000-00-00 00:00:00", time.Time{}, false},
		{"0", time.Time{}, false},
		{"3 days 2 hours", time.Time{}, false}, // getUsersPlusRole's pretty form
	}
	for _, c := range cases {
		got, ok := parseAPITime(c.in)
		if ok != c.wantOK || !got.Equal(c.want) {
			t.Errorf("parseAPITime(%q) = %v, %v, want %v, %v", c.in, got, ok, c.want, c.wantOK)
		}
	}
}

func TestLooseJSONValues(t *testing.T) {
	bools := []struct {
		raw  string
		want bool
	}{
		{`true`, true}, {`false`, false}, {`1`, true}, {`0`, false}, {`"1"`, true}, {`"0"`, false},
		{`"true"`, true}, {`"false"`, false}, {`""`, false}, {`null`, false}, {`1.0`, true}, {`{}`, false},
	}
	for _, c := range bools {
		var b apiBool
		if err := json.Unmarshal([]byte(c.raw), &b); err != nil || bool(b) != c.want {
			t.Errorf("apiBool(%s) = %v, %v, want %v", c.raw, b, err, c.want)
		}
	}

	strs := []struct{ raw, want string }{
		{`"a"`, "a"}, {`12`, "12"}, {`6.0`, "6.0"}, {`true`, "1"}, {`false`, "0"}, {`null`, ""}, {`[1]`, ""},
	}
	for _, c := range strs {
		var s apiString
		if err := json.Unmarshal([]byte(c.raw), &s); err != nil || string(s) != c.want {
			t.Errorf("apiString(%s) = %q, %v, want %q", c.raw, s, err, c.want)
		}
	}
}

func TestClassifyMatomoMessages(t *testing.T) {
	cases := []struct {
		message    string
		auth, perm bool
	}{
		{"Unable to authenticate with the provided token. It is either invalid or expired.", true, false},
		{"Unable to authenticate with the provided token. It is either invalid, expired or is required to be sent as a POST parameter.", true, false},
		{"The token_auth is invalid.", true, false},
		{"You must be logged in to access this functionality.", true, false},
		{"Too many failed logins. Please wait and try logging in again later.", true, false},
		{"Logging in has been turned off since a suspicious amount of failed attempts were made during the last hour.", true, false},
		{"You can't access this resource as it requires a 'superuser' access.", false, true},
		{"You can't access this resource as it requires view access for the website id = 3.", false, true},
		{"The user has to be either a Super User or the user 'bob' itself.", false, true},
		{"Mysql error: Table 'matomo.matomo_option' doesn't exist", false, false},
		{"The token_auth used has too much access to be used in a non-API request URL.", false, false},
	}
	for _, c := range cases {
		if got := isAuthMessage(c.message); got != c.auth {
			t.Errorf("isAuthMessage(%q) = %v, want %v", c.message, got, c.auth)
		}
		if got := isPermissionMessage(c.message); got != c.perm {
			t.Errorf("isPermissionMessage(%q) = %v, want %v", c.message, got, c.perm)
		}
	}
}

func TestRedact(t *testing.T) {
	const tok = "a+b/c d"
	cases := []struct{ in, want string }{
		{"token a+b/c d here", "token [redacted] here"},
		{"query token_auth=a%2Bb%2Fc+d&x=1", "query token_auth=[redacted]&x=1"},
		{"nothing secret", "nothing secret"},
	}
	for _, c := range cases {
		if got := redact(c.in, tok); got != c.want {
			t.Errorf("redact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := redact("text", ""); got != "text" {
		t.Errorf("redact with an empty token = %q, want the text unchanged", got)
	}
}

func TestAPIEndpoint(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://matomo.example.com", "https://matomo.example.com/index.php"},
		{"https://matomo.example.com/", "https://matomo.example.com/index.php"},
		{"https://example.com/analytics/", "https://example.com/analytics/index.php"},
		{"https://example.com/analytics/index.php", "https://example.com/analytics/index.php"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/index.php"},
	}
	for _, c := range cases {
		got, _, err := apiEndpoint(c.in)
		if err != nil || got != c.want {
			t.Errorf("apiEndpoint(%q) = %q, %v, want %q", c.in, got, err, c.want)
		}
	}
}
