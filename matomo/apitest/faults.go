package apitest

import "encoding/json"

// stringValues returns a copy of v with every number and boolean turned
// into a string.
func stringValues(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = stringValues(e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = stringValues(e)
		}
		return out
	case json.Number:
		return t.String()
	case bool:
		if t {
			return "1"
		}
		return "0"
	}
	return v
}

// optionalUserFields are the user fields FaultMissingFields leaves out.
var optionalUserFields = []string{"last_seen", "date_registered", "uses_2fa", "invite_status"}

// withoutOptionalFields returns a copy of the response to method without
// the fields FaultMissingFields names.
func withoutOptionalFields(method string, v any) any {
	switch method {
	case "UsersManager.getUsers", "UsersManager.getUser":
		return mapRows(v, func(row map[string]any) {
			for _, f := range optionalUserFields {
				delete(row, f)
			}
		})
	case "API.getPhpVersion":
		return mapRows(v, func(row map[string]any) { delete(row, "version") })
	case "CorePluginsAdmin.getSystemSettings":
		return mapRows(v, func(plugin map[string]any) {
			plugin["settings"] = mapRows(plugin["settings"], func(setting map[string]any) {
				delete(setting, "value")
			})
		})
	}
	return v
}

// mapRows copies an object, or each object of a list, and applies edit to
// the copies.
func mapRows(v any, edit func(map[string]any)) any {
	switch t := v.(type) {
	case map[string]any:
		row := make(map[string]any, len(t))
		for k, e := range t {
			row[k] = e
		}
		edit(row)
		return row
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = mapRows(e, edit)
		}
		return out
	}
	return v
}
