package config

// builtinGlobalINI holds the defaults from Matomo 5.x config/global.ini.php
// for the keys the exporter reads. LoadMatomo uses it when the Matomo
// directory has no readable global.ini.php, for example when the exporter
// runs on another host with a copy of config.ini.php only.
//
// NOTE: There is no default for [Plugins] Plugins[] and [PluginsInstalled]
// PluginsInstalled[]: the lists in global.ini.php change with every release,
// and an installed Matomo writes the complete lists into config.ini.php.
const builtinGlobalINI = `; Defaults from Matomo 5.x config/global.ini.php.
[database]
host =
username =
password =
dbname =
tables_prefix =
port = 3306
adapter = PDO\MYSQL
type = InnoDB
schema = Mysql
enable_ssl = 0
ssl_ca =
ssl_cert =
ssl_key =
ssl_ca_path =
ssl_cipher =
ssl_no_verify =
charset = utf8
collation =

[General]
force_ssl = 0
assume_secure_protocol = 0
enable_trusted_host_check = 1
login_allowlist_apply_to_reporting_api_requests = 1
only_allow_secure_auth_tokens = 0
enable_installer = 1
enable_plugin_upload = 0
enable_browser_archiving_triggering = 1
browser_archiving_disabled_enforce = 0
enable_general_settings_admin = 1
enable_internet_features = 1
enable_auto_update = 1
`

func builtinDefaults() *INI {
	f, err := ParseINI([]byte(builtinGlobalINI))
	if err != nil {
		panic("config: built-in defaults do not parse: " + err.Error())
	}
	return f
}
