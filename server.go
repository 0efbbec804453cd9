package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	dto "github.com/prometheus/client_model/go"
	"golang.org/x/sync/singleflight"

	"github.com/matomo-security-exporter/matomo-security-exporter/collector"
	"github.com/matomo-security-exporter/matomo-security-exporter/config"
)

// server holds the instances being watched and serves their metrics.
type server struct {
	flags  *flags
	logger *slog.Logger

	// main is the instance set by --matomo.* flags; nil when only a
	// targets file is used.
	main *collector.Instance

	mu      sync.Mutex
	targets map[string]config.Target
	probes  map[string]*collector.Instance

	// scrapes lets concurrent scrapes of one instance (two Prometheus
	// replicas, say) share one round of queries.
	scrapes singleflight.Group
}

func newServer(f *flags, logger *slog.Logger) (*server, error) {
	s := &server{flags: f, logger: logger, probes: map[string]*collector.Instance{}}

	if f.configFile != "" || f.url != "" {
		inst, err := s.newInstance(config.Target{
			Name:            "main",
			ConfigFile:      f.configFile,
			Root:            f.root,
			URL:             f.url,
			TokenFile:       f.tokenFile,
			CredentialsFile: f.credentialsFile,
		})
		if err != nil {
			return nil, err
		}
		s.main = inst
	}

	if f.targetsFile != "" {
		targets, err := config.LoadTargets(f.targetsFile)
		if err != nil {
			return nil, err
		}
		s.targets = targets
		logger.Info("Loaded targets file", "path", f.targetsFile, "targets", len(targets))
	}
	return s, nil
}

func (s *server) newInstance(t config.Target) (*collector.Instance, error) {
	api, err := newAPIClient(t.URL, t.TokenFile, s.flags.apiTimeout, s.logger.With("target", t.Name))
	if err != nil {
		return nil, fmt.Errorf("target %q: %w", t.Name, err)
	}
	cfg := collector.InstanceConfig{
		Name:            t.Name,
		ConfigFile:      t.ConfigFile,
		Root:            t.Root,
		CredentialsFile: t.CredentialsFile,
		URL:             t.URL,
		API:             api,
	}
	return collector.NewInstance(cfg, s.flags.opts, s.logger.With("target", t.Name)), nil
}

// reloadTargets re-reads the targets file on SIGHUP. On error the old
// targets stay in use.
func (s *server) reloadTargets() {
	if s.flags.targetsFile == "" {
		return
	}
	targets, err := config.LoadTargets(s.flags.targetsFile)
	if err != nil {
		s.logger.Error("Reloading the targets file failed; keeping the previous targets", "path", s.flags.targetsFile, "err", err)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.targets = targets
	for name, inst := range s.probes {
		_ = inst.Close()
		delete(s.probes, name)
	}
	s.logger.Info("Reloaded targets file", "path", s.flags.targetsFile, "targets", len(targets))
}

func (s *server) close() {
	if s.main != nil {
		_ = s.main.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, inst := range s.probes {
		_ = inst.Close()
	}
}

// routes returns a mux with the metrics path and /probe.
func (s *server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle(s.flags.telemetryPath, s.metricsHandler())
	mux.HandleFunc("/probe", s.probeHandler)
	return mux
}

// metricsHandler serves the exporter's own metrics and, when flags set an
// instance, that instance's metrics.
func (s *server) metricsHandler() http.Handler {
	return promhttp.InstrumentMetricHandler(prometheus.DefaultRegisterer,
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			gatherers := prometheus.Gatherers{prometheus.DefaultGatherer}
			if s.main != nil {
				gatherers = append(gatherers, s.instanceGatherer(r, "main", s.main))
			}
			s.serve(w, r, gatherers)
		}))
}

func (s *server) probeHandler(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("target")
	if name == "" {
		http.Error(w, "missing the target parameter: use /probe?target=NAME with a section name of the targets file", http.StatusBadRequest)
		return
	}
	inst, err := s.probeInstance(name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.serve(w, r, s.instanceGatherer(r, "probe/"+name, inst))
}

func (s *server) probeInstance(name string) (*collector.Instance, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if inst, ok := s.probes[name]; ok {
		return inst, nil
	}
	t, ok := s.targets[name]
	if !ok {
		if s.flags.targetsFile == "" {
			return nil, fmt.Errorf("no targets file: start the exporter with --targets.file to use /probe")
		}
		return nil, fmt.Errorf("unknown target %q: it is not a section of %s", name, s.flags.targetsFile)
	}
	inst, err := s.newInstance(t)
	if err != nil {
		return nil, err
	}
	s.probes[name] = inst
	return inst, nil
}

func (s *server) serve(w http.ResponseWriter, r *http.Request, g prometheus.Gatherer) {
	promhttp.HandlerFor(g, promhttp.HandlerOpts{
		ErrorHandling: promhttp.ContinueOnError,
		ErrorLog:      slog.NewLogLogger(s.logger.Handler(), slog.LevelError),
	}).ServeHTTP(w, r)
}

// collectors returns the enabled collectors: those the --collector.NAME
// flags switch on, unless a test set the list.
func (s *server) collectors() []string {
	if s.flags.collectors != nil {
		return s.flags.collectors
	}
	return collector.Enabled()
}

// instanceGatherer gathers one instance through the singleflight group:
// a scrape that arrives while another of the same instance is running
// waits for it and gets the same result.
func (s *server) instanceGatherer(r *http.Request, key string, inst *collector.Instance) prometheus.Gatherer {
	return prometheus.GathererFunc(func() ([]*dto.MetricFamily, error) {
		// Each requester waits at most until its own deadline, even when
		// it joined a scrape that another request started.
		waitCtx, cancelWait := scrapeContext(r, s.flags.timeoutOffset)
		defer cancelWait()

		results := s.scrapes.DoChan(key, func() (any, error) {
			// The shared scrape must not end when the first requester
			// goes away, so it runs on its own context with the deadline
			// of the request that started it.
			ctx, cancel := scrapeContext(r.WithContext(context.WithoutCancel(r.Context())), s.flags.timeoutOffset)
			defer cancel()

			reg := prometheus.NewRegistry()
			reg.MustRegister(collector.NewExporter(ctx, inst, s.collectors(), s.flags.collectorTimeout))
			return reg.Gather()
		})

		select {
		case res := <-results:
			if res.Val == nil {
				return nil, res.Err
			}
			return res.Val.([]*dto.MetricFamily), res.Err
		case <-waitCtx.Done():
			s.logger.Error("Scrape did not finish before its deadline; responding without the instance's metrics",
				"target", key, "err", waitCtx.Err())
			return nil, nil
		}
	})
}
