package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
)

// The config collector reads security switches from the Matomo config
// files (config.ini.php over common.config.ini.php over global.ini.php).
func init() {
	register("config", true, configCollector{})
}

// configFlag is a [section] key whose effective value becomes a 0/1 gauge.
type configFlag struct {
	desc    *prometheus.Desc
	section string
	key     string
	def     bool
}

var configFlags = []configFlag{
	{newDesc("config_force_ssl", "[General] force_ssl: Matomo redirects http to https."), "General", "force_ssl", false},
	{newDesc("config_assume_secure_protocol", "[General] assume_secure_protocol: Matomo treats requests as https (behind a TLS proxy)."),
		"General", "assume_secure_protocol", false},
	{newDesc("config_trusted_host_check_enabled", "[General] enable_trusted_host_check: Matomo rejects requests for hosts not in trusted_hosts[]."),
		"General", "enable_trusted_host_check", true},
	{newDesc("config_only_allow_secure_auth_tokens", "[General] only_allow_secure_auth_tokens: every token_auth must be sent in a POST body."),
		"General", "only_allow_secure_auth_tokens", false},
	{newDesc("config_database_ssl_enabled", "[database] enable_ssl: Matomo connects to its database over TLS."),
		"database", "enable_ssl", false},
	{newDesc("config_installer_enabled", "[General] enable_installer: the web installer can be started again."),
		"General", "enable_installer", true},
	{newDesc("config_plugin_upload_enabled", "[General] enable_plugin_upload: Super Users may upload plugin ZIP files, which run as code."),
		"General", "enable_plugin_upload", false},
	{newDesc("config_browser_archiving_disabled_enforce", "[General] browser_archiving_disabled_enforce: no report is archived from the browser, custom ranges included."),
		"General", "browser_archiving_disabled_enforce", false},
}

var (
	trustedHostsDesc = newDesc("config_trusted_hosts", "Entries in [General] trusted_hosts[].")
	allowlistDesc    = newDesc("login_allowlist_ips",
		"Entries in [General] login_allowlist_ip[] (or the old name login_whitelist_ip[]); 0 means logins from any IP.")
)

type configCollector struct{}

func (configCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	cfg, err := s.MatomoConfig()
	if err != nil {
		return err
	}
	for _, f := range configFlags {
		gauge(ch, f.desc, boolValue(cfg.Bool(f.section, f.key, f.def)))
	}
	gauge(ch, trustedHostsDesc, float64(len(cfg.List("General", "trusted_hosts"))))
	gauge(ch, allowlistDesc, float64(len(cfg.LoginAllowlist())))
	return nil
}
