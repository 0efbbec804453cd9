// Package collector turns the state of a Matomo instance into Prometheus
// metrics. Each checklist area is one Collector. The Exporter runs the
// enabled collectors concurrently, each under its own timeout, and reports
// for each whether it succeeded and how long it took. One failing check
// therefore never blanks the others.
package collector

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/alecthomas/kingpin/v2"
	"github.com/prometheus/client_golang/prometheus"
)

const namespace = "matomo"

// Collector is one area of the Matomo security checklist.
type Collector interface {
	// Update sends the area's metrics for one scrape. It returns
	// ErrNotConfigured when the sources it needs are not configured for
	// the target, and any other error when a check could not run.
	Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error
}

// ErrNotConfigured signals to the Exporter that a collector has nothing to check
// on this target (no database for the tokens collector on a Cloud
// instance, say). The collector then reports no success series at all,
// because "not configured" is neither a pass nor a failure.
var ErrNotConfigured = errors.New("source not configured")

type registration struct {
	defaultEnabled bool
	collector      Collector
	enabled        *bool
}

var registry = map[string]*registration{}

func register(name string, defaultEnabled bool, c Collector) {
	if _, dup := registry[name]; dup {
		panic(fmt.Sprintf("collector %q registered twice", name))
	}
	registry[name] = &registration{defaultEnabled: defaultEnabled, collector: c}
}

// Names returns the registered collector names in sorted order.
func Names() []string {
	names := make([]string, 0, len(registry))
	for name := range registry {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// AddFlags adds a --collector.NAME flag (and, through kingpin, its
// --no-collector.NAME negation) for every registered collector.
func AddFlags(app *kingpin.Application) {
	for _, name := range Names() {
		reg := registry[name]
		state := "disabled"
		if reg.defaultEnabled {
			state = "enabled"
		}
		help := fmt.Sprintf("Enable the %s collector (default: %s).", name, state)
		reg.enabled = app.Flag("collector."+name, help).Default(fmt.Sprint(reg.defaultEnabled)).Bool()
	}
}

// Enabled returns the names of the collectors that are switched on. Before
// AddFlags has run (in tests), the defaults apply.
func Enabled() []string {
	var names []string
	for _, name := range Names() {
		reg := registry[name]
		on := reg.defaultEnabled
		if reg.enabled != nil {
			on = *reg.enabled
		}
		if on {
			names = append(names, name)
		}
	}
	return names
}

func lookup(name string) (Collector, bool) {
	reg, ok := registry[name]
	if !ok {
		return nil, false
	}
	return reg.collector, true
}

// gauge sends one gauge sample. Descriptors are built per call, which
// keeps each collector file self-contained; the cost is negligible next to
// the queries behind the values.
func gauge(ch chan<- prometheus.Metric, desc *prometheus.Desc, value float64, labels ...string) {
	ch <- prometheus.MustNewConstMetric(desc, prometheus.GaugeValue, value, labels...)
}

func newDesc(name, help string, labels ...string) *prometheus.Desc {
	return prometheus.NewDesc(prometheus.BuildFQName(namespace, "", name), help, labels, nil)
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
