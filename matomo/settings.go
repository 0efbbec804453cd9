package matomo

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// StoredSetting is one system setting as a reader found it: either a
// plugin_setting row or a value from the API.
type StoredSetting struct {
	// Values holds the value; a list setting has one entry per element.
	Values []string
}

// Settings keys are "Plugin.settingName".
type StoredSettings map[string]StoredSetting

// ConfigOverrides is the part of the Matomo config that can force a plugin
// setting: a `[Plugin] setting = value` (or `setting[] = value` for a
// list) in config.ini.php wins over the stored value. *config.Matomo
// implements it.
type ConfigOverrides interface {
	Has(section, key string) bool
	String(section, key, def string) string
	List(section, key string) []string
}

// ResolveSettings applies Matomo's precedence to the stored settings: a
// config override wins, then the stored value, then the default. overrides
// may be nil (Cloud instances have no config file).
func ResolveSettings(stored StoredSettings, overrides ConfigOverrides) SystemSettings {
	out := DefaultSystemSettings()
	r := resolver{stored: stored, overrides: overrides}

	out.TwoFactorRequired = r.boolean("TwoFactorAuth", "twoFactorAuthRequired", false)
	out.BruteForceEnabled = r.boolean("Login", "enableBruteForceDetection", out.BruteForceEnabled)
	out.MaxRetries = r.integer("Login", "maxAllowedRetries", out.MaxRetries)
	out.WindowMinutes = r.integer("Login", "allowedRetriesTimeRange", out.WindowMinutes)
	out.Allowlist = r.list("Login", "whitelisteBruteForceIps")
	out.Blocklist = r.list("Login", "blacklistedBruteForceIps")
	out.AllowedEmailDomains = r.list("UsersManager", "allowedEmailDomains")
	out.InactiveUserNotifications = r.boolean("UsersManager", "enableInactiveUsersNotifications", false)
	return out
}

type resolver struct {
	stored    StoredSettings
	overrides ConfigOverrides
}

func (r resolver) scalar(plugin, name string) (string, bool) {
	if r.overrides != nil && r.overrides.Has(plugin, name) {
		return r.overrides.String(plugin, name, ""), true
	}
	if s, ok := r.stored[plugin+"."+name]; ok && len(s.Values) > 0 {
		return s.Values[0], true
	}
	return "", false
}

func (r resolver) boolean(plugin, name string, def bool) bool {
	v, ok := r.scalar(plugin, name)
	if !ok {
		return def
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "off", "no", "none", "null":
		return false
	}
	return true
}

func (r resolver) integer(plugin, name string, def int) int {
	v, ok := r.scalar(plugin, name)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return def
	}
	return n
}

func (r resolver) list(plugin, name string) []string {
	var values []string
	switch {
	case r.overrides != nil && r.overrides.Has(plugin, name):
		values = r.overrides.List(plugin, name)
		if len(values) == 0 {
			values = []string{r.overrides.String(plugin, name, "")}
		}
	default:
		values = r.stored[plugin+"."+name].Values
	}

	// The settings form stores an empty list as one empty element.
	out := values[:0:0]
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// settingPlugins are the plugins whose system settings the exporter reads.
var settingPlugins = []string{"Login", "TwoFactorAuth", "UsersManager"}

// StoredSettings reads the system settings (user_login = ”) of the
// plugins the exporter cares about. A setting without a row has its
// default, which ResolveSettings fills in.
func (d *DB) StoredSettings(ctx context.Context) (StoredSettings, error) {
	s, err := d.require(ctx, "plugin_setting")
	if err != nil {
		return nil, err
	}
	jsonColumn := "0"
	if s.has("plugin_setting", "json_encoded") {
		jsonColumn = "json_encoded"
	}
	query := `SELECT plugin_name, setting_name, setting_value, ` + jsonColumn + `
		FROM ` + d.table("plugin_setting") + `
		WHERE user_login = '' AND plugin_name IN (?, ?, ?)`
	if s.has("plugin_setting", "idplugin_setting") {
		query += " ORDER BY idplugin_setting"
	}

	rows, err := d.conn.QueryContext(ctx, query, settingPlugins[0], settingPlugins[1], settingPlugins[2])
	if err != nil {
		return nil, fmt.Errorf("reading plugin settings: %w", err)
	}
	defer rows.Close()

	out := StoredSettings{}
	for rows.Next() {
		var plugin, name, value string
		var jsonEncoded bool
		if err := rows.Scan(&plugin, &name, &value, &jsonEncoded); err != nil {
			return nil, err
		}
		key := plugin + "." + name
		entry := out[key]
		if jsonEncoded {
			entry.Values = append(entry.Values, decodeJSONSetting(value)...)
		} else {
			// Before Matomo 3.5 a list was stored as one row per element.
			entry.Values = append(entry.Values, value)
		}
		out[key] = entry
	}
	return out, rows.Err()
}

// decodeJSONSetting flattens a JSON-encoded setting into strings. Matomo
// stores lists as JSON arrays and may store scalars as JSON too. A value
// that is not valid JSON is kept as it is.
func decodeJSONSetting(raw string) []string {
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return []string{raw}
	}
	return flattenJSON(v)
}

func flattenJSON(v any) []string {
	switch t := v.(type) {
	case nil:
		return nil
	case bool:
		if t {
			return []string{"1"}
		}
		return []string{"0"}
	case string:
		return []string{t}
	case float64:
		return []string{strconv.FormatFloat(t, 'f', -1, 64)}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, flattenJSON(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range t {
			out = append(out, flattenJSON(e)...)
		}
		return out
	}
	return nil
}
