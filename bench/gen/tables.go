package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// tables are loaded in this order, two at a time, so the two largest
// start first.
var tables = []table{
	{"brute_force_log", []string{"id_brute_force_log", "ip_address", "attempted_at", "login"}, writeBruteForceLog},
	{"user_token_auth", []string{"idusertokenauth", "login", "description", "password", "hash_algo", "system_token",
		"last_used", "date_created", "date_expired", "secure_only"}, writeTokens},
	{"access", []string{"login", "idsite", "access"}, writeAccess},
	{"user", []string{"login", "password", "email", "twofactor_secret", "superuser_access", "date_registered",
		"ts_password_modified", "invited_by", "invite_token", "invite_expired_at", "ts_last_seen"}, writeUsers},
	{"site", []string{"idsite", "name", "main_url", "ts_created", "sitesearch_keyword_parameters",
		"sitesearch_category_parameters", "timezone", "currency", "excluded_ips", "excluded_parameters",
		"excluded_user_agents", "excluded_referrers", "group", "type", "creator_login"}, writeSites},
	{"option", []string{"option_name", "option_value", "autoload"}, writeOptions},
	{"plugin_setting", []string{"plugin_name", "setting_name", "setting_value", "json_encoded", "user_login"}, writePluginSettings},
}

func randomHex(r *rand.Rand, bytes int) string {
	b := make([]byte, bytes)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return hex.EncodeToString(b)
}

const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

func randomBase32(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = base32Alphabet[r.IntN(len(base32Alphabet))]
	}
	return string(b)
}

// writeUsers writes the accounts, the invitations and the anonymous user.
// 2FA is more common the higher the role. A fifth of the accounts were
// never seen. The others were last seen between their registration and
// now, half of them within the last 30 days.
func writeUsers(p *plan, w *rowWriter) {
	r := p.rand(streamUsers + 100)

	// Matomo creates the anonymous user at install time.
	w.str("anonymous")
	w.str("")
	w.str("anonymous@example.org")
	w.str("")
	w.int(0)
	w.datetime(p.now.Add(-6 * 365 * day))
	w.null()
	w.null()
	w.null()
	w.null()
	w.null()
	w.end()

	twoFactorShare := map[role]float64{roleSuperUser: 0.7, roleAdmin: 0.4, roleWrite: 0.2, roleView: 0.1, roleNoAccess: 0.05}
	for i, login := range p.logins {
		registered := between(r, p.now.Add(-5*365*day), p.now.Add(-day))
		w.str(login)
		w.str("$2y$10$" + randomBase32(r, 53)) // the shape of a bcrypt hash
		w.str(login + "@example.org")
		if r.Float64() < twoFactorShare[p.roles[i]] && !p.invited[i] {
			w.str(randomBase32(r, 16))
		} else {
			w.str("")
		}
		w.int(boolInt(p.roles[i] == roleSuperUser))
		w.datetime(registered)
		w.datetime(registered)

		if p.invited[i] {
			// Half of the invitations are pending, half expired.
			w.str(p.superUser)
			w.str(randomHex(r, 32))
			if r.IntN(2) == 0 {
				w.datetime(p.now.Add(time.Duration(1+r.IntN(6)) * day))
			} else {
				w.datetime(p.now.Add(-time.Duration(1+r.IntN(60)) * day))
			}
			w.null()
			w.end()
			continue
		}
		w.null()
		w.null()
		w.null()
		switch x := r.Float64(); {
		case x < 0.2:
			w.null()
		case x < 0.6:
			w.datetime(between(r, maxTime(registered, p.now.Add(-30*day)), p.now))
		default:
			w.datetime(between(r, registered, p.now))
		}
		w.end()
	}
}

// writeAccess gives every user with a role one row with that role and
// possibly rows with lower roles on other sites: most view users see one
// site, admins manage a few. Some admins and writers also hold Tag Manager
// capabilities, which Matomo stores as extra rows. 5 % of the sites are
// public (an anonymous view row).
func writeAccess(p *plan, w *rowWriter) {
	r := p.rand(streamAccess)
	row := func(login string, site int, access string) {
		w.str(login)
		w.int(int64(site))
		w.str(access)
		w.end()
	}

	for i, login := range p.logins {
		var k int
		var top string
		switch p.roles[i] {
		case roleSuperUser, roleNoAccess:
			continue // Super Users have no rows; noaccess is the absence of one.
		case roleAdmin:
			k, top = 1+r.IntN(5), "admin"
		case roleWrite:
			k, top = 1+r.IntN(3), "write"
		case roleView:
			switch x := r.Float64(); {
			case x < 0.78:
				k = 1
			case x < 0.94:
				k = 2
			default:
				k = 3 + r.IntN(4)
			}
			top = "view"
		}
		sites := distinctSites(r, p.size.sites, k)
		row(login, sites[0], top)
		for _, site := range sites[1:] {
			if top != "view" && r.IntN(2) == 0 {
				row(login, site, top)
			} else {
				row(login, site, "view")
			}
		}
		if (top == "admin" || top == "write") && r.Float64() < 0.05 {
			row(login, sites[0], "tagmanager_write")
			row(login, sites[0], "tagmanager_publish_live_container")
		}
	}
	for site := 1; site <= p.size.sites; site++ {
		if r.Float64() < 0.05 {
			row("anonymous", site, "view")
		}
	}
}

func distinctSites(r *rand.Rand, sites, k int) []int {
	k = min(k, sites)
	out := make([]int, 0, k)
	for len(out) < k {
		s := 1 + r.IntN(sites)
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func writeSites(p *plan, w *rowWriter) {
	r := p.rand(streamSites)
	for id := 1; id <= p.size.sites; id++ {
		w.int(int64(id))
		w.str(fmt.Sprintf("Site %d", id))
		w.str(fmt.Sprintf("https://site%d.example.org", id))
		w.datetime(between(r, p.now.Add(-6*365*day), p.now.Add(-day)))
		w.str("")
		w.str("")
		w.str("UTC")
		w.str("EUR")
		w.str("")
		w.str("")
		w.str("")
		w.str("")
		w.str("")
		w.str("website")
		w.str(p.superUser)
		w.end()
	}
}

// writeTokens writes the API tokens. Their owners are the API users, a few
// of whom hold thousands of tokens (scripts that create one per run): the
// owner's position in the shuffled list is a uniform number squared. With
// allOwners every account is equally likely. 1 % of the tokens belong to
// deleted users, 0.5 % are short-lived system tokens of the first Super
// User. 40 % never expire, 15 % are past their expiry, 30 % were never
// used and 30 % are secure_only.
func writeTokens(p *plan, w *rowWriter) {
	r := p.rand(streamTokens)

	w.int(1)
	w.str("anonymous")
	w.str("anonymous default token")
	w.str("anonymous")
	w.str("")
	w.int(0)
	w.null()
	w.datetime(p.now.Add(-6 * 365 * day))
	w.null()
	w.int(0)
	w.end()

	deleted := max(1, len(p.logins)/100)
	for id := 2; id <= p.size.tokens; id++ {
		var owner string
		system := false
		switch x := r.Float64(); {
		case x < 0.01:
			owner = "deleted.user" + strconv.Itoa(r.IntN(deleted))
		case x < 0.015:
			owner, system = p.superUser, true
		case p.allOwners || len(p.apiUsers) == 0:
			i := r.IntN(len(p.logins))
			for p.invited[i] {
				i = r.IntN(len(p.logins))
			}
			owner = p.logins[i]
		default:
			f := r.Float64()
			owner = p.logins[p.apiUsers[int(f*f*float64(len(p.apiUsers)))]]
		}

		created := between(r, p.now.Add(-3*365*day), p.now)
		var expires time.Time
		hasExpiry := true
		var lastUsed time.Time
		used := r.Float64() >= 0.3
		if system {
			created = between(r, p.now.Add(-day), p.now)
			expires = created.Add(day)
		} else {
			switch x := r.Float64(); {
			case x < 0.4:
				hasExpiry = false
			case x < 0.55:
				expires = between(r, created, p.now)
			default:
				expires = between(r, p.now.Add(time.Minute), p.now.Add(365*day))
			}
		}
		if used {
			if r.IntN(2) == 0 {
				lastUsed = between(r, maxTime(created, p.now.Add(-90*day)), p.now)
			} else {
				lastUsed = between(r, created, p.now)
			}
		}

		w.int(int64(id))
		w.str(owner)
		w.str("token " + strconv.Itoa(id))
		w.str(randomHex(r, 64)) // sha512 of token and salt: 128 hex digits
		w.str("sha512")
		w.int(boolInt(system))
		w.datetimeOrNull(lastUsed, used)
		w.datetime(created)
		w.datetimeOrNull(expires, hasExpiry)
		w.int(boolInt(!system && r.Float64() < 0.3))
		w.end()
	}
}

type attempt struct {
	at    time.Time
	ip    string
	login string // "" for NULL
}

// writeBruteForceLog writes a week of failed logins in time order, with
// ids ascending, as Matomo inserts them (attempted_at is the time of the
// insert). Background attempts come from a large pool of IPv4 and IPv6
// addresses; a few hot IPs try every few seconds for hours. For a hot IP
// the generator follows Matomo's rule that nothing is recorded while the
// IP is blocked (more than maxAllowedRetries=20 rows inside the 60-minute
// window), so a hot IP records at most 21 rows per hour. Three hot IPs
// are active now: one over the limit, one allowlisted (10.0.0.0/8) and
// one put on the blocklist (198.51.100.23) after its attempts began.
func writeBruteForceLog(p *plan, w *rowWriter) {
	r := p.rand(streamBruteForce)
	start := p.now.Add(-7 * day)
	const window, maxRetries = time.Hour, 20

	type hotIP struct {
		ip        string
		from, to  time.Time
		everySecs int
	}
	// 203.0.113.9 pauses for an hour before its last burst, so that it
	// stays over the limit for most of an hour after generation.
	hot := []hotIP{
		{"203.0.113.9", p.now.Add(-5 * time.Hour), p.now.Add(-70 * time.Minute), 5},
		{"203.0.113.9", p.now.Add(-10 * time.Minute), p.now, 5},
		{"10.1.2.3", p.now.Add(-15 * time.Minute), p.now, 20},
		{"198.51.100.23", p.now.Add(-30 * time.Minute), p.now, 300},
	}
	for i := range max(2, p.size.bruteForce/200_000) {
		from := between(r, start, p.now.Add(-2*day))
		hot = append(hot, hotIP{fmt.Sprintf("2001:db8::%x", 0x100+i), from, from.Add(time.Duration(4+r.IntN(20)) * time.Hour), 10})
	}

	var attempts []attempt
	for _, h := range hot {
		var recorded []time.Time
		for t := h.from; t.Before(h.to) && len(attempts) < p.size.bruteForce/4; t = t.Add(time.Duration(h.everySecs) * time.Second) {
			for len(recorded) > 0 && !recorded[0].After(t.Add(-window)) {
				recorded = recorded[1:]
			}
			if len(recorded) > maxRetries {
				continue
			}
			recorded = append(recorded, t)
			attempts = append(attempts, attempt{at: t, ip: h.ip, login: "admin"})
		}
	}

	pool := max(100, p.size.bruteForce/20)
	ips := make([]string, pool)
	for i := range ips {
		if r.Float64() < 0.2 {
			ips[i] = fmt.Sprintf("2a02:%x:%x::%x", r.IntN(0x10000), r.IntN(0x10000), 1+r.IntN(0xffff))
		} else {
			ips[i] = fmt.Sprintf("%d.%d.%d.%d", 11+r.IntN(180), r.IntN(256), r.IntN(256), 1+r.IntN(254))
		}
	}
	guesses := []string{"admin", "root", "test", "matomo", "piwik", "administrator", "user"}
	span := int64(p.now.Sub(start) / time.Second)
	for len(attempts) < p.size.bruteForce {
		var login string
		switch x := r.Float64(); {
		case x < 0.6:
			login = p.logins[r.IntN(len(p.logins))]
		case x < 0.85:
			login = guesses[r.IntN(len(guesses))]
		}
		// The power skews the pool: low indexes try more often, but none
		// comes near the retry limit (at most about 5 attempts an hour).
		f := math.Pow(r.Float64(), 1.5)
		attempts = append(attempts, attempt{
			at:    start.Add(time.Duration(r.Int64N(span)) * time.Second),
			ip:    ips[int(f*float64(pool))],
			login: login,
		})
	}

	slices.SortStableFunc(attempts, func(a, b attempt) int { return a.at.Compare(b.at) })
	for i, a := range attempts {
		w.int(int64(i + 1))
		w.str(a.ip)
		w.datetime(a.at)
		if a.login == "" {
			w.null()
		} else {
			w.str(a.login)
		}
		w.end()
	}
}

// writeOptions writes the options the exporter reads and the kind of rows
// that surround them: plugin versions, the task timetable and per-user
// notification markers.
func writeOptions(p *plan, w *rowWriter) {
	r := p.rand(streamOptions)
	row := func(name, value string, autoload int) {
		w.str(name)
		w.str(value)
		w.int(int64(autoload))
		w.end()
	}
	unix := func(d time.Duration) string { return strconv.FormatInt(p.now.Add(d).Unix(), 10) }

	row("version_core", "5.4.0", 1)
	row("UpdateCheck_LatestVersion", "5.4.0", 1)
	row("UpdateCheck_LastTimeChecked", unix(-3*time.Hour), 1)
	row("LastFullArchivingStartTime", unix(-55*time.Minute), 1)
	row("LastCompletedFullArchiving", unix(-50*time.Minute), 1)
	row("enableBrowserTriggerArchiving", "0", 1)
	row("MatomoInstallationDate", unix(-6*365*day), 1)

	plugins := []string{"Actions", "Annotations", "API", "BulkTracking", "Contents", "CoreAdminHome", "CoreHome",
		"CorePluginsAdmin", "CoreUpdater", "CoreVisualizations", "CustomDimensions", "CustomJsTracker", "Dashboard",
		"DevicesDetection", "Diagnostics", "Ecommerce", "Events", "Feedback", "Goals", "Heartbeat", "ImageGraph",
		"Insights", "Intl", "LanguagesManager", "Live", "Login", "Marketplace", "MobileMessaging", "Monolog",
		"Morpheus", "MultiSites", "Overlay", "PrivacyManager", "Proxy", "Referrers", "Resolution", "RssWidget",
		"ScheduledReports", "SegmentEditor", "SEO", "SitesManager", "TagManager", "Transitions", "TwoFactorAuth",
		"UserCountry", "UserId", "UserLanguage", "UsersManager", "VisitFrequency", "VisitorInterest", "VisitsSummary",
		"WebsiteMeasurable", "Widgetize"}
	for _, name := range plugins {
		row("version_"+name, "5.4.0", 1)
	}
	row("TaskScheduler.timetable", "a:120:{"+randomHex(r, 4096)+"}", 0)
	for i := 0; i < len(p.logins); i += 500 {
		row("BruteForceDetection.suspiciousLoginCountNotified."+p.logins[i], unix(-time.Duration(r.IntN(14))*day), 0)
	}
}

// writePluginSettings writes the system settings the exporter reads and
// per-user settings of the ExamplePlugin, which share the index on
// (plugin_name, user_login).
func writePluginSettings(p *plan, w *rowWriter) {
	r := p.rand(streamSettings)
	row := func(plugin, name, value string, json int, user string) {
		w.str(plugin)
		w.str(name)
		w.str(value)
		w.int(int64(json))
		w.str(user)
		w.end()
	}
	row("Login", "enableBruteForceDetection", "1", 0, "")
	row("Login", "maxAllowedRetries", "20", 0, "")
	row("Login", "allowedRetriesTimeRange", "60", 0, "")
	row("Login", "whitelisteBruteForceIps", `["10.0.0.0\/8","192.168.1.*"]`, 1, "")
	row("Login", "blacklistedBruteForceIps", `["198.51.100.23"]`, 1, "")
	row("TwoFactorAuth", "twoFactorAuthRequired", "0", 0, "")
	row("UsersManager", "allowedEmailDomains", `["example.org"]`, 1, "")
	row("UsersManager", "enableInactiveUsersNotifications", "1", 0, "")
	for i, login := range p.logins {
		if i%10 != 0 {
			continue
		}
		row("ExamplePlugin", "autoRefresh", strconv.Itoa(r.IntN(2)), 0, login)
		row("ExamplePlugin", "refreshInterval", strconv.Itoa(30*(1+r.IntN(10))), 0, login)
	}
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
