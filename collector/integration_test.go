package collector

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

// dbCollectors are the collectors that read the database and config
// files; http and files need a web server and a web root instead.
var dbCollectors = []string{"archiving", "bruteforce", "config", "database", "tokens", "twofactor", "users", "versions"}

var defaultTestOptions = Options{InactiveAfter: 90 * 24 * time.Hour, UnusedAfter: 90 * 24 * time.Hour}

// fixture names a seeded instance under testdata/.
type fixture struct {
	name   string
	schema string
}

var fixtures = []fixture{
	{"v416", "matomo-4.16.sql"},
	{"v51", "matomo-5.1.sql"},
	{"v54", "matomo-5.4.sql"},
	{"demo", "matomo-5.4.sql"},
}

// loadFixture creates the fixture's database and a config file pointing at it.
func loadFixture(t *testing.T, f fixture) (configFile, dbName string) {
	t.Helper()
	dbName = testdb.Create(t, testdb.Testdata("schema", f.schema), testdb.Testdata("seed", f.name+".sql"))
	configFile, err := testdb.WriteConfig(testdb.Testdata("matomo", f.name, "config", "config.ini.php"), t.TempDir(), dbName)
	if err != nil {
		t.Fatal(err)
	}
	return configFile, dbName
}

// scrapeText runs the named collectors once and returns the text
// exposition and the log output.
func scrapeText(t *testing.T, cfg InstanceConfig, opts Options, collectors []string) (exposition, logs string) {
	t.Helper()
	var logBuf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	inst := NewInstance(cfg, opts, logger)
	defer inst.Close()

	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(NewExporter(context.Background(), inst, collectors, 20*time.Second))
	families, err := reg.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	var out bytes.Buffer
	enc := expfmt.NewEncoder(&out, expfmt.NewFormat(expfmt.TypeTextPlain))
	for _, mf := range families {
		if err := enc.Encode(mf); err != nil {
			t.Fatal(err)
		}
	}
	return out.String(), logBuf.String()
}

// samples parses an exposition into "name{sorted labels}" -> value.
func samples(t *testing.T, text string) map[string]float64 {
	t.Helper()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(text))
	if err != nil {
		t.Fatalf("parsing exposition: %v\n%s", err, text)
	}
	out := map[string]float64{}
	for name, mf := range families {
		for _, m := range mf.GetMetric() {
			out[sampleKey(name, m)] = sampleValue(m)
		}
	}
	return out
}

func sampleKey(name string, m *dto.Metric) string {
	var labels []string
	for _, l := range m.GetLabel() {
		labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
	}
	sort.Strings(labels)
	if len(labels) == 0 {
		return name
	}
	return name + "{" + strings.Join(labels, ",") + "}"
}

func sampleValue(m *dto.Metric) float64 {
	switch {
	case m.Gauge != nil:
		return m.GetGauge().GetValue()
	case m.Counter != nil:
		return m.GetCounter().GetValue()
	case m.Untyped != nil:
		return m.GetUntyped().GetValue()
	}
	return math.NaN()
}

// expectation is one line of a testdata/expected/*.prom file.
type expectation struct {
	key    string
	value  float64
	approx bool // value is seconds before now; ±120 s accepted
	line   int
}

// readExpected reads exact lines ("metric{labels} value") and approx
// lines ("# approx metric{labels} now-SECONDS").
func readExpected(t *testing.T, path string) []expectation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var exact strings.Builder
	var out []expectation
	lineNo := 0
	lines := map[string]int{}
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		lineNo++
		line := strings.TrimSpace(scanner.Text())
		if rest, ok := strings.CutPrefix(line, "# approx "); ok {
			metric, ago, found := strings.Cut(rest, " now-")
			seconds, err := strconv.ParseFloat(strings.TrimSpace(ago), 64)
			if !found || err != nil {
				t.Fatalf("%s:%d: approx line must read `# approx METRIC now-SECONDS`", path, lineNo)
			}
			parsed := samples(t, strings.TrimSpace(metric)+" 0\n")
			for key := range parsed {
				out = append(out, expectation{key: key, value: seconds, approx: true, line: lineNo})
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		exact.WriteString(line + "\n")
		name := line[:strings.IndexAny(line+" ", "{ ")]
		lines[name] = lineNo
	}
	for key, v := range samples(t, exact.String()) {
		name := key[:strings.IndexAny(key+"{", "{")]
		out = append(out, expectation{key: key, value: v, line: lines[name]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

func TestFixturesExactValues(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			configFile, dbName := loadFixture(t, f)
			// A SELECT-only account: any write the exporter tried would fail.
			credentials, password := testdb.CreateReadOnlyAccount(t, dbName, t.TempDir())
			cfg := InstanceConfig{Name: f.name, ConfigFile: configFile, CredentialsFile: credentials}
			text, logs := scrapeText(t, cfg, defaultTestOptions, dbCollectors)
			assertNoSecrets(t, f.name, dbName, configFile, []string{password}, text, logs)
			got := samples(t, text)

			for _, c := range dbCollectors {
				key := fmt.Sprintf("matomo_scrape_collector_success{collector=%q}", c)
				if got[key] != 1 {
					t.Errorf("%s = %v, want 1; logs:\n%s", key, got[key], logs)
				}
			}

			now := float64(time.Now().Unix())
			for _, e := range readExpected(t, testdb.Testdata("expected", f.name+".prom")) {
				value, ok := got[e.key]
				switch {
				case !ok:
					t.Errorf("expected/%s.prom:%d: %s missing from the scrape", f.name, e.line, e.key)
				case e.approx && math.Abs(value-(now-e.value)) > 120:
					t.Errorf("expected/%s.prom:%d: %s = %.0f, want now-%.0f (±120 s), that is %.0f s off",
						f.name, e.line, e.key, value, e.value, value-(now-e.value))
				case !e.approx && value != e.value:
					t.Errorf("expected/%s.prom:%d: %s = %v, want %v", f.name, e.line, e.key, value, e.value)
				}
			}
		})
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// gatherWithTimeout scrapes inst once with a per-collector timeout and
// returns the samples.
func gatherWithTimeout(t *testing.T, inst *Instance, collectors []string, timeout time.Duration) map[string]float64 {
	t.Helper()
	reg := prometheus.NewRegistry()
	reg.MustRegister(NewExporter(context.Background(), inst, collectors, timeout))
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, mf := range families {
		for _, m := range mf.GetMetric() {
			out[sampleKey(mf.GetName(), m)] = sampleValue(m)
		}
	}
	return out
}
