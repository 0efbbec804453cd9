package collector

import (
	"context"
	"fmt"

	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// Facts that more than one collector needs come from here. Each picks the
// best configured source: the database and config files where they are
// configured, the Reporting API otherwise. The API is not called for a fact
// the database already gives.

// Plugins is the plugin state of an instance.
type Plugins struct {
	// Activated maps a plugin name to whether it is activated. It has an
	// entry for every installed plugin the source lists and for every
	// plugin in watchedPlugins.
	Activated map[string]bool
}

// watchedPlugins always get a matomo_plugin_activated series, installed or
// not, because alerts and the dashboard look for them.
var watchedPlugins = []string{
	"TwoFactorAuth", "SecurityInfo", "ActivityLog", "LoginLdap", "LoginOIDC", "LoginSaml",
}

// ssoPlugins replace or extend Matomo's own password login.
var ssoPlugins = []string{"LoginLdap", "LoginOIDC", "LoginSaml"}

// Plugins returns which plugins are activated: from [Plugins] and
// [PluginsInstalled] of the config files, or from API.isPluginActivated.
func (s *Scrape) Plugins(ctx context.Context) (Plugins, error) {
	s.pluginsOnce.Do(func() {
		s.plugins, s.pluginsErr = s.loadPlugins(ctx)
	})
	return s.plugins, s.pluginsErr
}

func (s *Scrape) loadPlugins(ctx context.Context) (Plugins, error) {
	out := Plugins{Activated: map[string]bool{}}

	cfg, err := s.MatomoConfig()
	switch {
	case err == nil:
		for _, name := range cfg.List("PluginsInstalled", "PluginsInstalled") {
			out.Activated[name] = false
		}
		for _, name := range watchedPlugins {
			out.Activated[name] = false
		}
		for _, name := range cfg.List("Plugins", "Plugins") {
			out.Activated[name] = true
		}
		return out, nil
	case err != ErrNotConfigured:
		return out, err
	}

	api := s.API()
	if api == nil {
		return out, ErrNotConfigured
	}
	activated, err := api.PluginsActivated(ctx, watchedPlugins)
	if err != nil {
		return out, fmt.Errorf("asking the Reporting API which plugins are activated: %w", err)
	}
	s.MarkAnswered()
	for _, name := range watchedPlugins {
		out.Activated[name] = activated[name]
	}
	return out, nil
}

// Settings returns the plugin system settings after config overrides and
// defaults.
func (s *Scrape) Settings(ctx context.Context) (matomo.SystemSettings, error) {
	s.settingsOnce.Do(func() {
		s.settings, s.settingsErr = s.loadSettings(ctx)
	})
	return s.settings, s.settingsErr
}

func (s *Scrape) loadSettings(ctx context.Context) (matomo.SystemSettings, error) {
	db, err := s.DB(ctx)
	switch {
	case err == nil:
		stored, err := db.StoredSettings(ctx)
		if err != nil {
			return matomo.SystemSettings{}, err
		}
		return matomo.ResolveSettings(stored, s.Config), nil
	case err != ErrNotConfigured:
		return matomo.SystemSettings{}, err
	}

	api := s.API()
	if api == nil {
		return matomo.SystemSettings{}, ErrNotConfigured
	}
	stored, err := api.SystemSettings(ctx)
	if err != nil {
		return matomo.SystemSettings{}, fmt.Errorf("reading system settings from the Reporting API: %w", err)
	}
	s.MarkAnswered()
	return matomo.ResolveSettings(stored, nil), nil
}

// Users returns the user summary from the database, or from the API when
// no database is configured.
func (s *Scrape) Users(ctx context.Context, q matomo.UserQuery) (*matomo.UserSummary, error) {
	db, err := s.DB(ctx)
	switch {
	case err == nil:
		return db.Users(ctx, q)
	case err != ErrNotConfigured:
		return nil, err
	}

	api := s.API()
	if api == nil {
		return nil, ErrNotConfigured
	}
	sum, err := api.Users(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("reading users from the Reporting API: %w", err)
	}
	s.MarkAnswered()
	return sum, nil
}
