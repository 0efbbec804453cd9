// Command gen writes the Grafana dashboard matomo-security.json, the
// Matomo security checklist as a scorecard plus one row of detail per
// checklist section. Run it from the repository root after changing a panel:
//
//	go run ./dashboards/gen -o dashboards/matomo-security.json
//
// The committed JSON is the product; this program only keeps the many
// panels consistent (datasource, job and instance filters, units).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

const (
	dashboardUID   = "matomo-security"
	schemaVersion  = 39
	gridWidth      = 24
	datasourceVar  = "${datasource}"
	instanceLegend = "{{instance}}"
)

type object = map[string]any

var datasource = object{"type": "prometheus", "uid": datasourceVar}

// sel returns a selector for metric that filters on the dashboard's job and
// instance variables, plus any extra matchers such as `role="superuser"`.
func sel(metric string, matchers ...string) string {
	all := append([]string{`job=~"$job"`, `instance=~"$instance"`}, matchers...)
	return metric + "{" + strings.Join(all, ", ") + "}"
}

type target struct {
	expr    string
	legend  string
	instant bool
	table   bool
}

func (t target) json(refID string) object {
	legend := t.legend
	if legend == "" {
		legend = instanceLegend
	}
	out := object{
		"datasource":   datasource,
		"expr":         t.expr,
		"legendFormat": legend,
		"refId":        refID,
		"range":        !t.instant,
		"instant":      t.instant,
	}
	if t.table {
		out["format"] = "table"
	}
	return out
}

// panel describes one panel before layout.
type panel struct {
	kind        string // stat, timeseries, table, state-timeline
	title       string
	description string
	unit        string
	targets     []target
	width       int
	height      int
	mappings    []object
	noValue     string
	decimals    *int
	textMode    string   // stat only: auto, name, value_and_name
	extra       object   // extra top-level keys (transformations)
	overrides   []object // fieldConfig.overrides
}

// layout places panels left to right in rows of gridWidth units.
type layout struct {
	panels []object
	nextID int
	x, y   int
	rowH   int
}

func (l *layout) id() int {
	l.nextID++
	return l.nextID
}

func (l *layout) newline() {
	if l.x > 0 {
		l.x = 0
		l.y += l.rowH
		l.rowH = 0
	}
}

func (l *layout) row(title string) {
	l.newline()
	l.panels = append(l.panels, object{
		"type":      "row",
		"id":        l.id(),
		"title":     title,
		"collapsed": false,
		"panels":    []any{},
		"gridPos":   object{"x": 0, "y": l.y, "w": gridWidth, "h": 1},
	})
	l.y++
}

func (l *layout) add(p panel) {
	if l.x+p.width > gridWidth {
		l.newline()
	}
	l.panels = append(l.panels, p.json(l.id(), l.x, l.y))
	l.x += p.width
	if p.height > l.rowH {
		l.rowH = p.height
	}
}

func (p panel) json(id, x, y int) object {
	targets := make([]any, len(p.targets))
	for i, t := range p.targets {
		targets[i] = t.json(string(rune('A' + i)))
	}

	defaults := object{"unit": p.unit}
	if p.mappings != nil {
		defaults["mappings"] = p.mappings
	} else {
		defaults["mappings"] = []any{}
	}
	if p.noValue != "" {
		defaults["noValue"] = p.noValue
	}
	if p.decimals != nil {
		defaults["decimals"] = *p.decimals
	}
	// Colors come from value mappings where a value means good or bad;
	// plain counts stay neutral because their limits live in the rules.
	defaults["color"] = object{"mode": "fixed", "fixedColor": "text"}
	if p.kind == "timeseries" {
		defaults["color"] = object{"mode": "palette-classic"}
	}
	if p.mappings != nil {
		defaults["color"] = object{"mode": "thresholds"}
	}
	defaults["thresholds"] = object{"mode": "absolute", "steps": []any{object{"color": "text", "value": nil}}}
	if p.kind == "timeseries" {
		defaults["custom"] = object{"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never", "spanNulls": false}
	}

	overrides := []any{}
	for _, o := range p.overrides {
		overrides = append(overrides, o)
	}

	out := object{
		"type":        p.kind,
		"id":          id,
		"title":       p.title,
		"description": p.description,
		"datasource":  datasource,
		"gridPos":     object{"x": x, "y": y, "w": p.width, "h": p.height},
		"targets":     targets,
		"fieldConfig": object{"defaults": defaults, "overrides": overrides},
		"options":     p.defaultOptions(),
	}
	for k, v := range p.extra {
		out[k] = v
	}
	return out
}

func (p panel) defaultOptions() object {
	var opts object
	switch p.kind {
	case "stat":
		textMode := p.textMode
		if textMode == "" {
			textMode = "auto"
		}
		colorMode := "none"
		if p.mappings != nil {
			colorMode = "background"
		}
		opts = object{
			"reduceOptions": object{"calcs": []any{"lastNotNull"}, "fields": "", "values": false},
			"colorMode":     colorMode,
			"graphMode":     "none",
			"justifyMode":   "auto",
			"orientation":   "auto",
			"textMode":      textMode,
			"wideLayout":    true,
		}
	case "timeseries":
		opts = object{
			"legend":  object{"displayMode": "list", "placement": "bottom", "showLegend": true},
			"tooltip": object{"mode": "multi", "sort": "desc"},
		}
	case "state-timeline":
		opts = object{
			"showValue":   "never",
			"mergeValues": true,
			"rowHeight":   0.9,
			"legend":      object{"displayMode": "list", "placement": "bottom", "showLegend": true},
			"tooltip":     object{"mode": "single", "sort": "none"},
		}
	case "table":
		opts = object{"showHeader": true, "cellHeight": "sm", "footer": object{"show": false}}
	}
	return opts
}

// Value mappings.

func valueText(text, color string, index int) object {
	return object{"text": text, "color": color, "index": index}
}

// boolMapping maps 0 and 1 to words, colored by which value is good.
func boolMapping(goodValue int, oneText, zeroText string) []object {
	oneColor, zeroColor := "red", "green"
	if goodValue == 1 {
		oneColor, zeroColor = "green", "red"
	}
	return []object{{
		"type": "value",
		"options": object{
			"1": valueText(oneText, oneColor, 0),
			"0": valueText(zeroText, zeroColor, 1),
		},
	}}
}

// statusMapping renders the scorecard values of matomo:checklist:status.
var statusMapping = []object{{
	"type": "value",
	"options": object{
		"1":  valueText("Passed", "green", 0),
		"0":  valueText("Failed", "red", 1),
		"-1": valueText("Unknown", "gray", 2),
	},
}}

func boolStat(title, description, expr string, goodValue int, oneText, zeroText string) panel {
	return panel{
		kind: "stat", title: title, description: description, unit: "none",
		targets: []target{{expr: expr, instant: true}},
		width:   4, height: 4,
		mappings: boolMapping(goodValue, oneText, zeroText),
		noValue:  "Unknown",
	}
}

func countStat(title, description, expr string) panel {
	return panel{
		kind: "stat", title: title, description: description, unit: "none",
		targets: []target{{expr: expr, instant: true}},
		width:   4, height: 4,
		noValue: "Unknown",
	}
}

func durationStat(title, description, expr string) panel {
	return panel{
		kind: "stat", title: title, description: description, unit: "s",
		targets: []target{{expr: expr, instant: true}},
		width:   4, height: 4,
		noValue: "Unknown",
	}
}

func daysStat(title, description, expr string) panel {
	oneDecimal := 1
	return panel{
		kind: "stat", title: title, description: description, unit: "d",
		targets: []target{{expr: expr, instant: true}},
		width:   4, height: 4,
		decimals: &oneDecimal,
		noValue:  "Unknown",
	}
}

// labelStat shows a label of an info series (a version, a server name) as
// the panel's text.
func labelStat(title, description, expr, legend string) panel {
	return panel{
		kind: "stat", title: title, description: description, unit: "none",
		targets: []target{{expr: expr, legend: legend, instant: true}},
		width:   4, height: 4,
		textMode: "name",
		noValue:  "Unknown",
	}
}

func timeseries(title, description, unit string, targets ...target) panel {
	return panel{
		kind: "timeseries", title: title, description: description, unit: unit,
		targets: targets, width: 12, height: 8,
	}
}

func main() {
	output := flag.String("o", "", "write the dashboard to this file instead of standard output")
	flag.Parse()

	data, err := json.MarshalIndent(dashboard(), "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "encoding the dashboard:", err)
		os.Exit(1)
	}
	data = append(data, '\n')

	if *output == "" {
		os.Stdout.Write(data)
		return
	}
	if err := os.WriteFile(*output, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "writing the dashboard:", err)
		os.Exit(1)
	}
}

func dashboard() object {
	l := &layout{}
	scorecardRow(l)
	leastPrivilegeRow(l)
	twoFactorRow(l)
	antiIntrusionRow(l)
	tokensRow(l)
	updatesRow(l)
	httpsRow(l)
	databaseRow(l)
	monitoringPluginsRow(l)
	serverStackRow(l)
	archivingRow(l)
	privateDirectoriesRow(l)
	exporterHealthRow(l)

	return object{
		"id":            nil,
		"uid":           dashboardUID,
		"title":         "Matomo security",
		"description":   "The Matomo security checklist from matomo_security_exporter: a scorecard, then details per checklist section.",
		"tags":          []any{"matomo", "security"},
		"timezone":      "browser",
		"editable":      true,
		"graphTooltip":  1,
		"schemaVersion": schemaVersion,
		"version":       1,
		"refresh":       "5m",
		"time":          object{"from": "now-24h", "to": "now"},
		"timepicker":    object{},
		"links":         []any{},
		"annotations":   object{"list": []any{}},
		"templating":    object{"list": variables()},
		"panels":        l.panels,
	}
}

func variables() []any {
	queryVar := func(name, query string) object {
		return object{
			"name":       name,
			"label":      name,
			"type":       "query",
			"datasource": datasource,
			"query":      object{"query": query, "refId": "PrometheusVariableQueryEditor-VariableQuery", "qryType": 1},
			"definition": query,
			"multi":      true,
			"includeAll": true,
			"refresh":    2, // on time range change
			"sort":       1,
			"regex":      "",
			"hide":       0,
			"current":    object{},
			"options":    []any{},
		}
	}
	return []any{
		object{
			"name":    "datasource",
			"label":   "Data source",
			"type":    "datasource",
			"query":   "prometheus",
			"refresh": 1,
			"regex":   "",
			"hide":    0,
			"current": object{},
			"options": []any{},
		},
		queryVar("job", "label_values(matomo_up, job)"),
		queryVar("instance", `label_values(matomo_up{job=~"$job"}, instance)`),
	}
}
