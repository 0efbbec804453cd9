package collector

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	upDesc = newDesc("up",
		"Whether the Matomo instance answered on at least one configured source (database, Reporting API or public URL).")
	collectorSuccessDesc = prometheus.NewDesc(prometheus.BuildFQName(namespace, "scrape", "collector_success"),
		"matomo_security_exporter: whether a collector's checks ran to completion (1) or failed (0).",
		[]string{"collector"}, nil)
	apiBackoffDesc = newDesc("api_auth_backoff",
		"1 while the exporter does not call the Reporting API because Matomo rejected the token; Matomo blocks an IP after 20 failed token logins in an hour.")
	collectorDurationDesc = prometheus.NewDesc(prometheus.BuildFQName(namespace, "scrape", "collector_duration_seconds"),
		"matomo_security_exporter: how long a collector took, in seconds.",
		[]string{"collector"}, nil)
)

// Exporter is the prometheus.Collector for one scrape of one instance.
// It is cheap to build; the Instance it points at keeps the state that
// lives across scrapes.
type Exporter struct {
	instance   *Instance
	collectors []string
	timeout    time.Duration
	ctx        context.Context
}

// NewExporter returns an Exporter that runs the named collectors against
// inst. Each collector gets at most timeout, and all of them stop when ctx
// ends (the scrape request went away or its deadline passed).
func NewExporter(ctx context.Context, inst *Instance, collectors []string, timeout time.Duration) *Exporter {
	return &Exporter{instance: inst, collectors: collectors, timeout: timeout, ctx: ctx}
}

// Describe sends no descriptors, which makes the Exporter an unchecked
// collector: the set of series depends on the target's configuration.
func (e *Exporter) Describe(chan<- *prometheus.Desc) {}

// Collect runs every collector concurrently and then sends matomo_up.
func (e *Exporter) Collect(ch chan<- prometheus.Metric) {
	scrape := e.instance.newScrape()

	var wg sync.WaitGroup
	for _, name := range e.collectors {
		c, ok := lookup(name)
		if !ok {
			e.instance.logger.Error("Unknown collector name; skipping it", "collector", name)
			continue
		}
		wg.Go(func() {
			e.execute(scrape, name, c, ch)
		})
	}
	wg.Wait()
	e.reportSourceErrors(scrape)

	gauge(ch, upDesc, boolValue(scrape.answered.Load()))
	if api := scrape.API(); api != nil {
		active, _ := api.Backoff()
		gauge(ch, apiBackoffDesc, boolValue(active))
	}
}

func (e *Exporter) execute(s *Scrape, name string, c Collector, ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(e.ctx, e.timeout)
	defer cancel()

	begin := time.Now()
	err := runCollector(ctx, s, c, ch)
	duration := time.Since(begin).Seconds()

	if errors.Is(err, ErrNotConfigured) {
		e.instance.logger.Debug("Collector skipped: its source is not configured for this target",
			"collector", name)
		return
	}

	success := 1.0
	var shared *sourceError
	switch {
	case errors.As(err, &shared):
		// Logged once for all collectors that need the source, after the scrape.
		success = 0
		s.noteSourceFailure(shared, name)
	case err != nil:
		success = 0
		if ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
			err = errors.Join(err, ctx.Err())
		}
		e.instance.reportError(name, err, duration)
	default:
		e.instance.clearError(name)
	}
	gauge(ch, collectorSuccessDesc, success, name)
	gauge(ch, collectorDurationDesc, duration, name)
}

// reportSourceErrors logs one line per source that failed for several
// collectors (the database is down, say), naming the collectors, so that
// one cause gives one log line.
func (e *Exporter) reportSourceErrors(s *Scrape) {
	s.sourceMu.Lock()
	defer s.sourceMu.Unlock()
	for se, collectors := range s.sourceFailures {
		sort.Strings(collectors)
		err := fmt.Errorf("%w (collectors %s)", se, strings.Join(collectors, ", "))
		e.instance.reportError("source "+se.source, err, 0)
		for _, c := range collectors {
			e.instance.markFailedQuietly(c)
		}
	}
}

// runCollector turns a panic inside a collector into an error, so that a
// bug in one check cannot take the exporter down.
func runCollector(ctx context.Context, s *Scrape, c Collector, ch chan<- prometheus.Metric) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errPanic{value: r}
		}
	}()
	return c.Update(ctx, s, ch)
}

type errPanic struct{ value any }

// Error leaves out the panic value, which could carry a fragment of a
// query result; the stack is not logged for the same reason.
func (e errPanic) Error() string { return "collector panicked; this is a bug, please report it" }

// reportError logs a collector failure at error level when it is new or
// differs from the last one, and at debug level while it repeats, so a
// check that fails on every scrape does not flood the log.
func (i *Instance) reportError(collector string, err error, duration float64) {
	msg := err.Error()

	i.errMu.Lock()
	previous, seen := i.lastErrors[collector]
	i.lastErrors[collector] = msg
	i.errMu.Unlock()

	level := slog.LevelError
	if seen && previous == msg {
		level = slog.LevelDebug
	}
	if strings.HasPrefix(collector, "source ") {
		i.logger.Log(context.Background(), level, "Source unavailable; the collectors that need it failed",
			"source", strings.TrimPrefix(collector, "source "), "err", msg)
		return
	}
	i.logger.Log(context.Background(), level, "Collector failed",
		"collector", collector, "duration_seconds", duration, "err", msg)
}

// markFailedQuietly records a collector as failing without logging, so
// that its recovery is still logged.
func (i *Instance) markFailedQuietly(collector string) {
	i.errMu.Lock()
	i.lastErrors[collector] = "failed with its source"
	i.errMu.Unlock()
}

func (i *Instance) clearError(collector string) {
	i.errMu.Lock()
	_, had := i.lastErrors[collector]
	delete(i.lastErrors, collector)
	i.errMu.Unlock()

	if had {
		i.logger.Info("Collector recovered", "collector", collector)
	}
}
