package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Flavor selects how responses encode integer columns, which depends on the
// PHP and PDO versions behind Matomo.
type Flavor int

const (
	// Matomo5 sends integer columns as JSON numbers (PHP 8.1 and later
	// return native integers from PDO).
	Matomo5 Flavor = iota
	// Matomo4 sends integer columns as strings ("1"), as PHP 7 with
	// emulated prepares does.
	Matomo4
)

// User is one row of Matomo's user table with its access rows.
type User struct {
	Login string
	Email string // empty means <login>@example.com
	// SuperUser is user.superuser_access.
	SuperUser bool
	// TwoFactor means user.twofactor_secret is set; the API reports it as
	// uses_2fa only while the TwoFactorAuth plugin is activated.
	TwoFactor bool
	// LastSeen is the zero time when the user was never seen.
	LastSeen time.Time
	// Registered is user.date_registered; the zero time sends null.
	Registered time.Time
	// InviteExpires is set for an invitation that was not accepted: it is
	// pending until then and expired afterwards.
	InviteExpires time.Time
	// Access maps a site ID to the access value of that site's row: view,
	// write, admin, or a capability such as tagmanager_write.
	Access map[int]string
}

// Instance is the state of a Matomo instance the server describes.
type Instance struct {
	Flavor     Flavor
	Version    string // API.getMatomoVersion, such as 5.1.2
	PHPVersion string // API.getPhpVersion, such as 8.2.20

	// Users leaves out the anonymous user, which the server adds.
	Users []User
	// PublicSites are the sites whose reports the anonymous user may view.
	PublicSites []int

	// Settings maps "Plugin.settingName" to a system setting's value: a
	// bool, an int, a string or a []string.
	Settings map[string]any

	// Plugins maps a plugin name to whether it is activated; a missing
	// name is not activated.
	Plugins map[string]bool
}

// responses are the documents the server sends, decoded with json.Number
// so that re-encoding keeps each number's form (6.0 stays 6.0).
type responses struct {
	version  any            // API.getMatomoVersion
	php      any            // API.getPhpVersion
	plugins  map[string]any // API.isPluginActivated by pluginName
	users    []any          // UsersManager.getUsers, anonymous included
	access   map[string]any // UsersManager.getUsersSitesFromAccess by access
	settings any            // CorePluginsAdmin.getSystemSettings
}

// Recorded responses live in a folder with one file per method, named
// <Module.method>.json. Methods that take a parameter have one response per
// parameter value, keyed by it: API.isPluginActivated.json by pluginName
// and UsersManager.getUsersSitesFromAccess.json by access.
const (
	fileVersion  = "API.getMatomoVersion.json"
	filePHP      = "API.getPhpVersion.json"
	filePlugins  = "API.isPluginActivated.json"
	fileUsers    = "UsersManager.getUsers.json"
	fileAccess   = "UsersManager.getUsersSitesFromAccess.json"
	fileSettings = "CorePluginsAdmin.getSystemSettings.json"
)

func loadRecorded(t testing.TB, dir string) responses {
	t.Helper()
	var a responses
	var users, plugins, access any
	for name, dst := range map[string]*any{
		fileVersion: &a.version, filePHP: &a.php, fileSettings: &a.settings,
		fileUsers: &users, filePlugins: &plugins, fileAccess: &access,
	} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("reading a recorded response: %v", err)
		}
		if *dst, err = decode(data); err != nil {
			t.Fatalf("decoding %s: %v", filepath.Join(dir, name), err)
		}
	}

	var ok bool
	if a.users, ok = users.([]any); !ok {
		t.Fatalf("%s: expected a JSON array of users", filepath.Join(dir, fileUsers))
	}
	if a.plugins, ok = plugins.(map[string]any); !ok {
		t.Fatalf("%s: expected responses keyed by pluginName", filepath.Join(dir, filePlugins))
	}
	if a.access, ok = access.(map[string]any); !ok {
		t.Fatalf("%s: expected responses keyed by access", filepath.Join(dir, fileAccess))
	}
	return a
}

func decode(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// normalize turns Go values into the decoded form loadRecorded produces.
func normalize(v any) any {
	data, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("apitest: encoding a response: %v", err))
	}
	out, err := decode(data)
	if err != nil {
		panic(fmt.Sprintf("apitest: decoding a response: %v", err))
	}
	return out
}

const dateTime = "2006-01-02 15:04:05"

// render builds the responses that a Matomo with inst's state returns to a
// Super User calling at time now.
func render(inst Instance, now time.Time) responses {
	intColumn := func(n int) any {
		if inst.Flavor == Matomo4 {
			return strconv.Itoa(n)
		}
		return n
	}
	date := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return t.UTC().Format(dateTime)
	}

	a := responses{
		version: normalize(map[string]any{"value": inst.Version}),
		php:     normalize(phpAnswer(inst.PHPVersion)),
		plugins: map[string]any{},
		access:  map[string]any{},
	}
	for name, on := range inst.Plugins {
		a.plugins[name] = normalize(map[string]any{"value": on})
	}

	users := append([]User{{
		Login: "anonymous", Email: "anonymous@example.org", Registered: now.AddDate(-5, 0, 0),
	}}, inst.Users...)
	sort.Slice(users, func(i, j int) bool { return users[i].Login < users[j].Login })

	sitesByAccess := map[string]map[string][]any{}
	addSite := func(access, login string, site int) {
		if sitesByAccess[access] == nil {
			sitesByAccess[access] = map[string][]any{}
		}
		sitesByAccess[access][login] = append(sitesByAccess[access][login], intColumn(site))
	}
	for _, site := range sorted(inst.PublicSites) {
		addSite("view", "anonymous", site)
	}

	for _, u := range users {
		email := u.Email
		if email == "" {
			email = u.Login + "@example.com"
		}
		superUser := 0
		if u.SuperUser {
			superUser = 1
		}
		row := map[string]any{
			"login":             u.Login,
			"email":             email,
			"superuser_access":  intColumn(superUser),
			"date_registered":   date(u.Registered),
			"invited_by":        nil,
			"invite_expired_at": date(u.InviteExpires),
			"invite_accept_at":  nil,
			"invite_status":     inviteStatus(u.InviteExpires, now),
			"uses_2fa":          u.TwoFactor && inst.Plugins["TwoFactorAuth"],
		}
		if !u.InviteExpires.IsZero() {
			row["invited_by"] = "superuser"
		}
		if !u.LastSeen.IsZero() {
			row["last_seen"] = u.LastSeen.UTC().Format(dateTime)
		}
		a.users = append(a.users, normalize(row))

		sites := make([]int, 0, len(u.Access))
		for site := range u.Access {
			sites = append(sites, site)
		}
		for _, site := range sorted(sites) {
			addSite(u.Access[site], u.Login, site)
		}
	}

	for _, access := range []string{"admin", "write", "view"} {
		if len(sitesByAccess[access]) == 0 {
			a.access[access] = []any{} // PHP encodes an empty array as []
			continue
		}
		a.access[access] = normalize(sitesByAccess[access])
	}
	a.settings = normalize(settingsAnswer(inst.Settings))
	return a
}

func sorted(ints []int) []int {
	out := append([]int(nil), ints...)
	sort.Ints(out)
	return out
}

// inviteStatus computes invite_status like UserRepository::enrichUser:
// "active" without an expiry, "expired" after it, and before it the whole
// days left as a PHP float (json_encode writes 6.0).
func inviteStatus(expires, now time.Time) any {
	switch {
	case expires.IsZero():
		return "active"
	case now.After(expires):
		return "expired"
	case now.Before(expires):
		days := math.Floor(expires.Sub(now).Hours() / 24)
		return json.Number(strconv.FormatFloat(days, 'f', 1, 64))
	}
	return "active"
}

func phpAnswer(v string) map[string]any {
	nums := make([]int, 3)
	main, extra, _ := strings.Cut(v, "-")
	for i, part := range strings.SplitN(main, ".", 3) {
		nums[i], _ = strconv.Atoi(part)
	}
	return map[string]any{
		"version": v, "major": nums[0], "minor": nums[1], "release": nums[2],
		"versionId": nums[0]*10000 + nums[1]*100 + nums[2], "extra": extra,
	}
}

// settingsAnswer builds CorePluginsAdmin.getSystemSettings: plugins in
// name order, each with its settings in name order.
func settingsAnswer(settings map[string]any) []any {
	byPlugin := map[string][]string{}
	for key := range settings {
		plugin, name, _ := strings.Cut(key, ".")
		byPlugin[plugin] = append(byPlugin[plugin], name)
	}
	plugins := make([]string, 0, len(byPlugin))
	for p := range byPlugin {
		plugins = append(plugins, p)
	}
	sort.Strings(plugins)

	out := []any{}
	for _, plugin := range plugins {
		names := byPlugin[plugin]
		sort.Strings(names)
		var entries []any
		for _, name := range names {
			value := settings[plugin+"."+name]
			typ, control := "string", "text"
			switch value.(type) {
			case bool:
				typ, control = "boolean", "checkbox"
			case int:
				typ = "integer"
			case []string:
				typ, control = "array", "textarea"
			}
			entries = append(entries, map[string]any{
				"name": name, "title": name, "value": value, "defaultValue": nil,
				"type": typ, "uiControl": control, "uiControlAttributes": []any{},
				"availableValues": nil, "description": "", "inlineHelp": "",
				"introduction": "", "condition": "", "fullWidth": false,
			})
		}
		out = append(out, map[string]any{"pluginName": plugin, "title": plugin, "settings": entries})
	}
	return out
}
