package matomo_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo/apitest"
)

const testToken = "0123456789abcdef0123456789abcdef"

var (
	recorded4 = filepath.Join("..", "testdata", "api", "matomo-4.16")
	recorded5 = filepath.Join("..", "testdata", "api", "matomo-5.1")

	watchedPlugins = []string{"TwoFactorAuth", "SecurityInfo", "ActivityLog", "LoginLdap", "LoginOIDC", "LoginSaml"}
)

// syncBuffer collects log output written by concurrent requests.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type testClient struct {
	*matomo.APIClient
	tokenFile string
	logs      *syncBuffer
}

// newTestClient returns a client for url that reads token from a file and
// logs at debug level into a buffer.
func newTestClient(t *testing.T, url, token string, edit ...func(*matomo.APIConfig)) *testClient {
	t.Helper()
	tokenFile := filepath.Join(t.TempDir(), "token")
	writeToken(t, tokenFile, token)
	logs := &syncBuffer{}
	cfg := matomo.APIConfig{
		URL:       url,
		TokenFile: tokenFile,
		TokenEnv:  "MATOMO_TOKEN_AUTH",
		Logger:    slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	for _, e := range edit {
		e(&cfg)
	}
	c, err := matomo.NewAPIClient(cfg)
	if err != nil {
		t.Fatalf("NewAPIClient: %v", err)
	}
	return &testClient{APIClient: c, tokenFile: tokenFile, logs: logs}
}

func writeToken(t *testing.T, path, token string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("  "+token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

// since2022 is an inactivity threshold under which users last seen before
// 2022 are inactive, whatever the date of the test run.
func since2022() time.Duration { return time.Since(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)) }

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04:05", s)
	if err != nil {
		panic(err)
	}
	return t
}

// checkSummary compares every field of two user summaries.
func checkSummary(t *testing.T, got, want *matomo.UserSummary) {
	t.Helper()
	if got == nil {
		t.Fatal("summary is nil")
	}
	for _, c := range []struct {
		name      string
		got, want matomo.RoleCounts
	}{
		{"Accounts", got.Accounts, want.Accounts},
		{"WithoutTwoFA", got.WithoutTwoFA, want.WithoutTwoFA},
		{"Inactive", got.Inactive, want.Inactive},
	} {
		for _, role := range matomo.Roles {
			if c.got[role] != c.want[role] {
				t.Errorf("%s[%s] = %d, want %d", c.name, role, c.got[role], c.want[role])
			}
		}
		for role := range c.got {
			if role.Rank() == 0 && role != matomo.RoleNoAccess {
				t.Errorf("%s has an unknown role %q", c.name, role)
			}
		}
	}
	if got.InvitationsPending != want.InvitationsPending {
		t.Errorf("InvitationsPending = %d, want %d", got.InvitationsPending, want.InvitationsPending)
	}
	if got.InvitationsExpired != want.InvitationsExpired {
		t.Errorf("InvitationsExpired = %d, want %d", got.InvitationsExpired, want.InvitationsExpired)
	}
	if got.PublicSites != want.PublicSites {
		t.Errorf("PublicSites = %d, want %d", got.PublicSites, want.PublicSites)
	}
	if len(got.Details) != len(want.Details) {
		t.Errorf("Details = %+v, want %+v", got.Details, want.Details)
		return
	}
	for i := range want.Details {
		g, w := got.Details[i], want.Details[i]
		if g.Login != w.Login || g.Role != w.Role || g.TwoFactor != w.TwoFactor || !g.LastSeen.Equal(w.LastSeen) {
			t.Errorf("Details[%d] = %+v, want %+v", i, g, w)
		}
	}
}

func TestNewAPIClientRejectsBadConfig(t *testing.T) {
	dir := t.TempDir()
	emptyFile := filepath.Join(dir, "empty")
	if err := os.WriteFile(emptyFile, []byte(" \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("EXPORTER_TEST_EMPTY_TOKEN", "")

	cases := []struct {
		name  string
		cfg   matomo.APIConfig
		want  []string
		leaks []string // must not appear in the error
	}{
		{"empty URL", matomo.APIConfig{TokenEnv: "X"}, []string{`invalid Matomo URL ""`, "--matomo.url"}, nil},
		{"no scheme", matomo.APIConfig{URL: "matomo.example.com", TokenEnv: "X"},
			[]string{`"matomo.example.com"`, "http or https", "--matomo.url"}, nil},
		{"ftp scheme", matomo.APIConfig{URL: "ftp://matomo.example.com/", TokenEnv: "X"},
			[]string{`"ftp://matomo.example.com/"`, "http or https"}, nil},
		{"no host", matomo.APIConfig{URL: "https://", TokenEnv: "X"}, []string{`"https:"`, "a host"}, nil},
		{"token in query", matomo.APIConfig{URL: "https://matomo.example.com/?token_auth=" + testToken, TokenEnv: "X"},
			[]string{`"https://matomo.example.com/"`, "query or fragment"}, []string{testToken}},
		{"password in URL", matomo.APIConfig{URL: "ftp://proxyuser:hunter2@matomo.example.com/", TokenEnv: "X"},
			[]string{"proxyuser:xxxxx@matomo.example.com"}, []string{"hunter2"}},
		{"no token source", matomo.APIConfig{URL: "https://matomo.example.com/"},
			[]string{"--matomo.token-file", "MATOMO_TOKEN_AUTH", "Super User"}, nil},
		{"missing token file", matomo.APIConfig{URL: "https://matomo.example.com/", TokenFile: filepath.Join(dir, "absent")},
			[]string{filepath.Join(dir, "absent"), "put the token_auth of a Matomo Super User in that file"}, nil},
		{"empty token file", matomo.APIConfig{URL: "https://matomo.example.com/", TokenFile: emptyFile},
			[]string{"the token file " + emptyFile + " is empty", "token_auth of a Matomo Super User"}, nil},
		{"empty token variable", matomo.APIConfig{URL: "https://matomo.example.com/", TokenEnv: "EXPORTER_TEST_EMPTY_TOKEN"},
			[]string{"the environment variable EXPORTER_TEST_EMPTY_TOKEN is empty"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			client, err := matomo.NewAPIClient(c.cfg)
			if err == nil {
				t.Fatalf("NewAPIClient returned %v and no error", client)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			for _, l := range c.leaks {
				if strings.Contains(err.Error(), l) {
					t.Errorf("error %q contains %q", err, l)
				}
			}
		})
	}
}

func TestNewAPIClientAcceptsURLForms(t *testing.T) {
	srv := apitest.NewRecordedServer(t, recorded5, testToken)
	root := strings.TrimSuffix(srv.URL, "/")
	for _, u := range []string{root, root + "/", root + "/index.php", " " + root + "/ "} {
		t.Run(u, func(t *testing.T) {
			c := newTestClient(t, u, testToken)
			v, err := c.Versions(context.Background())
			if err != nil {
				t.Fatalf("Versions: %v", err)
			}
			if v.Core != "5.1.2" {
				t.Errorf("Core = %q, want 5.1.2", v.Core)
			}
		})
	}
}

func TestNewAPIClientReadsTokenFromEnvironment(t *testing.T) {
	srv := apitest.NewRecordedServer(t, recorded5, testToken)
	t.Setenv("EXPORTER_TEST_TOKEN", "\t"+testToken+"\n")
	c, err := matomo.NewAPIClient(matomo.APIConfig{URL: srv.URL, TokenEnv: "EXPORTER_TEST_TOKEN"})
	if err != nil {
		t.Fatalf("NewAPIClient: %v", err)
	}
	if _, err := c.Versions(context.Background()); err != nil {
		t.Fatalf("Versions: %v", err)
	}
}

func TestAPIClientWarnsOnceAboutOddToken(t *testing.T) {
	const odd = "not-a-hex-token"
	srv := apitest.NewRecordedServer(t, recorded5, odd)
	c := newTestClient(t, srv.URL, odd)
	for range 3 {
		if _, err := c.Versions(context.Background()); err != nil {
			t.Fatalf("Versions: %v", err)
		}
	}
	logs := c.logs.String()
	if n := strings.Count(logs, "does not look like a token_auth"); n != 1 {
		t.Errorf("warned %d times about the token format, want once; logs:\n%s", n, logs)
	}
	if strings.Contains(logs, odd) {
		t.Errorf("logs contain the token:\n%s", logs)
	}
}

func TestAPIUsersRecorded(t *testing.T) {
	all4 := matomo.RoleCounts{matomo.RoleSuperUser: 2, matomo.RoleAdmin: 1, matomo.RoleWrite: 1, matomo.RoleView: 1, matomo.RoleNoAccess: 1}
	all5 := matomo.RoleCounts{matomo.RoleSuperUser: 1, matomo.RoleAdmin: 1, matomo.RoleView: 2, matomo.RoleNoAccess: 1}
	cases := []struct {
		name  string
		dir   string
		query matomo.UserQuery
		want  *matomo.UserSummary
	}{
		{
			name:  "4.16 with 2FA",
			dir:   recorded4,
			query: matomo.UserQuery{InactiveAfter: since2022(), Details: true, TwoFactorActive: true},
			want: &matomo.UserSummary{
				Accounts:           all4,
				WithoutTwoFA:       matomo.RoleCounts{matomo.RoleSuperUser: 1, matomo.RoleWrite: 1, matomo.RoleView: 1, matomo.RoleNoAccess: 1},
				Inactive:           matomo.RoleCounts{matomo.RoleSuperUser: 1, matomo.RoleWrite: 1, matomo.RoleView: 1},
				InvitationsPending: 1,
				InvitationsExpired: 1,
				PublicSites:        2,
				Details: []matomo.UserDetail{
					{Login: "admin.alice", Role: matomo.RoleAdmin, TwoFactor: true, LastSeen: utc("2024-05-02 08:15:00")},
					{Login: "root", Role: matomo.RoleSuperUser, TwoFactor: true, LastSeen: utc("2024-06-01 07:00:00")},
					{Login: "svc-reporting", Role: matomo.RoleSuperUser},
				},
			},
		},
		{
			name:  "4.16 without the 2FA plugin",
			dir:   recorded4,
			query: matomo.UserQuery{InactiveAfter: since2022(), Details: true},
			want: &matomo.UserSummary{
				Accounts:           all4,
				WithoutTwoFA:       all4,
				Inactive:           matomo.RoleCounts{matomo.RoleSuperUser: 1, matomo.RoleWrite: 1, matomo.RoleView: 1},
				InvitationsPending: 1,
				InvitationsExpired: 1,
				PublicSites:        2,
				Details: []matomo.UserDetail{
					{Login: "admin.alice", Role: matomo.RoleAdmin, LastSeen: utc("2024-05-02 08:15:00")},
					{Login: "root", Role: matomo.RoleSuperUser, LastSeen: utc("2024-06-01 07:00:00")},
					{Login: "svc-reporting", Role: matomo.RoleSuperUser},
				},
			},
		},
		{
			name:  "5.1 with 2FA",
			dir:   recorded5,
			query: matomo.UserQuery{InactiveAfter: since2022(), Details: true, TwoFactorActive: true},
			want: &matomo.UserSummary{
				Accounts:           all5,
				WithoutTwoFA:       matomo.RoleCounts{matomo.RoleAdmin: 1, matomo.RoleView: 2, matomo.RoleNoAccess: 1},
				Inactive:           matomo.RoleCounts{matomo.RoleView: 1, matomo.RoleNoAccess: 1},
				InvitationsPending: 1,
				InvitationsExpired: 1,
				PublicSites:        1,
				Details: []matomo.UserDetail{
					{Login: "editor", Role: matomo.RoleAdmin, LastSeen: utc("2024-09-10 11:00:00")},
					{Login: "ops", Role: matomo.RoleSuperUser, TwoFactor: true, LastSeen: utc("2024-10-01 06:00:00")},
				},
			},
		},
		{
			name:  "5.1 without details, everyone inactive",
			dir:   recorded5,
			query: matomo.UserQuery{InactiveAfter: 0, TwoFactorActive: true},
			want: &matomo.UserSummary{
				Accounts:           all5,
				WithoutTwoFA:       matomo.RoleCounts{matomo.RoleAdmin: 1, matomo.RoleView: 2, matomo.RoleNoAccess: 1},
				Inactive:           all5,
				InvitationsPending: 1,
				InvitationsExpired: 1,
				PublicSites:        1,
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := apitest.NewRecordedServer(t, c.dir, testToken)
			client := newTestClient(t, srv.URL, testToken)
			got, err := client.Users(context.Background(), c.query)
			if err != nil {
				t.Fatalf("Users: %v", err)
			}
			checkSummary(t, got, c.want)
		})
	}
}

func TestAPIUsersInstance(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	days := func(n int) time.Time { return now.AddDate(0, 0, -n) }
	inst := apitest.Instance{
		Version:     "5.1.2",
		PHPVersion:  "8.2.20",
		Plugins:     map[string]bool{"TwoFactorAuth": true},
		PublicSites: []int{2, 5},
		Users: []apitest.User{
			{Login: "root", SuperUser: true, TwoFactor: true, LastSeen: days(1), Registered: days(1000)},
			{Login: "site.admin", LastSeen: days(200), Registered: days(1000), Access: map[int]string{1: "admin", 2: "view"}},
			{Login: "writer", LastSeen: days(5), Access: map[int]string{2: "write", 3: "view"}},
			{Login: "viewer", Registered: days(10), Access: map[int]string{1: "view"}},
			{Login: "old.viewer", Registered: days(700), Access: map[int]string{1: "view"}},
			{Login: "tagger", LastSeen: days(1), Access: map[int]string{2: "tagmanager_write"}},
			{Login: "ldap,user", TwoFactor: true, LastSeen: days(1), Access: map[int]string{1: "view"}},
			{Login: "invited", InviteExpires: now.Add(72 * time.Hour), Access: map[int]string{1: "view"}},
			{Login: "invite.lapsed", InviteExpires: now.Add(-72 * time.Hour)},
		},
	}
	want := &matomo.UserSummary{
		Accounts:           matomo.RoleCounts{matomo.RoleSuperUser: 1, matomo.RoleAdmin: 1, matomo.RoleWrite: 1, matomo.RoleView: 3, matomo.RoleNoAccess: 1},
		WithoutTwoFA:       matomo.RoleCounts{matomo.RoleAdmin: 1, matomo.RoleWrite: 1, matomo.RoleView: 2, matomo.RoleNoAccess: 1},
		Inactive:           matomo.RoleCounts{matomo.RoleAdmin: 1, matomo.RoleView: 1},
		InvitationsPending: 1,
		InvitationsExpired: 1,
		PublicSites:        2,
		Details: []matomo.UserDetail{
			{Login: "root", Role: matomo.RoleSuperUser, TwoFactor: true, LastSeen: days(1)},
			{Login: "site.admin", Role: matomo.RoleAdmin, LastSeen: days(200)},
		},
	}

	for _, flavor := range []struct {
		name   string
		flavor apitest.Flavor
	}{{"Matomo 4", apitest.Matomo4}, {"Matomo 5", apitest.Matomo5}} {
		t.Run(flavor.name, func(t *testing.T) {
			inst := inst
			inst.Flavor = flavor.flavor
			srv := apitest.NewServer(t, inst, testToken)
			c := newTestClient(t, srv.URL, testToken)
			got, err := c.Users(context.Background(), matomo.UserQuery{
				InactiveAfter: 90 * 24 * time.Hour, Details: true, TwoFactorActive: true,
			})
			if err != nil {
				t.Fatalf("Users: %v", err)
			}
			checkSummary(t, got, want)
			if n := srv.Calls("UsersManager.getUser"); n != 1 {
				t.Errorf("UsersManager.getUser called %d times, want once for the login with a comma", n)
			}
		})
	}
}

// manyUsers builds n users of every role and state, and the summary the
// reader must compute for them with a 90-day threshold.
func manyUsers(n int, now time.Time) ([]apitest.User, *matomo.UserSummary) {
	want := &matomo.UserSummary{Accounts: matomo.RoleCounts{}, WithoutTwoFA: matomo.RoleCounts{}, Inactive: matomo.RoleCounts{}}
	roles := []matomo.Role{matomo.RoleSuperUser, matomo.RoleAdmin, matomo.RoleWrite, matomo.RoleView, matomo.RoleNoAccess}
	users := make([]apitest.User, 0, n)
	for i := range n {
		u := apitest.User{Login: fmt.Sprintf("user%05d", i), TwoFactor: i%3 == 0}
		switch i % 100 {
		case 98:
			u.InviteExpires = now.Add(-48 * time.Hour)
			want.InvitationsExpired++
			users = append(users, u)
			continue
		case 99:
			u.InviteExpires = now.Add(48 * time.Hour)
			want.InvitationsPending++
			users = append(users, u)
			continue
		}

		role := roles[i%5]
		switch role {
		case matomo.RoleSuperUser:
			u.SuperUser = true
		case matomo.RoleNoAccess:
		default:
			u.Access = map[int]string{1 + i%7: string(role), 8: "view"}
		}

		inactive := false
		switch i % 4 {
		case 0: // never seen
			if i%8 == 0 {
				u.Registered = now.AddDate(0, 0, -10)
			} else {
				inactive = true // registration unknown
			}
		case 1:
			u.LastSeen = now.AddDate(0, 0, -400)
			inactive = true
		default:
			u.LastSeen = now.AddDate(0, 0, -1)
		}

		want.Accounts[role]++
		if !u.TwoFactor {
			want.WithoutTwoFA[role]++
		}
		if inactive {
			want.Inactive[role]++
		}
		users = append(users, u)
	}
	return users, want
}

func TestAPIUsersPagesLargeInstance(t *testing.T) {
	const n = 10000
	users, want := manyUsers(n, time.Now())
	want.PublicSites = 1
	srv := apitest.NewServer(t, apitest.Instance{
		Version: "5.1.2", Users: users, PublicSites: []int{3},
		Plugins: map[string]bool{"TwoFactorAuth": true},
	}, testToken)
	srv.SetMaxRows(1000)

	c := newTestClient(t, srv.URL, testToken)
	got, err := c.Users(context.Background(), matomo.UserQuery{InactiveAfter: 90 * 24 * time.Hour, TwoFactorActive: true})
	if err != nil {
		t.Fatalf("Users: %v", err)
	}
	checkSummary(t, got, want)

	wantCalls := (n + matomo.APIUsersPerRequest - 1) / matomo.APIUsersPerRequest
	if calls := srv.Calls("UsersManager.getUsers"); calls != wantCalls {
		t.Errorf("UsersManager.getUsers called %d times, want %d", calls, wantCalls)
	}
}

func TestAPISystemSettingsRecorded(t *testing.T) {
	cases := []struct {
		name         string
		dir          string
		wantStored   matomo.StoredSettings
		wantResolved matomo.SystemSettings
	}{
		{
			name: "4.16",
			dir:  recorded4,
			wantStored: matomo.StoredSettings{
				"Login.enableBruteForceDetection":     {Values: []string{"1"}},
				"Login.maxAllowedRetries":             {Values: []string{"10"}},
				"Login.allowedRetriesTimeRange":       {Values: []string{"60"}},
				"Login.blacklistedBruteForceIps":      {},
				"Login.whitelisteBruteForceIps":       {Values: []string{"10.0.0.0/8"}},
				"TwoFactorAuth.twoFactorAuthRequired": {Values: []string{"0"}},
				"TwoFactorAuth.twoFactorAuthName":     {Values: []string{"Analytics - matomo4.example.org"}},
			},
			wantResolved: matomo.SystemSettings{
				BruteForceEnabled: true, MaxRetries: 10, WindowMinutes: 60,
				Allowlist: []string{"10.0.0.0/8"},
			},
		},
		{
			name: "5.1",
			dir:  recorded5,
			wantStored: matomo.StoredSettings{
				"Login.enableBruteForceDetection":     {Values: []string{"1"}},
				"Login.maxAllowedRetries":             {Values: []string{"5"}},
				"Login.allowedRetriesTimeRange":       {Values: []string{"30"}},
				"Login.blacklistedBruteForceIps":      {Values: []string{"203.0.113.0/24", "198.51.100.7"}},
				"Login.whitelisteBruteForceIps":       {},
				"TwoFactorAuth.twoFactorAuthRequired": {Values: []string{"1"}},
				"TwoFactorAuth.twoFactorAuthName":     {Values: []string{"Analytics - matomo.example.com"}},
				"UsersManager.allowedEmailDomains":    {Values: []string{"example.com", "example.org"}},
			},
			wantResolved: matomo.SystemSettings{
				TwoFactorRequired: true, BruteForceEnabled: true, MaxRetries: 5, WindowMinutes: 30,
				Blocklist:           []string{"203.0.113.0/24", "198.51.100.7"},
				AllowedEmailDomains: []string{"example.com", "example.org"},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := apitest.NewRecordedServer(t, c.dir, testToken)
			client := newTestClient(t, srv.URL, testToken)
			got, err := client.SystemSettings(context.Background())
			if err != nil {
				t.Fatalf("SystemSettings: %v", err)
			}
			if !reflect.DeepEqual(got, c.wantStored) {
				t.Errorf("SystemSettings = %#v\nwant %#v", got, c.wantStored)
			}
			if resolved := matomo.ResolveSettings(got, nil); !reflect.DeepEqual(resolved, c.wantResolved) {
				t.Errorf("ResolveSettings = %#v\nwant %#v", resolved, c.wantResolved)
			}
		})
	}
}

func TestAPIVersionsAndPluginsRecorded(t *testing.T) {
	cases := []struct {
		name         string
		dir          string
		wantVersions matomo.Versions
		wantPlugins  map[string]bool
	}{
		{"4.16", recorded4, matomo.Versions{Core: "4.16.1", PHP: "7.4.33"}, map[string]bool{
			"TwoFactorAuth": true, "SecurityInfo": false, "ActivityLog": false,
			"LoginLdap": true, "LoginOIDC": false, "LoginSaml": false,
		}},
		{"5.1", recorded5, matomo.Versions{Core: "5.1.2", PHP: "8.2.20"}, map[string]bool{
			"TwoFactorAuth": true, "SecurityInfo": true, "ActivityLog": true,
			"LoginLdap": false, "LoginOIDC": false, "LoginSaml": false,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := apitest.NewRecordedServer(t, c.dir, testToken)
			client := newTestClient(t, srv.URL, testToken)
			versions, err := client.Versions(context.Background())
			if err != nil {
				t.Fatalf("Versions: %v", err)
			}
			if *versions != c.wantVersions {
				t.Errorf("Versions = %+v, want %+v", *versions, c.wantVersions)
			}
			plugins, err := client.PluginsActivated(context.Background(), append(watchedPlugins, "NotInstalled"))
			if err != nil {
				t.Fatalf("PluginsActivated: %v", err)
			}
			c.wantPlugins["NotInstalled"] = false
			if !reflect.DeepEqual(plugins, c.wantPlugins) {
				t.Errorf("PluginsActivated = %v, want %v", plugins, c.wantPlugins)
			}
			if n := srv.Calls("API.isPluginActivated"); n != len(watchedPlugins)+1 {
				t.Errorf("API.isPluginActivated called %d times, want %d", n, len(watchedPlugins)+1)
			}
		})
	}
}

// reader is one method of the API reader, called the way the collectors do.
type reader struct {
	name string
	// method is the API method, or the prefix of the methods, that an
	// error of this reader names.
	method string
	read   func(ctx context.Context, c *matomo.APIClient) (any, error)
}

var readers = []reader{
	{"Users", "UsersManager.", func(ctx context.Context, c *matomo.APIClient) (any, error) {
		return c.Users(ctx, matomo.UserQuery{InactiveAfter: since2022(), Details: true, TwoFactorActive: true})
	}},
	{"SystemSettings", "CorePluginsAdmin.getSystemSettings", func(ctx context.Context, c *matomo.APIClient) (any, error) {
		return c.SystemSettings(ctx)
	}},
	{"Versions", "API.getMatomoVersion", func(ctx context.Context, c *matomo.APIClient) (any, error) {
		return c.Versions(ctx)
	}},
	{"PluginsActivated", "API.isPluginActivated", func(ctx context.Context, c *matomo.APIClient) (any, error) {
		return c.PluginsActivated(ctx, watchedPlugins)
	}},
}

// checkNoToken fails the test when the token appears in err or in logs.
func checkNoToken(t *testing.T, token string, err error, logs string) {
	t.Helper()
	for _, form := range []string{token, url.QueryEscape(token)} {
		if err != nil && strings.Contains(err.Error(), form) {
			t.Errorf("error contains the token: %v", err)
		}
		if strings.Contains(logs, form) {
			t.Errorf("logs contain the token:\n%s", logs)
		}
	}
}

func TestAPIFaults(t *testing.T) {
	// Baseline responses, to compare faults that must not change a result.
	baseline := map[string]any{}
	{
		srv := apitest.NewRecordedServer(t, recorded5, testToken)
		c := newTestClient(t, srv.URL, testToken)
		for _, r := range readers {
			got, err := r.read(context.Background(), c.APIClient)
			if err != nil {
				t.Fatalf("%s without a fault: %v", r.name, err)
			}
			baseline[r.name] = got
		}
	}

	const dbError = "Mysql error: Table 'matomo.matomo_option' doesn't exist"
	all5 := matomo.RoleCounts{matomo.RoleSuperUser: 1, matomo.RoleAdmin: 1, matomo.RoleView: 3, matomo.RoleNoAccess: 2}
	expectError := func(kind error, parts ...string) func(*testing.T, reader, any, error) {
		return func(t *testing.T, r reader, got any, err error) {
			t.Helper()
			if err == nil {
				t.Fatalf("%s returned %+v and no error", r.name, got)
			}
			if kind != nil && !errors.Is(err, kind) {
				t.Errorf("error %q is not %v", err, kind)
			}
			for _, p := range append(parts, r.method) {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q does not contain %q", err, p)
				}
			}
		}
	}
	expectBaseline := func(t *testing.T, r reader, got any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		if !reflect.DeepEqual(got, baseline[r.name]) {
			t.Errorf("%s = %+v, want %+v", r.name, got, baseline[r.name])
		}
	}

	cases := []struct {
		name        string
		fault       apitest.Fault
		timeout     time.Duration
		wantBackoff bool
		check       map[string]func(*testing.T, reader, any, error) // by reader; "" for every reader
	}{
		{name: "error object", fault: apitest.FaultErrorObject, check: map[string]func(*testing.T, reader, any, error){
			"": expectError(nil, "Matomo returned an error for ", fmt.Sprintf("%q", dbError)),
		}},
		{name: "HTML login page", fault: apitest.FaultHTML, check: map[string]func(*testing.T, reader, any, error){
			"": expectError(nil, "expected JSON from ", "got text/html; charset=utf-8 (", " bytes); check --matomo.url points at the Matomo root"),
		}},
		{name: "proxy error page", fault: apitest.FaultProxyError, check: map[string]func(*testing.T, reader, any, error){
			"": expectError(nil, "HTTP 502 from ", "text/html", "check --matomo.url"),
		}},
		{name: "strings for numbers", fault: apitest.FaultStringValues, check: map[string]func(*testing.T, reader, any, error){
			"": expectBaseline,
		}},
		{name: "missing fields", fault: apitest.FaultMissingFields, check: map[string]func(*testing.T, reader, any, error){
			"Users": func(t *testing.T, r reader, got any, err error) {
				if err != nil {
					t.Fatalf("Users: %v", err)
				}
				// No invite_status: every user is an account. No uses_2fa,
				// last_seen or date_registered: without 2FA and inactive.
				checkSummary(t, got.(*matomo.UserSummary), &matomo.UserSummary{
					Accounts: all5, WithoutTwoFA: all5, Inactive: all5, PublicSites: 1,
					Details: []matomo.UserDetail{
						{Login: "editor", Role: matomo.RoleAdmin},
						{Login: "ops", Role: matomo.RoleSuperUser},
					},
				})
			},
			"SystemSettings": func(t *testing.T, r reader, got any, err error) {
				if err != nil {
					t.Fatalf("SystemSettings: %v", err)
				}
				if s := got.(matomo.StoredSettings); len(s) != 0 {
					t.Errorf("SystemSettings = %v, want none (defaults apply)", s)
				}
			},
			"Versions":         expectBaseline, // PHP joined from major, minor and release
			"PluginsActivated": expectBaseline,
		}},
		{name: "slow response", fault: apitest.FaultSlow, timeout: 100 * time.Millisecond, check: map[string]func(*testing.T, reader, any, error){
			"": expectError(context.DeadlineExceeded, "timed out after 100ms"),
		}},
		{name: "token rejected", fault: apitest.FaultAuth, wantBackoff: true, check: map[string]func(*testing.T, reader, any, error){
			"": expectError(matomo.ErrAPIAuth, "Matomo rejected the API token for ", "Unable to authenticate with the provided token", "no API calls until"),
		}},
		{name: "not a Super User", fault: apitest.FaultNoSuperUser, check: map[string]func(*testing.T, reader, any, error){
			"Users":          expectError(matomo.ErrAPIPermission, "requires a 'superuser' access", "needs the token_auth of a Super User"),
			"SystemSettings": expectError(matomo.ErrAPIPermission, "requires a 'superuser' access", "needs the token_auth of a Super User"),
			"Versions": func(t *testing.T, r reader, got any, err error) {
				if err != nil {
					t.Fatalf("Versions: %v", err)
				}
				if v := *got.(*matomo.Versions); v != (matomo.Versions{Core: "5.1.2"}) {
					t.Errorf("Versions = %+v, want Core 5.1.2 and no PHP", v)
				}
			},
			"PluginsActivated": expectBaseline,
		}},
		{name: "redirect", fault: apitest.FaultRedirect, check: map[string]func(*testing.T, reader, any, error){
			"": expectError(nil, "redirect (HTTP 307)", "/elsewhere/index.php", "Set --matomo.url"),
		}},
	}
	for _, c := range cases {
		for _, r := range readers {
			t.Run(c.name+"/"+r.name, func(t *testing.T) {
				srv := apitest.NewRecordedServer(t, recorded5, testToken)
				srv.SetFault(c.fault)
				srv.SetErrorMessage(dbError)
				client := newTestClient(t, srv.URL, testToken, func(cfg *matomo.APIConfig) {
					if c.timeout > 0 {
						cfg.Timeout = c.timeout
					}
				})

				got, err := r.read(context.Background(), client.APIClient)
				check := c.check[r.name]
				if check == nil {
					check = c.check[""]
				}
				check(t, r, got, err)

				if backoff, _ := client.Backoff(); backoff != c.wantBackoff {
					t.Errorf("Backoff() = %v, want %v", backoff, c.wantBackoff)
				}
				checkNoToken(t, testToken, err, client.logs.String())
			})
		}
	}
}

func TestAPIAuthBackoff(t *testing.T) {
	srv := apitest.NewRecordedServer(t, recorded5, testToken)
	c := newTestClient(t, srv.URL, "ffffffffffffffffffffffffffffffff")
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	matomo.SetAPIClock(c.APIClient, func() time.Time { return now })
	ctx := context.Background()

	// Each round: one request fails, then every call waits out the
	// backoff without a request.
	for round, wantBackoff := range []time.Duration{
		15 * time.Minute, 30 * time.Minute, time.Hour, time.Hour,
	} {
		requests := srv.Requests()
		_, err := c.Versions(ctx)
		if !errors.Is(err, matomo.ErrAPIAuth) {
			t.Fatalf("round %d: Versions error = %v, want ErrAPIAuth", round, err)
		}
		if got := srv.Requests(); got != requests+1 {
			t.Fatalf("round %d: %d requests for one failed call, want 1", round, got-requests)
		}

		active, until := c.Backoff()
		if !active || !until.Equal(now.Add(wantBackoff)) {
			t.Fatalf("round %d: Backoff() = %v, %v, want true, %v", round, active, until, now.Add(wantBackoff))
		}
		for _, r := range readers {
			for range 2 {
				_, err := r.read(ctx, c.APIClient)
				if !errors.Is(err, matomo.ErrAPIBackoff) {
					t.Fatalf("round %d: %s error = %v, want ErrAPIBackoff", round, r.name, err)
				}
				if !strings.Contains(err.Error(), until.Format(time.RFC3339)) {
					t.Errorf("round %d: error %q does not name the end of the backoff", round, err)
				}
			}
		}
		if got := srv.Requests(); got != requests+1 {
			t.Errorf("round %d: %d requests during the backoff, want none", round, got-requests-1)
		}
		if n := strings.Count(c.logs.String(), "Matomo rejected the API token;"); n != round+1 {
			t.Errorf("round %d: logged the backoff %d times, want %d", round, n, round+1)
		}

		now = until // the backoff ends at until
		if active, _ := c.Backoff(); active {
			t.Errorf("round %d: Backoff() is still active at its end", round)
		}
	}
	if got := srv.FailedLogins(); got != 4 {
		t.Errorf("Matomo saw %d failed logins, want 4", got)
	}

	// A new token ends the backoff at once, and a success resets its length.
	_, _ = c.Versions(ctx)
	if active, _ := c.Backoff(); !active {
		t.Fatal("Backoff() inactive after a failure")
	}
	writeToken(t, c.tokenFile, testToken)
	if _, err := c.Versions(ctx); err != nil {
		t.Fatalf("Versions after the token changed: %v", err)
	}
	if active, _ := c.Backoff(); active {
		t.Error("Backoff() active after a success")
	}
	if !strings.Contains(c.logs.String(), "The Matomo API token changed") {
		t.Errorf("no log line about the new token:\n%s", c.logs.String())
	}

	writeToken(t, c.tokenFile, "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")
	_, _ = c.Versions(ctx)
	if _, until := c.Backoff(); !until.Equal(now.Add(15 * time.Minute)) {
		t.Errorf("backoff after a success ends at %v, want %v", until, now.Add(15*time.Minute))
	}
	checkNoToken(t, testToken, nil, c.logs.String())
}

func TestAPIAuthBackoffStopsConcurrentCalls(t *testing.T) {
	srv := apitest.NewRecordedServer(t, recorded5, testToken)
	c := newTestClient(t, srv.URL, "ffffffffffffffffffffffffffffffff")
	names := make([]string, 40)
	for i := range names {
		names[i] = fmt.Sprintf("Plugin%d", i)
	}
	_, err := c.PluginsActivated(context.Background(), names)
	if !errors.Is(err, matomo.ErrAPIAuth) {
		t.Fatalf("PluginsActivated error = %v, want ErrAPIAuth", err)
	}
	// Only the requests already in flight when the first failed reach
	// Matomo; the client runs at most four at once.
	if got := srv.FailedLogins(); got > 4 {
		t.Errorf("Matomo saw %d failed logins for one scrape, want at most 4", got)
	}
	if n := strings.Count(c.logs.String(), "Matomo rejected the API token;"); n != 1 {
		t.Errorf("logged the backoff %d times, want once", n)
	}
}

func TestAPITokenNeverLeaks(t *testing.T) {
	// A token whose URL-encoded form differs from the plain one.
	const secret = "s3cret+token/with=chars 42"
	echo := "The parameter period has an unexpected value " + secret + " (" + url.QueryEscape(secret) + ")"

	cases := []struct {
		name  string
		setup func(t *testing.T) (url string, token string, edit func(*matomo.APIConfig))
	}{
		{"Matomo echoes the token", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			srv.SetFault(apitest.FaultErrorObject)
			srv.SetErrorMessage(echo)
			return srv.URL, secret, nil
		}},
		{"Matomo echoes the token in an authentication error", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			srv.SetFault(apitest.FaultErrorObject)
			srv.SetErrorMessage("The token_auth " + secret + " is invalid")
			return srv.URL, secret, nil
		}},
		{"rejected token", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, testToken)
			return srv.URL, secret, nil
		}},
		{"no server", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := httptest.NewServer(http.NotFoundHandler())
			srv.Close() // the port is now closed
			return srv.URL, secret, nil
		}},
		{"timeout", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			srv.SetFault(apitest.FaultSlow)
			return srv.URL, secret, func(cfg *matomo.APIConfig) { cfg.Timeout = 50 * time.Millisecond }
		}},
		{"response too large", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			return srv.URL, secret, func(cfg *matomo.APIConfig) { cfg.MaxResponseBytes = 10 }
		}},
		{"HTML page", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			srv.SetFault(apitest.FaultHTML)
			return srv.URL, secret, nil
		}},
		{"proxy error page", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			srv.SetFault(apitest.FaultProxyError)
			return srv.URL, secret, nil
		}},
		{"not a Super User", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			srv.SetFault(apitest.FaultNoSuperUser)
			return srv.URL, secret, nil
		}},
		{"redirect", func(t *testing.T) (string, string, func(*matomo.APIConfig)) {
			srv := apitest.NewRecordedServer(t, recorded5, secret)
			srv.SetFault(apitest.FaultRedirect)
			return srv.URL, secret, nil
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, token, edit := c.setup(t)
			var edits []func(*matomo.APIConfig)
			if edit != nil {
				edits = append(edits, edit)
			}
			client := newTestClient(t, u, token, edits...)
			var errs []error
			// Twice, so that the second round runs into a backoff where
			// the first started one.
			for range 2 {
				for _, r := range readers {
					_, err := r.read(context.Background(), client.APIClient)
					errs = append(errs, err)
				}
			}
			failed := 0
			for _, err := range errs {
				if err != nil {
					failed++
				}
				checkNoToken(t, token, err, client.logs.String())
			}
			if failed == 0 {
				t.Error("no call failed; the case tests no error path")
			}
		})
	}
}

func TestAPIResponseSizeLimit(t *testing.T) {
	srv := apitest.NewRecordedServer(t, recorded5, testToken)
	c := newTestClient(t, srv.URL, testToken, func(cfg *matomo.APIConfig) { cfg.MaxResponseBytes = 100 })
	_, err := c.SystemSettings(context.Background())
	if err == nil {
		t.Fatal("SystemSettings returned no error for a response over the limit")
	}
	for _, want := range []string{"CorePluginsAdmin.getSystemSettings", "larger than the limit of 100 bytes"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	// Small responses still pass.
	if _, err := c.Versions(context.Background()); err != nil {
		t.Errorf("Versions: %v", err)
	}
}

func TestAPICallerContext(t *testing.T) {
	srv := apitest.NewRecordedServer(t, recorded5, testToken)
	srv.SetFault(apitest.FaultSlow)
	c := newTestClient(t, srv.URL, testToken)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Versions(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Versions error = %v, want context.DeadlineExceeded", err)
	}
	if !strings.Contains(err.Error(), "before Matomo responded") {
		t.Errorf("error %q does not say the caller's deadline ended the call", err)
	}
}

func TestAPIInstanceSettingsVersionsPlugins(t *testing.T) {
	inst := apitest.Instance{
		Version:    "5.4.0",
		PHPVersion: "8.3.12",
		Plugins:    map[string]bool{"TwoFactorAuth": true, "LoginOIDC": true},
		Settings: map[string]any{
			"Login.enableBruteForceDetection":                false,
			"Login.maxAllowedRetries":                        7,
			"Login.whitelisteBruteForceIps":                  []string{"192.0.2.0/24", " "},
			"TwoFactorAuth.twoFactorAuthRequired":            true,
			"UsersManager.allowedEmailDomains":               []string{},
			"UsersManager.enableInactiveUsersNotifications":  true,
			"CoreUpdater.enable_plugin_update_communication": false,
		},
	}
	wantStored := matomo.StoredSettings{
		"Login.enableBruteForceDetection":               {Values: []string{"0"}},
		"Login.maxAllowedRetries":                       {Values: []string{"7"}},
		"Login.whitelisteBruteForceIps":                 {Values: []string{"192.0.2.0/24", " "}},
		"TwoFactorAuth.twoFactorAuthRequired":           {Values: []string{"1"}},
		"UsersManager.allowedEmailDomains":              {},
		"UsersManager.enableInactiveUsersNotifications": {Values: []string{"1"}},
	}
	wantResolved := matomo.SystemSettings{
		TwoFactorRequired: true, MaxRetries: 7, WindowMinutes: 60,
		Allowlist: []string{"192.0.2.0/24"}, InactiveUserNotifications: true,
	}

	for _, flavor := range []apitest.Flavor{apitest.Matomo4, apitest.Matomo5} {
		t.Run(fmt.Sprint(flavor), func(t *testing.T) {
			inst := inst
			inst.Flavor = flavor
			srv := apitest.NewServer(t, inst, testToken)
			c := newTestClient(t, srv.URL, testToken)
			ctx := context.Background()

			stored, err := c.SystemSettings(ctx)
			if err != nil {
				t.Fatalf("SystemSettings: %v", err)
			}
			if !reflect.DeepEqual(stored, wantStored) {
				t.Errorf("SystemSettings = %#v\nwant %#v", stored, wantStored)
			}
			if resolved := matomo.ResolveSettings(stored, nil); !reflect.DeepEqual(resolved, wantResolved) {
				t.Errorf("ResolveSettings = %#v\nwant %#v", resolved, wantResolved)
			}

			versions, err := c.Versions(ctx)
			if err != nil {
				t.Fatalf("Versions: %v", err)
			}
			if want := (matomo.Versions{Core: "5.4.0", PHP: "8.3.12"}); *versions != want {
				t.Errorf("Versions = %+v, want %+v", *versions, want)
			}

			plugins, err := c.PluginsActivated(ctx, watchedPlugins)
			if err != nil {
				t.Fatalf("PluginsActivated: %v", err)
			}
			want := map[string]bool{"TwoFactorAuth": true, "SecurityInfo": false, "ActivityLog": false,
				"LoginLdap": false, "LoginOIDC": true, "LoginSaml": false}
			if !reflect.DeepEqual(plugins, want) {
				t.Errorf("PluginsActivated = %v, want %v", plugins, want)
			}
		})
	}
}
