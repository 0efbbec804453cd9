// Package alerts holds no Go code: its tests check the Prometheus rules in
// this directory with promtool and against the conventions the rules follow.
package alerts

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v2"
)

const rulesFile = "matomo-alerts.yml"

type ruleFile struct {
	Groups []struct {
		Name  string `yaml:"name"`
		Rules []rule `yaml:"rules"`
	} `yaml:"groups"`
}

type rule struct {
	Alert       string            `yaml:"alert"`
	Record      string            `yaml:"record"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

// testFile is the part of a promtool test file that names alerts.
type testFile struct {
	RuleFiles []string `yaml:"rule_files"`
	Tests     []struct {
		AlertRuleTests []struct {
			Alertname string        `yaml:"alertname"`
			EvalTime  string        `yaml:"eval_time"`
			ExpAlerts []interface{} `yaml:"exp_alerts"`
		} `yaml:"alert_rule_test"`
	} `yaml:"tests"`
}

// requirePromtool returns the path of promtool, or skips the test when it is
// not installed.
func requirePromtool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("promtool")
	if err != nil {
		t.Skip("promtool is not installed (Debian: apt-get install -y prometheus); skipping the promtool rule checks")
	}
	return path
}

func loadRules(t *testing.T) []rule {
	t.Helper()
	data, err := os.ReadFile(rulesFile)
	if err != nil {
		t.Fatalf("reading %s: %v", rulesFile, err)
	}
	var file ruleFile
	if err := yaml.UnmarshalStrict(data, &file); err != nil {
		t.Fatalf("parsing %s: %v", rulesFile, err)
	}
	var rules []rule
	for _, g := range file.Groups {
		rules = append(rules, g.Rules...)
	}
	if len(rules) == 0 {
		t.Fatalf("%s has no rules", rulesFile)
	}
	return rules
}

func testFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*_test.yml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no promtool test files (*_test.yml) found next to the rules")
	}
	return files
}

func TestPromtoolCheckRules(t *testing.T) {
	promtool := requirePromtool(t)

	out, err := exec.Command(promtool, "check", "rules", rulesFile).CombinedOutput()
	if err != nil {
		t.Fatalf("promtool check rules %s failed: %v\n%s", rulesFile, err, out)
	}
}

func TestPromtoolTestRules(t *testing.T) {
	promtool := requirePromtool(t)

	for _, file := range testFiles(t) {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			out, err := exec.Command(promtool, "test", "rules", file).CombinedOutput()
			if err != nil {
				t.Fatalf("promtool test rules %s failed: %v\n%s", file, err, out)
			}
		})
	}
}

// TestEveryAlertIsTested requires, for every alert, a test case where it
// fires and one where it must stay silent.
func TestEveryAlertIsTested(t *testing.T) {
	firing := map[string]bool{}
	silent := map[string]bool{}
	for _, file := range testFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var tf testFile
		if err := yaml.Unmarshal(data, &tf); err != nil {
			t.Fatalf("parsing %s: %v", file, err)
		}
		if !slices.Contains(tf.RuleFiles, rulesFile) {
			t.Errorf("%s does not load %s in rule_files", file, rulesFile)
		}
		for _, group := range tf.Tests {
			for _, c := range group.AlertRuleTests {
				if len(c.ExpAlerts) > 0 {
					firing[c.Alertname] = true
				} else {
					silent[c.Alertname] = true
				}
			}
		}
	}

	alerts := map[string]bool{}
	for _, r := range loadRules(t) {
		if r.Alert == "" {
			continue
		}
		alerts[r.Alert] = true
		if !firing[r.Alert] {
			t.Errorf("alert %s has no test case in which it fires", r.Alert)
		}
		if !silent[r.Alert] {
			t.Errorf("alert %s has no test case in which it stays silent", r.Alert)
		}
	}
	for name := range firing {
		if !alerts[name] {
			t.Errorf("a test case names alert %s, which %s does not define", name, rulesFile)
		}
	}
}

var (
	alertNamePattern = regexp.MustCompile(`^Matomo[A-Z][A-Za-z0-9]*$`)
	// recordedName matches recording-rule names (they contain a colon)
	// inside an expression.
	recordedName = regexp.MustCompile(`matomo:[a-z0-9_:]+`)
)

func TestAlertConventions(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range loadRules(t) {
		if r.Alert == "" {
			continue
		}
		t.Run(r.Alert, func(t *testing.T) {
			if !alertNamePattern.MatchString(r.Alert) {
				t.Errorf("name %q is not CamelCase with the prefix Matomo", r.Alert)
			}
			if seen[r.Alert] {
				t.Errorf("alert %s is defined twice", r.Alert)
			}
			seen[r.Alert] = true

			switch r.Labels["severity"] {
			case "critical", "warning", "info":
			default:
				t.Errorf("severity is %q; want critical, warning or info", r.Labels["severity"])
			}

			summary := r.Annotations["summary"]
			if summary == "" {
				t.Error("summary annotation is missing")
			}
			if strings.Contains(summary, "{{") {
				t.Errorf("summary %q is templated; keep it static so notifications group", summary)
			}
			if !strings.HasSuffix(summary, ".") {
				t.Errorf("summary %q is not a sentence ending with a period", summary)
			}
			if !strings.Contains(r.Annotations["description"], "{{ $labels.instance }}") {
				t.Error("description does not name {{ $labels.instance }}")
			}
		})
	}
}

// TestRecordedNamesExist catches a misspelt threshold or helper series: an
// alert that compares against a series that no rule records never fires.
func TestRecordedNamesExist(t *testing.T) {
	rules := loadRules(t)
	recorded := map[string]bool{}
	for _, r := range rules {
		if r.Record != "" {
			recorded[r.Record] = true
		}
	}

	var missing []string
	for _, r := range rules {
		for _, name := range recordedName.FindAllString(r.Expr, -1) {
			if !recorded[name] {
				missing = append(missing, name+" (used by "+r.Alert+r.Record+")")
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("expressions use series that no rule records:\n%s", strings.Join(missing, "\n"))
	}
}

// TestThresholdsAreConstants keeps every threshold editable in one line:
// each matomo:threshold:* rule must be a plain vector(NUMBER).
func TestThresholdsAreConstants(t *testing.T) {
	constant := regexp.MustCompile(`^vector\([0-9]+(\.[0-9]+)?\)$`)
	count := 0
	for _, r := range loadRules(t) {
		if !strings.HasPrefix(r.Record, "matomo:threshold:") {
			continue
		}
		count++
		if !constant.MatchString(strings.TrimSpace(r.Expr)) {
			t.Errorf("threshold %s is %q; want vector(NUMBER)", r.Record, r.Expr)
		}
	}
	if count == 0 {
		t.Error("no matomo:threshold:* rules found")
	}
}

// TestTestFilesParse makes a YAML mistake in a test file show up even
// where promtool is not installed.
func TestTestFilesParse(t *testing.T) {
	for _, file := range testFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var anything map[string]interface{}
		if err := yaml.Unmarshal(data, &anything); err != nil {
			t.Errorf("parsing %s: %v", file, err)
		}
		if !bytes.Contains(data, []byte("tests:")) {
			t.Errorf("%s has no tests section", file)
		}
	}
}

// TestAlertsDocumented keeps the alert table of docs/alerts.md complete.
func TestAlertsDocumented(t *testing.T) {
	const doc = "../docs/alerts.md"
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatalf("reading %s: %v", doc, err)
	}
	for _, r := range loadRules(t) {
		if r.Alert == "" {
			continue
		}
		row := "| " + r.Alert + " | " + r.Labels["severity"] + " |"
		if !strings.Contains(string(data), row) {
			t.Errorf("%s has no table row starting %q", doc, row)
		}
	}
}
