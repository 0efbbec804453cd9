package main

// One function per dashboard row. Thresholds quoted in descriptions are the
// recording rules of alerts/matomo-alerts.yml, where users change them.

type checklistItem struct {
	item, title, description string
}

var checklistItems = []checklistItem{
	{"least_privilege", "Least privilege",
		"Passed: at most matomo:threshold:superusers_max Super Users, inactive accounts per role and sites public to anonymous visitors within their thresholds. Unknown: the users collector failed or sent no data."},
	{"two_factor_auth", "Two-factor authentication",
		"Passed: the TwoFactorAuth plugin is activated, 2FA is required for everyone, and no more accounts without 2FA than the thresholds allow (Super Users and admins count separately). Unknown: a collector failed or sent no data."},
	{"anti_intrusion", "Anti-intrusion",
		"Passed: brute force detection is on, blocked IPs and recent failed logins are within their thresholds, the trusted host check is on and at least one trusted host is set. Unknown: a collector failed or sent no data."},
	{"api_tokens", "API tokens",
		"Passed: tokens without expiry, unused, insecure and orphaned tokens are within their thresholds, and expired tokens were deleted at least once during the last day. Unknown: the tokens collector failed or sent no data."},
	{"updates", "Updates",
		"Passed: no Matomo update has waited longer than matomo:threshold:update_available_max_age_seconds and Matomo checked for updates within matomo:threshold:update_check_max_age_seconds. Unknown: the versions collector failed or sent no data."},
	{"https", "HTTPS",
		"Passed: force_ssl is on, HTTP redirects to HTTPS, HSTS is sent, the session cookie is Secure, the certificate verifies and is valid for longer than matomo:threshold:certificate_expiry_warning_seconds, and TLS is 1.2 or newer. Unknown: a collector failed or sent no data (for example a plain-HTTP URL has no certificate)."},
	{"database", "Database",
		"Passed: no foreign tables, no global privileges, no account for host '%', the server is not network-exposed, database TLS works where configured and the newest backup is younger than matomo:threshold:backup_max_age_seconds. Unknown: a collector failed or sent no data (for example no --collector.backup.path-glob)."},
	{"monitoring_plugins", "Monitoring plugins",
		"Passed: the SecurityInfo and ActivityLog plugins are activated. Unknown: the plugin list could not be read."},
	{"server_stack", "Server stack",
		"Passed: PHP and the database server are supported for longer than matomo:threshold:support_end_warning_seconds, program files match the release, the protective .htaccess files exist, no version banners are sent, and the installer and plugin upload are disabled. Unknown: a collector failed or sent no data."},
	{"archiving", "Archiving",
		"Passed: browser-triggered archiving is off and the last successful core:archive run is younger than matomo:threshold:archiving_max_age_seconds. Unknown: the archiving collector failed or sent no data."},
	{"private_directories", "Private directories",
		"Passed: no private path (config/config.ini.php, tmp/, .git/, lang/, core/) is reachable over HTTP and config.ini.php is not world-readable. Failed as soon as one path is exposed. Unknown: a check failed or sent no data."},
}

func scorecardRow(l *layout) {
	l.row("Checklist scorecard")

	l.add(panel{
		kind: "stat", title: "Checklist items passed", unit: "none",
		description: "How many of the 11 checklist items pass on each instance. Good: 11.",
		targets:     []target{{expr: "sum by (job, instance) (" + sel("matomo:checklist:status") + " == bool 1)", instant: true}},
		width:       4, height: 4, noValue: "Unknown",
	})
	l.add(panel{
		kind: "stat", title: "Checklist items failed", unit: "none",
		description: "How many checklist items fail on each instance. Good: 0. The alerts of alerts/matomo-alerts.yml name the failing checks.",
		targets:     []target{{expr: "sum by (job, instance) (" + sel("matomo:checklist:status") + " == bool 0)", instant: true}},
		width:       4, height: 4, noValue: "Unknown",
	})
	for _, it := range checklistItems {
		l.add(panel{
			kind: "stat", title: it.title, unit: "none",
			description: it.description + " Good: Passed.",
			targets:     []target{{expr: sel("matomo:checklist:status", `item="`+it.item+`"`), instant: true}},
			width:       4, height: 4,
			mappings: statusMapping,
			noValue:  "Unknown",
		})
	}
}

func leastPrivilegeRow(l *layout) {
	l.row("Least privilege")

	l.add(timeseries("Accounts by role",
		"User accounts by highest role; the anonymous user and invitations are not counted. Good: few Super Users (at most matomo:threshold:superusers_max) and most users with view or write only.",
		"none",
		target{expr: "sum by (instance, role) (" + sel("matomo_users") + ")", legend: "{{instance}} {{role}}"}))
	l.add(timeseries("Inactive accounts by role",
		"Accounts not seen for longer than the exporter's --collector.users.inactive-after (default 90 days), by highest role. Good: 0 in every role.",
		"none",
		target{expr: "sum by (instance, role) (" + sel("matomo_users_inactive") + ")", legend: "{{instance}} {{role}}"}))

	l.add(countStat("Super Users",
		"Accounts with Super User access. Good: at most matomo:threshold:superusers_max (2 unless changed).",
		sel("matomo_users", `role="superuser"`)))
	l.add(countStat("Public sites",
		"Sites whose reports the anonymous user may view without logging in. Good: 0 unless you publish reports on purpose.",
		sel("matomo_sites_public")))
	l.add(countStat("Pending invitations",
		"User invitations that were sent and neither accepted nor expired. Good: only invitations you expect.",
		sel("matomo_user_invitations", `state="pending"`)))
	l.add(countStat("Expired invitations",
		"Invitations that expired without being accepted; Matomo deletes them 3 days after expiry. Good: 0 or few.",
		sel("matomo_user_invitations", `state="expired"`)))
	l.add(countStat("Allowed email domains",
		"Email domains that user accounts and invitations are restricted to (UsersManager setting allowedEmailDomains). Good: at least 1; 0 means any domain.",
		sel("matomo_login_allowed_email_domains")))
	l.add(boolStat("Inactive-user emails",
		"Whether Matomo emails Super Users a monthly list of inactive users (UsersManager setting enableInactiveUsersNotifications). Good: On.",
		sel("matomo_inactive_user_notifications_enabled"), 1, "On", "Off"))
}

func twoFactorRow(l *layout) {
	l.row("Two-factor authentication")

	l.add(timeseries("Accounts without 2FA by role",
		"Accounts that log in without a second factor, by highest role; all accounts count while the TwoFactorAuth plugin is deactivated. Good: 0, above all for superuser and admin.",
		"none",
		target{expr: "sum by (instance, role) (" + sel("matomo_users_without_2fa") + ")", legend: "{{instance}} {{role}}"}))
	l.add(boolStat("2FA required",
		"Whether everyone must use two-factor authentication (TwoFactorAuth setting twoFactorAuthRequired; a config.ini.php override wins). Good: Required.",
		sel("matomo_two_factor_auth_required"), 1, "Required", "Optional"))
	l.add(boolStat("TwoFactorAuth plugin",
		"Whether the TwoFactorAuth plugin is activated; without it Matomo asks nobody for a second factor. Good: Activated.",
		sel("matomo_plugin_activated", `plugin="TwoFactorAuth"`), 1, "Activated", "Deactivated"))
	l.add(boolStat("Single sign-on",
		"Whether a login plugin such as LoginLdap, LoginOIDC or LoginSaml is activated; then the identity provider may enforce the second factor. Good: either, as long as someone enforces 2FA.",
		sel("matomo_sso_enabled"), 1, "On", "Off"))
}

func antiIntrusionRow(l *layout) {
	l.row("Anti-intrusion")

	l.add(timeseries("Failed logins in the brute force window",
		"Failed logins and failed token_auth requests within brute force detection's time window, all IPs together. Good: low and steady; above matomo:threshold:brute_force_recent_attempts_max (100 unless changed) an attack may be under way.",
		"none",
		target{expr: sel("matomo_brute_force_recent_attempts")}))
	l.add(timeseries("Blocked IPs",
		"IPs that brute force detection blocks now because they exceeded the allowed retries in the window. Good: 0, or only attackers you recognise.",
		"none",
		target{expr: sel("matomo_brute_force_blocked_ips")}))

	l.add(boolStat("Brute force detection",
		"Whether Matomo blocks IPs after repeated failed logins (Login setting enableBruteForceDetection). Good: On.",
		sel("matomo_brute_force_detection_enabled"), 1, "On", "Off"))
	l.add(countStat("Allowed retries",
		"Failed logins an IP may make within the window before it is blocked (Login setting maxAllowedRetries, default 20). Good: 20 or fewer.",
		sel("matomo_brute_force_max_retries")))
	l.add(durationStat("Brute force window",
		"The window in which failed logins are counted (Login setting allowedRetriesTimeRange, default 60 minutes). Good: 60 minutes or longer.",
		sel("matomo_brute_force_window_seconds")))
	l.add(boolStat("Trusted host check",
		"Whether Matomo rejects requests whose Host header is not a trusted host ([General] enable_trusted_host_check). Good: On.",
		sel("matomo_config_trusted_host_check_enabled"), 1, "On", "Off"))
	l.add(countStat("Trusted hosts",
		"Entries of [General] trusted_hosts[]. Good: 1 or more, each a hostname you serve Matomo on.",
		sel("matomo_config_trusted_hosts")))
	l.add(countStat("Login allowlist entries",
		"Entries of [General] login_allowlist_ip[] that restrict logins and API use to known IPs. Good: set where your users have fixed addresses; 0 means any IP may log in.",
		sel("matomo_login_allowlist_ips")))
}

func tokensRow(l *layout) {
	l.row("API tokens")

	l.add(timeseries("Tokens by state",
		"Non-system API tokens in each problem state; one token can be in several. Good: 0 in every state (thresholds matomo:threshold:tokens_*_max).",
		"none",
		target{expr: sel("matomo_auth_tokens_without_expiry"), legend: "{{instance}} without expiry"},
		target{expr: sel("matomo_auth_tokens_never_used"), legend: "{{instance}} never used"},
		target{expr: sel("matomo_auth_tokens_unused"), legend: "{{instance}} unused"},
		target{expr: sel("matomo_auth_tokens_insecure"), legend: "{{instance}} insecure"},
		target{expr: sel("matomo_auth_tokens_orphaned"), legend: "{{instance}} orphaned"},
		target{expr: sel("matomo_auth_tokens_expired"), legend: "{{instance}} expired"}))
	l.add(timeseries("Tokens by owner role",
		"Non-system API tokens by the highest role of their owner. Good: few tokens of Super Users, each one needed.",
		"none",
		target{expr: "sum by (instance, role) (" + sel("matomo_auth_tokens") + ")", legend: "{{instance}} {{role}}"}))

	l.add(durationStat("Oldest token age",
		"Age of the oldest non-system API token. Good: younger than your rotation period.",
		"time() - ("+sel("matomo_auth_token_oldest_created_timestamp_seconds")+" > 0)"))
	l.add(boolStat("Secure tokens only",
		"Whether Matomo accepts token_auth only in a POST body ([General] only_allow_secure_auth_tokens). Good: On.",
		sel("matomo_config_only_allow_secure_auth_tokens"), 1, "On", "Off"))
}

func updatesRow(l *layout) {
	l.row("Updates")

	l.add(panel{
		kind: "table", title: "Installed and latest Matomo version", unit: "none",
		description: "The Matomo version each instance runs and the newest version its last update check found. Good: both the same.",
		targets: []target{{
			expr: `label_replace(` + sel("matomo_version_info") + `, "kind", "installed", "", "")` +
				` or label_replace(` + sel("matomo_latest_version_info") + `, "kind", "latest", "", "")`,
			instant: true, table: true,
		}},
		width: 8, height: 6,
		extra: object{"transformations": []any{object{
			"id":      "organize",
			"options": object{"excludeByName": object{"Time": true, "Value": true, "__name__": true, "job": true}},
		}}},
	})
	l.add(boolStat("Update available",
		"Whether a newer Matomo version is available. Good: Up to date, or an update installed within matomo:threshold:update_available_max_age_seconds (7 days unless changed).",
		sel("matomo_update_available"), 0, "Update available", "Up to date"))
	l.add(durationStat("Update waiting for",
		"How long the available update has been waiting (recording rule matomo:update_available_since_timestamp_seconds). Good: no value, or less than 7 days.",
		"time() - "+sel("matomo:update_available_since_timestamp_seconds")))
	l.add(durationStat("Last update check",
		"Time since Matomo last asked for the newest version; it checks at most every 8 hours. Good: under matomo:threshold:update_check_max_age_seconds (2 days unless changed).",
		"time() - "+sel("matomo_update_check_last_timestamp_seconds")))
}

func httpsRow(l *layout) {
	l.row("HTTPS")

	l.add(boolStat("force_ssl",
		"[General] force_ssl: Matomo redirects plain HTTP requests to HTTPS. Good: On.",
		sel("matomo_config_force_ssl"), 1, "On", "Off"))
	l.add(boolStat("HTTP redirects to HTTPS",
		"Whether a plain HTTP request to Matomo's URL is redirected to HTTPS. Good: Yes.",
		sel("matomo_http_redirects_to_https"), 1, "Yes", "No"))
	l.add(boolStat("HSTS",
		"Whether Matomo's HTTPS responses carry a Strict-Transport-Security header. Good: Sent.",
		sel("matomo_http_hsts_enabled"), 1, "Sent", "Missing"))
	l.add(boolStat("Session cookie Secure",
		"Whether Matomo's session cookie has the Secure flag. Good: Secure.",
		sel("matomo_http_session_cookie_secure"), 1, "Secure", "Not secure"))
	l.add(boolStat("assume_secure_protocol",
		"[General] assume_secure_protocol: Matomo treats requests as HTTPS, as it must behind a TLS-terminating proxy. Good: On behind such a proxy, either value otherwise.",
		sel("matomo_config_assume_secure_protocol"), 1, "On", "Off"))
	l.add(daysStat("Certificate days left",
		"Days until the TLS certificate of Matomo's URL expires; the last value of the past hour stays shown while a probe fails, and no value means no TLS handshake. Good: more than matomo:threshold:certificate_expiry_warning_seconds (21 days unless changed).",
		"((last_over_time("+sel("matomo_tls_certificate_expiry_timestamp_seconds")+"[1h]) > 0) - time()) / 86400"))
	l.add(panel{
		kind: "table", title: "Negotiated TLS version", unit: "none",
		description: "The TLS version the exporter negotiated with Matomo's URL. Good: TLS 1.2 or TLS 1.3.",
		targets:     []target{{expr: sel("matomo_http_tls_version_info"), instant: true, table: true}},
		width:       8, height: 5,
		extra: object{"transformations": []any{object{
			"id":      "organize",
			"options": object{"excludeByName": object{"Time": true, "Value": true, "__name__": true, "job": true}},
		}}},
	})
}

func databaseRow(l *layout) {
	l.row("Database")

	l.add(countStat("Foreign tables",
		"Tables in Matomo's database schema without Matomo's table prefix; Matomo's database account can read them. Good: 0.",
		sel("matomo_database_foreign_tables")))
	l.add(countStat("Global privileges",
		"Privileges of Matomo's database account on *.* beyond USAGE. Good: 0.",
		sel("matomo_database_user_global_privileges")))
	l.add(boolStat("Account for any host",
		"Whether Matomo's database account is defined for host '%'. Good: No.",
		sel("matomo_database_user_any_host"), 0, "Yes", "No"))
	l.add(boolStat("Database network-exposed",
		"Whether the database server accepts connections on a network interface. Good: No, unless Matomo runs on another host.",
		sel("matomo_database_network_exposed"), 0, "Yes", "No"))
	l.add(boolStat("Connection encrypted",
		"Whether the database connection uses TLS. Good: Encrypted whenever the database is reached over a network; on a local socket either value.",
		sel("matomo_database_connection_encrypted"), 1, "Encrypted", "Plain"))
	l.add(boolStat("enable_ssl",
		"[database] enable_ssl in config.ini.php. Good: On for a database reached over a network.",
		sel("matomo_config_database_ssl_enabled"), 1, "On", "Off"))
	l.add(durationStat("Newest backup age",
		"Age of the newest file matching --collector.backup.path-glob. Good: younger than matomo:threshold:backup_max_age_seconds (2 days unless changed).",
		"time() - "+sel("matomo_backup_last_timestamp_seconds")))
}

func monitoringPluginsRow(l *layout) {
	l.row("Monitoring plugins")

	l.add(boolStat("SecurityInfo plugin",
		"Whether the free SecurityInfo plugin is activated; it reports PHP settings that weaken security. Good: Activated.",
		sel("matomo_plugin_activated", `plugin="SecurityInfo"`), 1, "Activated", "Not activated"))
	l.add(boolStat("ActivityLog plugin",
		"Whether the ActivityLog plugin (a paid plugin) is activated; it records who changed what. Good: Activated.",
		sel("matomo_plugin_activated", `plugin="ActivityLog"`), 1, "Activated", "Not activated"))
	l.add(panel{
		kind: "table", title: "Plugins", unit: "none",
		description: "Installed plugins and whether each is activated. Good: only plugins you use are activated.",
		targets:     []target{{expr: sel("matomo_plugin_activated"), instant: true, table: true}},
		width:       16, height: 8,
		mappings: boolMapping(1, "Activated", "Not activated"),
		extra: object{"transformations": []any{object{
			"id": "organize",
			"options": object{
				"excludeByName": object{"Time": true, "__name__": true, "job": true},
				"renameByName":  object{"Value": "state"},
			},
		}}},
	})
}

func serverStackRow(l *layout) {
	l.row("Server stack")

	l.add(labelStat("PHP version",
		"The PHP version Matomo runs on. Good: a version with upstream security support.",
		sel("matomo_php_version_info"), "{{instance}}: {{version}}"))
	l.add(daysStat("PHP support days left",
		"Days until upstream security support for this PHP version ends; negative once it has ended. Good: more than matomo:threshold:support_end_warning_seconds (90 days unless changed).",
		"("+sel("matomo_php_support_end_timestamp_seconds")+" - time()) / 86400"))
	l.add(labelStat("Database version",
		"The database server's flavor and version. Good: a version with upstream support.",
		sel("matomo_database_version_info"), "{{instance}}: {{flavor}} {{version}}"))
	l.add(daysStat("Database support days left",
		"Days until upstream support for this database version ends; negative once it has ended. Good: more than 90 days.",
		"("+sel("matomo_database_support_end_timestamp_seconds")+" - time()) / 86400"))
	l.add(labelStat("Web server",
		"The Server header Matomo's URL sends. Good: a product name without a version.",
		sel("matomo_http_server_info"), "{{instance}}: {{server}}"))
	l.add(countStat("Missing .htaccess files",
		".htaccess files that ./console core:create-security-files writes and that are missing. Good: 0 (on nginx the same rules belong in the server configuration).",
		sel("matomo_security_files_missing")))

	l.add(timeseries("Files that differ from the release",
		"Files compared with config/manifest.inc.php, as Matomo's file integrity check does. Good: 0 modified, 0 missing and 0 unexpected.",
		"none",
		target{expr: sel("matomo_files_modified"), legend: "{{instance}} modified"},
		target{expr: sel("matomo_files_missing"), legend: "{{instance}} missing"},
		target{expr: sel("matomo_files_unexpected"), legend: "{{instance}} unexpected"}))
	l.add(boolStat("Server version banner",
		"Whether the Server header names a version. Good: Hidden.",
		sel("matomo_http_server_version_exposed"), 0, "Exposed", "Hidden"))
	l.add(boolStat("PHP version banner",
		"Whether an X-Powered-By header names the PHP version (php.ini expose_php). Good: Hidden.",
		sel("matomo_http_php_version_exposed"), 0, "Exposed", "Hidden"))
	l.add(boolStat("Installer",
		"[General] enable_installer. Good: Disabled.",
		sel("matomo_config_installer_enabled"), 0, "Enabled", "Disabled"))
	l.add(boolStat("Plugin upload",
		"[General] enable_plugin_upload: Super Users may upload plugin ZIP files, which run code on the server. Good: Disabled.",
		sel("matomo_config_plugin_upload_enabled"), 0, "Enabled", "Disabled"))
}

func archivingRow(l *layout) {
	l.row("Archiving")

	l.add(timeseries("Time since core:archive",
		"Time since the last successful ./console core:archive run ended, and since the last run started. Good: under matomo:threshold:archiving_max_age_seconds (24 hours unless changed); with hourly cron, about an hour.",
		"s",
		target{expr: "time() - " + sel("matomo_archiving_last_success_timestamp_seconds"), legend: "{{instance}} last success"},
		target{expr: "time() - " + sel("matomo_archiving_last_start_timestamp_seconds"), legend: "{{instance}} last start"}))
	l.add(boolStat("Browser-triggered archiving",
		"Whether reports are archived when viewed in the browser (the effective setting). Good: Off, with core:archive in cron.",
		sel("matomo_browser_archiving_enabled"), 0, "On", "Off"))
	l.add(boolStat("browser_archiving_disabled_enforce",
		"[General] browser_archiving_disabled_enforce: browser requests never trigger archiving, even for segments. Good: On once cron archiving works.",
		sel("matomo_config_browser_archiving_disabled_enforce"), 1, "On", "Off"))
}

func privateDirectoriesRow(l *layout) {
	l.row("Private directories")

	exposure := boolMapping(0, "Exposed", "Protected")
	checked := boolMapping(1, "Yes", "Failed")
	l.add(panel{
		kind: "table", title: "Private paths over HTTP", unit: "none",
		description: "Each private path requested over Matomo's public URL, whether it was reachable and whether the check ran. Good: every path Protected and every check Yes; config/config.ini.php exposed is critical.",
		targets: []target{
			{expr: sel("matomo_http_private_path_exposed"), instant: true, table: true},
			{expr: sel("matomo_http_private_path_check_success"), instant: true, table: true},
		},
		width: 16, height: 9,
		extra: object{"transformations": []any{
			object{"id": "merge", "options": object{}},
			object{"id": "organize", "options": object{
				"excludeByName": object{"Time": true, "__name__": true, "job": true},
				"renameByName":  object{"Value #A": "exposed", "Value #B": "checked"},
			}},
		}},
		overrides: []object{
			{"matcher": object{"id": "byName", "options": "exposed"}, "properties": []any{
				object{"id": "mappings", "value": exposure},
				object{"id": "custom.cellOptions", "value": object{"type": "color-background"}},
			}},
			{"matcher": object{"id": "byName", "options": "checked"}, "properties": []any{
				object{"id": "mappings", "value": checked},
				object{"id": "custom.cellOptions", "value": object{"type": "color-background"}},
			}},
		},
	})
	l.add(boolStat("config.ini.php world-readable",
		"Whether every local account can read config/config.ini.php, which holds the database password and the salt. Good: No.",
		sel("matomo_config_file_world_readable"), 0, "Yes", "No"))
}

func exporterHealthRow(l *layout) {
	l.row("Exporter health")

	collectorState := []object{{
		"type": "value",
		"options": object{
			"1": valueText("OK", "green", 0),
			"0": valueText("Failed", "red", 1),
		},
	}}

	l.add(boolStat("Scrape target up",
		"Whether Prometheus could scrape the exporter for this target (up). Good: Up.",
		sel("up"), 1, "Up", "Down"))
	l.add(boolStat("Matomo answers",
		"matomo_up: whether the instance answered on at least one configured source. Good: Yes.",
		sel("matomo_up"), 1, "Yes", "No"))
	l.add(boolStat("API token backoff",
		"Whether the exporter paused its Reporting API calls after Matomo rejected its token_auth. Good: No.",
		sel("matomo_api_auth_backoff"), 0, "Paused", "No"))
	l.add(labelStat("Exporter version",
		"The matomo_security_exporter build serving this target. Good: the version you deployed.",
		sel("matomo_security_exporter_build_info"), "{{instance}}: {{version}}"))

	l.add(panel{
		kind: "state-timeline", title: "Collector success", unit: "none",
		description: "Whether each collector's checks ran to completion on each scrape. Good: OK everywhere; a failure makes that collector's checks unknown and silences their alerts.",
		targets:     []target{{expr: sel("matomo_scrape_collector_success"), legend: "{{instance}} {{collector}}"}},
		width:       12, height: 8,
		mappings: collectorState,
	})
	l.add(timeseries("Collector duration",
		"How long each collector took per scrape. Good: well below the scrape timeout (10 seconds by default).",
		"s",
		target{expr: sel("matomo_scrape_collector_duration_seconds"), legend: "{{instance}} {{collector}}"}))
	l.add(panel{
		kind: "state-timeline", title: "HTTP checks", unit: "none",
		description: "Whether each HTTP check against Matomo's URL (redirect, headers, certificate) ran. Good: OK everywhere; a failure makes the HTTPS findings unknown.",
		targets:     []target{{expr: sel("matomo_http_check_success"), legend: "{{instance}} {{check}}"}},
		width:       12, height: 8,
		mappings: collectorState,
	})
	l.add(panel{
		kind: "state-timeline", title: "Private path checks", unit: "none",
		description: "Whether each private path check got a conclusive response. Good: OK everywhere; a failure makes that path's exposure unknown.",
		targets:     []target{{expr: sel("matomo_http_private_path_check_success"), legend: "{{instance}} {{path}}"}},
		width:       12, height: 8,
		mappings: collectorState,
	})
}
