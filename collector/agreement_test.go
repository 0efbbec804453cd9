package collector

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/config"
	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo/apitest"
)

// sharedMetrics are the metrics both the database and the API source
// give. The API cannot give tokens, the brute force log, archiving or the
// update check, and settings forced in config.ini.php are missing from
// its responses.
var sharedMetrics = []string{
	"matomo_users", "matomo_user_invitations", "matomo_sites_public", "matomo_users_inactive",
	"matomo_users_without_2fa", "matomo_users_inactive_threshold_seconds",
	"matomo_login_allowed_email_domains", "matomo_inactive_user_notifications_enabled",
	"matomo_two_factor_auth_required", "matomo_brute_force_detection_enabled",
	"matomo_brute_force_max_retries", "matomo_brute_force_window_seconds",
	"matomo_version_info", "matomo_sso_enabled",
}

// TestDatabaseAndAPIAgree seeds an instance, serves the same data through
// a Matomo-like Reporting API, and checks that both sources give the same
// value for every shared metric.
func TestDatabaseAndAPIAgree(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			configFile, dbName := loadFixture(t, f)
			cfg, err := config.LoadMatomo(configFile, "")
			if err != nil {
				t.Fatal(err)
			}
			dropUndatedInvitations(t, dbName, cfg)
			inst := apiInstanceFromDatabase(t, dbName, cfg, f)

			const token = "0123456789abcdef0123456789abcdef"
			server := apitest.NewServer(t, inst, token)
			tokenFile := filepath.Join(t.TempDir(), "token")
			if err := os.WriteFile(tokenFile, []byte(token+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			api, err := matomo.NewAPIClient(matomo.APIConfig{URL: server.URL, TokenFile: tokenFile, Logger: discardLogger()})
			if err != nil {
				t.Fatal(err)
			}

			dbText, _ := scrapeText(t, InstanceConfig{Name: "db", ConfigFile: configFile}, defaultTestOptions, dbCollectors)
			apiText, apiLogs := scrapeText(t, InstanceConfig{Name: "api", URL: server.URL, API: api}, defaultTestOptions, dbCollectors)
			if strings.Contains(apiText+apiLogs, token) {
				t.Fatal("the token appears in the metrics or logs")
			}
			fromDB, fromAPI := samples(t, dbText), samples(t, apiText)

			if fromAPI["matomo_up"] != 1 {
				t.Errorf("API-only matomo_up = %v, want 1; logs:\n%s", fromAPI["matomo_up"], apiLogs)
			}
			compared := 0
			for key, want := range fromDB {
				if !isShared(key) || forcedInConfig(cfg, key) {
					continue
				}
				compared++
				got, ok := fromAPI[key]
				switch {
				case !ok:
					t.Errorf("%s: %v from the database, missing from the API source", key, want)
				case got != want:
					t.Errorf("%s: %v from the database, %v from the API", key, want, got)
				}
			}
			if compared < 25 {
				t.Errorf("compared only %d series; the fixture or the scrape is incomplete", compared)
			}
		})
	}
}

// dropUndatedInvitations deletes invitations without an expiry date from
// the test database. Matomo never writes such a row, and the two sources
// read it differently: the API's invite_status depends on the expiry date
// alone and is "active", while the database reader counts any row with
// an invite_token as an invitation.
func dropUndatedInvitations(t *testing.T, dbName string, cfg *config.Matomo) {
	t.Helper()
	db := mustOpenPool(t, dbName)
	table := "`" + cfg.Database().TablesPrefix + "user`"
	var hasInvites int
	err := db.QueryRow(`SELECT COUNT(*) FROM information_schema.COLUMNS
		WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = 'invite_token'`,
		cfg.Database().TablesPrefix+"user").Scan(&hasInvites)
	if err != nil {
		t.Fatal(err)
	}
	if hasInvites == 0 {
		return
	}
	if _, err := db.Exec("DELETE FROM " + table + " WHERE invite_token IS NOT NULL AND invite_expired_at IS NULL"); err != nil {
		t.Fatal(err)
	}
}

func isShared(key string) bool {
	name, _, _ := strings.Cut(key, "{")
	for _, m := range sharedMetrics {
		if name == m {
			return true
		}
	}
	return false
}

// forcedInConfig reports whether a metric comes from a plugin setting that
// the fixture's config.ini.php forces; Matomo's getSystemSettings leaves
// such a setting out, so the API source reads the default.
func forcedInConfig(cfg *config.Matomo, key string) bool {
	forced := map[string][2]string{
		"matomo_two_factor_auth_required":            {"TwoFactorAuth", "twoFactorAuthRequired"},
		"matomo_brute_force_detection_enabled":       {"Login", "enableBruteForceDetection"},
		"matomo_brute_force_max_retries":             {"Login", "maxAllowedRetries"},
		"matomo_brute_force_window_seconds":          {"Login", "allowedRetriesTimeRange"},
		"matomo_login_allowed_email_domains":         {"UsersManager", "allowedEmailDomains"},
		"matomo_inactive_user_notifications_enabled": {"UsersManager", "enableInactiveUsersNotifications"},
	}
	setting, ok := forced[key]
	return ok && cfg.Has(setting[0], setting[1])
}

// apiInstanceFromDatabase reads the seeded rows back and describes them
// the way Matomo's API would serve them.
func apiInstanceFromDatabase(t *testing.T, dbName string, cfg *config.Matomo, f fixture) apitest.Instance {
	t.Helper()
	db, err := testdb.Open(dbName, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	prefix := cfg.Database().TablesPrefix
	table := func(name string) string { return "`" + prefix + name + "`" }

	inst := apitest.Instance{Flavor: apitest.Matomo5, PHPVersion: "8.2.20", Plugins: map[string]bool{}, Settings: map[string]any{}}
	if strings.HasPrefix(f.schema, "matomo-4") {
		inst.Flavor = apitest.Matomo4
	}
	if err := db.QueryRow("SELECT option_value FROM " + table("option") + " WHERE option_name = 'version_core'").Scan(&inst.Version); err != nil {
		t.Fatal(err)
	}
	for _, p := range cfg.List("Plugins", "Plugins") {
		inst.Plugins[p] = true
	}

	// Last seen moved from options to user.ts_last_seen in Matomo 5.4.
	lastSeen := "(SELECT CAST(option_value AS SIGNED) FROM " + table("option") +
		" WHERE option_name = CONCAT('UsersManager.lastSeen.', u.login))"
	if f.schema == "matomo-5.4.sql" {
		lastSeen = "TIMESTAMPDIFF(SECOND, '1970-01-01', u.ts_last_seen)"
	}
	rows, err := db.Query(`SELECT u.login, u.superuser_access, u.twofactor_secret <> '', ` + lastSeen + `,
		TIMESTAMPDIFF(SECOND, '1970-01-01', u.date_registered), TIMESTAMPDIFF(SECOND, '1970-01-01', u.invite_expired_at)
		FROM ` + table("user") + ` u WHERE u.login <> 'anonymous'`)
	if err != nil {
		t.Fatal(err)
	}
	byLogin := map[string]*apitest.User{}
	var order []string
	for rows.Next() {
		var (
			u                             apitest.User
			seen, registered, inviteUntil sql.NullInt64
		)
		if err := rows.Scan(&u.Login, &u.SuperUser, &u.TwoFactor, &seen, &registered, &inviteUntil); err != nil {
			t.Fatal(err)
		}
		u.LastSeen = unixOrZeroTime(seen)
		u.Registered = unixOrZeroTime(registered)
		u.InviteExpires = unixOrZeroTime(inviteUntil)
		u.Access = map[int]string{}
		byLogin[u.Login] = &u
		order = append(order, u.Login)
	}
	rows.Close()

	rows, err = db.Query("SELECT login, idsite, access FROM " + table("access"))
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var login, access string
		var site int
		if err := rows.Scan(&login, &site, &access); err != nil {
			t.Fatal(err)
		}
		if login == "anonymous" {
			inst.PublicSites = append(inst.PublicSites, site)
			continue
		}
		role := matomo.RoleFromAccess(access)
		if u := byLogin[login]; u != nil && role != matomo.RoleNoAccess && role.Rank() > matomo.RoleFromAccess(u.Access[site]).Rank() {
			u.Access[site] = access
		}
	}
	rows.Close()
	for _, login := range order {
		inst.Users = append(inst.Users, *byLogin[login])
	}

	stored, err := matomo.NewDB(mustOpenPool(t, dbName), prefix).StoredSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]bool{"Login.whitelisteBruteForceIps": true, "Login.blacklistedBruteForceIps": true, "UsersManager.allowedEmailDomains": true}
	for key, s := range stored {
		if lists[key] {
			inst.Settings[key] = s.Values
		} else if len(s.Values) > 0 {
			inst.Settings[key] = s.Values[0]
		}
	}
	return inst
}

func mustOpenPool(t *testing.T, dbName string) *sql.DB {
	db, err := testdb.Open(dbName, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func unixOrZeroTime(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0)
}
