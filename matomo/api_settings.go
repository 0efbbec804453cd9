package matomo

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"
)

// apiPluginSettings is one plugin's entry of
// CorePluginsAdmin.getSystemSettings.
type apiPluginSettings struct {
	PluginName apiString `json:"pluginName"`
	Settings   []struct {
		Name  apiString       `json:"name"`
		Value json.RawMessage `json:"value"`
	} `json:"settings"`
}

// SystemSettings returns the system settings of the Login, TwoFactorAuth
// and UsersManager plugins from CorePluginsAdmin.getSystemSettings (Super
// User only), keyed "Plugin.settingName", with lists flattened and
// booleans as "1" or "0". A setting without a value is left out, so its
// default applies.
//
// NOTE: Matomo lists only settings the caller may change, so a setting
// forced in config.ini.php is missing here and ResolveSettings falls back
// to its default, which may differ from the forced value.
func (c *APIClient) SystemSettings(ctx context.Context) (StoredSettings, error) {
	const method = "CorePluginsAdmin.getSystemSettings"
	tok, err := c.token()
	if err != nil {
		return nil, err
	}
	doc, err := c.call(ctx, tok, method, nil)
	if err != nil {
		return nil, err
	}

	var plugins []apiPluginSettings
	if doc[0] == '{' {
		// An empty object, or plugins keyed by position.
		var keyed map[string]apiPluginSettings
		err = json.Unmarshal(doc, &keyed)
		for _, p := range keyed {
			plugins = append(plugins, p)
		}
	} else {
		err = json.Unmarshal(doc, &plugins)
	}
	if err != nil {
		return nil, newAPIError(tok, nil, "unexpected response from %s: expected a JSON array of plugins with their settings: %v", method, err)
	}

	out := StoredSettings{}
	for _, p := range plugins {
		if !slices.Contains(settingPlugins, string(p.PluginName)) {
			continue
		}
		for _, s := range p.Settings {
			if s.Name == "" || len(s.Value) == 0 {
				continue
			}
			var value any
			if json.Unmarshal(s.Value, &value) != nil || value == nil {
				continue
			}
			out[string(p.PluginName)+"."+string(s.Name)] = StoredSetting{Values: flattenJSON(value)}
		}
	}
	return out, nil
}

// Versions returns the Matomo version from API.getMatomoVersion and the PHP
// version from API.getPhpVersion. The PHP version needs a Super User: a
// permission error leaves PHP empty. No API method gives the result of the
// last update check, so Latest and LastUpdateCheck stay empty.
func (c *APIClient) Versions(ctx context.Context) (*Versions, error) {
	tok, err := c.token()
	if err != nil {
		return nil, err
	}

	const coreMethod = "API.getMatomoVersion"
	doc, err := c.call(ctx, tok, coreMethod, nil)
	if err != nil {
		return nil, err
	}
	var core struct {
		Value apiString `json:"value"`
	}
	if json.Unmarshal(doc, &core) != nil || strings.TrimSpace(string(core.Value)) == "" {
		return nil, newAPIError(tok, nil, `unexpected response from %s: expected {"value": "<version>"}`, coreMethod)
	}
	out := &Versions{Core: strings.TrimSpace(string(core.Value))}

	const phpMethod = "API.getPhpVersion"
	doc, err = c.call(ctx, tok, phpMethod, nil)
	switch {
	case errors.Is(err, ErrAPIPermission):
		return out, nil
	case err != nil:
		return nil, err
	}
	out.PHP = phpVersion(doc)
	return out, nil
}

// phpVersion reads {"version": "8.1.2", "major": 8, "minor": 1, "release":
// 2, ...}, which Matomo may wrap in a one-element array. Without version it
// joins major, minor and release.
func phpVersion(doc []byte) string {
	type response struct {
		Version apiString `json:"version"`
		Major   apiString `json:"major"`
		Minor   apiString `json:"minor"`
		Release apiString `json:"release"`
	}
	var a response
	if doc[0] == '[' {
		var list []response
		if json.Unmarshal(doc, &list) != nil || len(list) == 0 {
			return ""
		}
		a = list[0]
	} else if json.Unmarshal(doc, &a) != nil {
		return ""
	}
	if v := strings.TrimSpace(string(a.Version)); v != "" {
		return v
	}
	if a.Major == "" {
		return ""
	}
	parts := []string{string(a.Major)}
	for _, p := range []apiString{a.Minor, a.Release} {
		if p == "" {
			break
		}
		parts = append(parts, string(p))
	}
	return strings.Join(parts, ".")
}

// PluginsActivated reports for each name whether the plugin is activated,
// with one API.isPluginActivated call per name, a few at a time.
func (c *APIClient) PluginsActivated(ctx context.Context, names []string) (map[string]bool, error) {
	const method = "API.isPluginActivated"
	tok, err := c.token()
	if err != nil {
		return nil, err
	}

	activated := make([]bool, len(names))
	check := func(ctx context.Context, i int) error {
		doc, err := c.call(ctx, tok, method, url.Values{"pluginName": {names[i]}})
		if err != nil {
			return err
		}
		var response struct {
			Value json.RawMessage `json:"value"`
		}
		if json.Unmarshal(doc, &response) != nil || len(response.Value) == 0 {
			return newAPIError(tok, nil, `unexpected response from %s for %s: expected {"value": true} or {"value": false}`, method, names[i])
		}
		activated[i] = truthy(decodeLoose(response.Value))
		return nil
	}

	// The first call goes alone: when Matomo rejects the token, the client
	// backs off before the others are sent, so one scrape adds one failed
	// login to Matomo's brute force log instead of one per plugin.
	if len(names) > 0 {
		if err := check(ctx, 0); err != nil {
			return nil, err
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(apiConcurrency)
	for i := 1; i < len(names); i++ {
		g.Go(func() error { return check(gctx, i) })
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}

	out := make(map[string]bool, len(names))
	for i, name := range names {
		out[name] = activated[i]
	}
	return out, nil
}
