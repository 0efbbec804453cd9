package collector

import (
	"context"
	"fmt"
	"sort"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// The versions collector covers updates and monitoring plugins: the
// installed and latest Matomo version, the update check, and which plugins
// are activated (TwoFactorAuth, SecurityInfo, ActivityLog, SSO logins).
func init() {
	register("versions", true, versionsCollector{})
}

var (
	versionInfoDesc = newDesc("version_info",
		"The installed Matomo version (option version_core, or API.getMatomoVersion).", "version")
	latestVersionDesc = newDesc("latest_version_info",
		"The newest Matomo version that Matomo's own update check found (option UpdateCheck_LatestVersion); absent until a check succeeded.",
		"version")
	updateAvailableDesc = newDesc("update_available",
		"Whether the update check found a newer Matomo version than the installed one; 0 when no check has succeeded.")
	updateCheckDesc = newDesc("update_check_last_timestamp_seconds",
		"When Matomo last checked for updates, as a unix timestamp; 0 when it never did.")
	pluginActivatedDesc = newDesc("plugin_activated",
		"Whether a plugin is activated, for every installed plugin and always for TwoFactorAuth, SecurityInfo, ActivityLog and the SSO login plugins.",
		"plugin")
	ssoEnabledDesc = newDesc("sso_enabled",
		"Whether a single sign-on login plugin (LoginLdap, LoginOIDC or LoginSaml) is activated.")
	phpVersionDesc = newDesc("php_version_info",
		"The PHP version Matomo runs on.", "version")
	phpSupportEndDesc = newDesc("php_support_end_timestamp_seconds",
		"When security support ends for the PHP release line Matomo runs on, as a unix timestamp, from a table built into the exporter.")
)

type versionsCollector struct{}

func (versionsCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	plugins, err := s.Plugins(ctx)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(plugins.Activated))
	for name := range plugins.Activated {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		gauge(ch, pluginActivatedDesc, boolValue(plugins.Activated[name]), name)
	}
	sso := false
	for _, name := range ssoPlugins {
		sso = sso || plugins.Activated[name]
	}
	gauge(ch, ssoEnabledDesc, boolValue(sso))

	v, err := s.versions(ctx)
	if err != nil {
		return err
	}
	if v.Core != "" {
		gauge(ch, versionInfoDesc, 1, v.Core)
	}
	if v.Latest != "" {
		gauge(ch, latestVersionDesc, 1, v.Latest)
	}
	// Only the database stores the update check; the API has no method
	// for it, so an API-only target sends neither series.
	if v.UpdateCheckKnown {
		available := v.Core != "" && v.Latest != "" && matomo.CompareVersions(v.Latest, v.Core) > 0
		gauge(ch, updateAvailableDesc, boolValue(available))
		check := 0.0
		if !v.LastUpdateCheck.IsZero() {
			check = float64(v.LastUpdateCheck.Unix())
		}
		gauge(ch, updateCheckDesc, check)
	}

	if v.PHP != "" {
		gauge(ch, phpVersionDesc, 1, v.PHP)
		if end, ok := PHPSupportEnd(v.PHP); ok {
			gauge(ch, phpSupportEndDesc, float64(end.Unix()))
		} else {
			s.Logger.Debug("PHP version not in the built-in end-of-life table; no support end reported", "version", v.PHP)
		}
	}
	return nil
}

// versions merges the facts of the database and the API. The database gives
// the installed version and the update check; the API adds the PHP
// version, which only it can give.
func (s *Scrape) versions(ctx context.Context) (*matomo.Versions, error) {
	var v matomo.Versions

	db, err := s.DB(ctx)
	switch {
	case err == nil:
		dv, err := db.Versions(ctx)
		if err != nil {
			return nil, err
		}
		v = *dv
	case err != ErrNotConfigured:
		return nil, err
	}

	api := s.API()
	if api == nil {
		if db == nil {
			return nil, ErrNotConfigured
		}
		return &v, nil
	}
	av, err := api.Versions(ctx)
	if err != nil {
		if db != nil {
			// The database already gave the main facts; only PHP is missing.
			s.Logger.Warn("Reading the PHP version from the Reporting API failed", "err", err)
			return &v, nil
		}
		return nil, fmt.Errorf("reading versions from the Reporting API: %w", err)
	}
	s.MarkAnswered()
	if v.Core == "" {
		v.Core = av.Core
	}
	v.PHP = av.PHP
	return &v, nil
}
