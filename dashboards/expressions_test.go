// Package dashboards holds no Go code: its tests check the committed Grafana
// dashboard JSON, which the program in gen/ writes.
package dashboards

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const (
	dashboardFile = "matomo-security.json"
	rulesFile     = "../alerts/matomo-alerts.yml"

	jobFilter      = `job=~"$job"`
	instanceFilter = `instance=~"$instance"`
)

type dashboard struct {
	ID            *int    `json:"id"`
	UID           string  `json:"uid"`
	Title         string  `json:"title"`
	SchemaVersion int     `json:"schemaVersion"`
	Panels        []panel `json:"panels"`
	Templating    struct {
		List []variable `json:"list"`
	} `json:"templating"`
}

type panel struct {
	ID          int             `json:"id"`
	Type        string          `json:"type"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Datasource  *datasourceRef  `json:"datasource"`
	GridPos     *gridPos        `json:"gridPos"`
	Targets     []panelTarget   `json:"targets"`
	FieldConfig json.RawMessage `json:"fieldConfig"`
}

type panelTarget struct {
	Expr       string         `json:"expr"`
	RefID      string         `json:"refId"`
	Datasource *datasourceRef `json:"datasource"`
}

type datasourceRef struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

type gridPos struct {
	X, Y, W, H int
}

type variable struct {
	Name       string          `json:"name"`
	Type       string          `json:"type"`
	Query      json.RawMessage `json:"query"`
	Definition string          `json:"definition"`
	Multi      bool            `json:"multi"`
	IncludeAll bool            `json:"includeAll"`
	Refresh    int             `json:"refresh"`
}

func loadDashboard(t *testing.T) (dashboard, []byte) {
	t.Helper()
	data, err := os.ReadFile(dashboardFile)
	if err != nil {
		t.Fatalf("reading %s: %v", dashboardFile, err)
	}
	var d dashboard
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("parsing %s: %v", dashboardFile, err)
	}
	return d, data
}

// contentPanels returns every panel except rows, which are only headings.
func contentPanels(d dashboard) []panel {
	var out []panel
	for _, p := range d.Panels {
		if p.Type != "row" {
			out = append(out, p)
		}
	}
	return out
}

func TestDashboardModel(t *testing.T) {
	d, _ := loadDashboard(t)

	if d.SchemaVersion < 39 {
		t.Errorf("schemaVersion is %d; want 39 or later (Grafana 10.4+)", d.SchemaVersion)
	}
	if d.UID == "" || len(d.UID) > 40 {
		t.Errorf("uid %q must be set and at most 40 characters long", d.UID)
	}
	if d.ID != nil {
		t.Errorf("id is %d; want null so that Grafana assigns one on import", *d.ID)
	}
	if d.Title == "" {
		t.Error("title is empty")
	}
	if len(contentPanels(d)) == 0 {
		t.Fatal("the dashboard has no panels")
	}
}

func TestDashboardVariables(t *testing.T) {
	d, _ := loadDashboard(t)

	byName := map[string]variable{}
	for _, v := range d.Templating.List {
		byName[v.Name] = v
	}

	ds, ok := byName["datasource"]
	if !ok {
		t.Fatal("no datasource variable")
	}
	if ds.Type != "datasource" || string(ds.Query) != `"prometheus"` {
		t.Errorf("datasource variable has type %q and query %s; want type datasource and query \"prometheus\"", ds.Type, ds.Query)
	}

	for name, query := range map[string]string{
		"job":      `label_values(matomo_up, job)`,
		"instance": `label_values(matomo_up{job=~"$job"}, instance)`,
	} {
		v, ok := byName[name]
		if !ok {
			t.Errorf("no %s variable", name)
			continue
		}
		if v.Type != "query" {
			t.Errorf("%s variable has type %q; want query", name, v.Type)
		}
		if v.Definition != query || !strings.Contains(string(v.Query), strings.ReplaceAll(query, `"`, `\"`)) {
			t.Errorf("%s variable queries %s (definition %q); want %s", name, v.Query, v.Definition, query)
		}
		if !v.Multi || !v.IncludeAll {
			t.Errorf("%s variable: multi=%v includeAll=%v; want both true", name, v.Multi, v.IncludeAll)
		}
		if v.Refresh != 2 {
			t.Errorf("%s variable refreshes with %d; want 2 (on time range change)", name, v.Refresh)
		}
	}
}

// TestDatasourceReferences walks the whole JSON so that no hard-coded
// datasource hides in a place the structs above do not read.
func TestDatasourceReferences(t *testing.T) {
	_, data := loadDashboard(t)
	var tree any
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}

	var walk func(path string, node any)
	walk = func(path string, node any) {
		switch n := node.(type) {
		case map[string]any:
			if ref, ok := n["datasource"].(map[string]any); ok {
				if ref["uid"] != "${datasource}" || ref["type"] != "prometheus" {
					t.Errorf("%s.datasource is %v; want {type: prometheus, uid: ${datasource}}", path, ref)
				}
			}
			for key, child := range n {
				walk(path+"."+key, child)
			}
		case []any:
			for i, child := range n {
				walk(path+"["+strconv.Itoa(i)+"]", child)
			}
		}
	}
	walk("$", tree)
}

func TestPanelsAreDocumented(t *testing.T) {
	d, _ := loadDashboard(t)

	ids := map[int]bool{}
	for _, p := range d.Panels {
		if ids[p.ID] {
			t.Errorf("panel id %d is used twice", p.ID)
		}
		ids[p.ID] = true
		if p.GridPos == nil || p.GridPos.W == 0 || p.GridPos.H == 0 {
			t.Errorf("panel %q has no gridPos", p.Title)
		}
		if p.Title == "" {
			t.Errorf("panel %d has no title", p.ID)
		}
	}

	for _, p := range contentPanels(d) {
		if p.Description == "" {
			t.Errorf("panel %q has no description", p.Title)
		}
		if !strings.Contains(p.Description, "Good:") {
			t.Errorf("panel %q: description %q does not say what good looks like (\"Good: ...\")", p.Title, p.Description)
		}
		var fc struct {
			Defaults struct {
				Unit string `json:"unit"`
			} `json:"defaults"`
		}
		if err := json.Unmarshal(p.FieldConfig, &fc); err != nil || fc.Defaults.Unit == "" {
			t.Errorf("panel %q has no fieldConfig.defaults.unit", p.Title)
		}
		if len(p.Targets) == 0 {
			t.Errorf("panel %q has no query", p.Title)
		}
	}
}

var (
	matcherBlock = regexp.MustCompile(`\{[^{}]*\}`)
	stringLit    = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	labelList    = regexp.MustCompile(`\b(by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)`)
	rangeOrStep  = regexp.MustCompile(`\[[^\]]*\]`)
	identifier   = regexp.MustCompile(`[A-Za-z_:][A-Za-z0-9_:]*`)
	keywords     = []string{"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right"}
)

// checkSelectors returns a problem for each vector selector in expr that
// does not filter on both dashboard variables. It is a small scanner, not a
// PromQL parser: it relies on the dashboard's style of always writing label
// matchers in braces right after the metric name.
func checkSelectors(expr string) []string {
	var problems []string
	for _, block := range matcherBlock.FindAllString(expr, -1) {
		if !strings.Contains(block, jobFilter) || !strings.Contains(block, instanceFilter) {
			problems = append(problems, "selector "+block+" lacks "+jobFilter+" or "+instanceFilter)
		}
	}

	// What is left after removing matchers, strings, label lists and
	// ranges are metric names, function names, keywords and numbers. A
	// metric name must be followed by the matcher braces.
	rest := matcherBlock.ReplaceAllString(expr, "{}")
	rest = stringLit.ReplaceAllString(rest, `""`)
	rest = labelList.ReplaceAllString(rest, "")
	rest = rangeOrStep.ReplaceAllString(rest, "")
	for _, loc := range identifier.FindAllStringIndex(rest, -1) {
		name := rest[loc[0]:loc[1]]
		next := strings.TrimLeft(rest[loc[1]:], " \t\n")
		if slices.Contains(keywords, name) || strings.HasPrefix(next, "(") {
			continue
		}
		if !strings.HasPrefix(next, "{") {
			problems = append(problems, "selector "+name+" has no label matchers")
		}
	}
	return problems
}

func TestCheckSelectors(t *testing.T) {
	cases := []struct {
		expr string
		ok   bool
	}{
		{`matomo_up{job=~"$job", instance=~"$instance"}`, true},
		{`sum by (instance, role) (matomo_users{job=~"$job", instance=~"$instance"})`, true},
		{`time() - matomo_backup_last_timestamp_seconds{job=~"$job", instance=~"$instance"}`, true},
		{`(last_over_time(x{job=~"$job", instance=~"$instance"}[1h]) - time()) / 86400`, true},
		{`label_replace(a{job=~"$job", instance=~"$instance"}, "kind", "installed", "", "")`, true},
		{`matomo_up`, false},
		{`matomo_up{job=~"$job"}`, false},
		{`sum(matomo_users{instance=~"$instance"})`, false},
		{`a{job=~"$job", instance=~"$instance"} / on (job) b`, false},
	}
	for _, c := range cases {
		problems := checkSelectors(c.expr)
		if c.ok && len(problems) > 0 {
			t.Errorf("checkSelectors(%q) = %v; want no problem", c.expr, problems)
		}
		if !c.ok && len(problems) == 0 {
			t.Errorf("checkSelectors(%q) found no problem; want one", c.expr)
		}
	}
}

func TestQueriesFilterOnJobAndInstance(t *testing.T) {
	d, _ := loadDashboard(t)

	for _, p := range contentPanels(d) {
		for _, target := range p.Targets {
			if strings.TrimSpace(target.Expr) == "" {
				t.Errorf("panel %q, query %s: expression is empty", p.Title, target.RefID)
				continue
			}
			for _, problem := range checkSelectors(target.Expr) {
				t.Errorf("panel %q, query %s: %s in %s", p.Title, target.RefID, problem, target.Expr)
			}
		}
	}
}

// TestScorecardCoversChecklist matches the scorecard panels with the
// checklist items that the rules file records.
func TestScorecardCoversChecklist(t *testing.T) {
	rules, err := os.ReadFile(rulesFile)
	if err != nil {
		t.Fatalf("reading %s: %v", rulesFile, err)
	}
	var items []string
	for _, m := range regexp.MustCompile(`(?m)^\s+item:\s*(\w+)\s*$`).FindAllSubmatch(rules, -1) {
		items = append(items, string(m[1]))
	}
	if len(items) == 0 {
		t.Fatalf("%s records no matomo:checklist:status items", rulesFile)
	}

	d, _ := loadDashboard(t)
	itemsShown := map[string]bool{}
	itemMatcher := regexp.MustCompile(`matomo:checklist:status\{[^}]*item="(\w+)"`)
	for _, p := range contentPanels(d) {
		for _, target := range p.Targets {
			for _, m := range itemMatcher.FindAllStringSubmatch(target.Expr, -1) {
				itemsShown[m[1]] = true
			}
		}
	}

	sort.Strings(items)
	for _, item := range items {
		if !itemsShown[item] {
			t.Errorf("checklist item %s has no scorecard panel", item)
		}
		delete(itemsShown, item)
	}
	for item := range itemsShown {
		t.Errorf("a scorecard panel shows item %s, which the rules do not record", item)
	}
}

// TestGeneratorOutputMatches fails when the committed JSON and the
// generator in gen/ disagree, so that neither is edited alone.
func TestGeneratorOutputMatches(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not in PATH; cannot run the generator")
	}
	_, committed := loadDashboard(t)

	generated := filepath.Join(t.TempDir(), dashboardFile)
	out, err := exec.Command(goTool, "run", "./gen", "-o", generated).CombinedOutput()
	if err != nil {
		t.Fatalf("go run ./gen failed: %v\n%s", err, out)
	}
	want, err := os.ReadFile(generated)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, want) {
		t.Errorf("%s differs from the generator's output; run: go run ./dashboards/gen -o dashboards/%s", dashboardFile, dashboardFile)
	}
}
