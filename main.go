// Command matomo_security_exporter serves the security posture of Matomo
// instances as Prometheus metrics: /metrics for the instance set by flags,
// /probe?target=NAME for the instances of a targets file.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/alecthomas/kingpin/v2"
	"github.com/prometheus/client_golang/prometheus"
	versioncollector "github.com/prometheus/client_golang/prometheus/collectors/version"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/model"
	"github.com/prometheus/common/promslog"
	promslogflag "github.com/prometheus/common/promslog/flag"
	"github.com/prometheus/common/version"
	"github.com/prometheus/exporter-toolkit/web"
	"github.com/prometheus/exporter-toolkit/web/kingpinflag"

	"github.com/matomo-security-exporter/matomo-security-exporter/collector"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

const (
	exporterName = "matomo_security_exporter"

	// defaultListenAddress is above 10000, outside the 9100-9999 range in
	// which most exporters have registered their default ports.
	defaultListenAddress = ":10310"

	tokenEnvVar = "MATOMO_TOKEN_AUTH"
)

// flags holds every command-line setting.
type flags struct {
	configFile       string
	root             string
	url              string
	tokenFile        string
	credentialsFile  string
	targetsFile      string
	apiTimeout       time.Duration
	telemetryPath    string
	collectorTimeout time.Duration
	timeoutOffset    time.Duration
	opts             collector.Options
	toolkit          *web.FlagConfig
	// collectors overrides the --collector.NAME flags when not nil (tests).
	collectors []string
	log        *promslog.Config
}

func parseFlags(app *kingpin.Application, args []string) (*flags, error) {
	f := &flags{log: &promslog.Config{}}

	app.Flag("matomo.config-file", "Path to Matomo's config/config.ini.php; the database connection comes from its [database] section.").
		PlaceHolder("PATH").StringVar(&f.configFile)
	app.Flag("matomo.root", "Matomo root directory, for global.ini.php defaults and file checks (default: two levels above --matomo.config-file).").
		PlaceHolder("DIR").StringVar(&f.root)
	app.Flag("matomo.url", "Matomo base URL, for the Reporting API and the public HTTP checks, e.g. https://analytics.example.com/.").
		PlaceHolder("URL").StringVar(&f.url)
	app.Flag("matomo.token-file", "File holding a Super User token_auth for the Reporting API (or set "+tokenEnvVar+"). Never pass the token as a flag.").
		PlaceHolder("PATH").StringVar(&f.tokenFile)
	app.Flag("matomo.api-timeout", "Timeout for one Reporting API request.").Default("10s").DurationVar(&f.apiTimeout)
	app.Flag("database.credentials-file", "my.cnf-style file with a [client] section for a dedicated read-only database account (password also from MATOMO_EXPORTER_DB_PASSWORD).").
		PlaceHolder("PATH").StringVar(&f.credentialsFile)
	app.Flag("targets.file", "INI file with one section per Matomo instance, served on /probe?target=SECTION.").
		PlaceHolder("PATH").StringVar(&f.targetsFile)
	app.Flag("web.telemetry-path", "Path under which to expose metrics.").Default("/metrics").StringVar(&f.telemetryPath)
	app.Flag("collector.timeout", "Maximum time one collector may take in a scrape; a shorter Prometheus scrape timeout wins.").
		Default("10s").DurationVar(&f.collectorTimeout)
	app.Flag("scrape.timeout-offset", "Time subtracted from the X-Prometheus-Scrape-Timeout-Seconds header, so the answer arrives before Prometheus gives up.").
		Default("500ms").DurationVar(&f.timeoutOffset)

	inactive := app.Flag("collector.users.inactive-after", "Accounts not seen for this long count as inactive (units: s, m, h, d, w, y).").
		Default("90d").String()
	unused := app.Flag("collector.tokens.unused-after", "API tokens not used for this long count as unused (units: s, m, h, d, w, y).").
		Default("90d").String()
	app.Flag("collector.users.details", "Also export one series per Super User and admin, labelled with the login.").
		BoolVar(&f.opts.UserDetails)
	app.Flag("collector.backup.path-glob", "Glob of database backup files; the newest match's modification time is the last backup.").
		PlaceHolder("GLOB").StringVar(&f.opts.BackupGlob)

	collector.AddFlags(app)
	collector.AddHTTPFlags(app)
	f.toolkit = kingpinflag.AddFlags(app, defaultListenAddress)
	promslogflag.AddFlags(app, f.log)
	app.Version(version.Print(exporterName))
	app.HelpFlag.Short('h')

	if _, err := app.Parse(args); err != nil {
		return nil, err
	}

	var err error
	if f.opts.InactiveAfter, err = parseDuration("collector.users.inactive-after", *inactive); err != nil {
		return nil, err
	}
	if f.opts.UnusedAfter, err = parseDuration("collector.tokens.unused-after", *unused); err != nil {
		return nil, err
	}
	if f.collectorTimeout <= 0 {
		return nil, fmt.Errorf("--collector.timeout=%s must be positive, e.g. 10s", f.collectorTimeout)
	}
	if f.apiTimeout <= 0 {
		return nil, fmt.Errorf("--matomo.api-timeout=%s must be positive, e.g. 10s", f.apiTimeout)
	}
	if f.timeoutOffset < 0 {
		return nil, fmt.Errorf("--scrape.timeout-offset=%s must not be negative", f.timeoutOffset)
	}
	if !strings.HasPrefix(f.telemetryPath, "/") || f.telemetryPath == "/probe" {
		return nil, fmt.Errorf("--web.telemetry-path=%q must start with / and must not be /probe", f.telemetryPath)
	}
	f.opts.LockWaitTimeout = f.collectorTimeout
	if f.configFile == "" && f.url == "" && f.targetsFile == "" {
		return nil, errors.New("nothing to watch: set --matomo.config-file (On-Premise), --matomo.url with a token (Cloud), or --targets.file")
	}
	return f, nil
}

func parseDuration(flag, value string) (time.Duration, error) {
	d, err := model.ParseDuration(value)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--%s=%q is not a positive duration; use a number with a unit, e.g. 90d or 2160h", flag, value)
	}
	return time.Duration(d), nil
}

func main() {
	app := kingpin.New(exporterName, "Prometheus exporter for the security posture of Matomo instances.")
	f, err := parseFlags(app, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, exporterName+":", err)
		os.Exit(2)
	}
	logger := promslog.New(f.log)

	if err := run(f, logger); err != nil {
		logger.Error("Exporter stopped", "err", err)
		os.Exit(1)
	}
}

func run(f *flags, logger *slog.Logger) error {
	logger.Info("Starting "+exporterName, "version", version.Info())
	logger.Info("Build context", "build_context", version.BuildContext())
	if os.Getenv("MATOMO_EXPORTER_DB_PASSWORD") != "" && f.credentialsFile == "" {
		logger.Warn("MATOMO_EXPORTER_DB_PASSWORD is set but ignored: it only fills an empty password of --database.credentials-file")
	}

	server, err := newServer(f, logger)
	if err != nil {
		return err
	}
	defer server.close()

	reload := make(chan os.Signal, 1)
	signal.Notify(reload, syscall.SIGHUP)
	go func() {
		for range reload {
			server.reloadTargets()
		}
	}()

	mux := server.routes()
	if f.telemetryPath != "/" {
		landing, err := web.NewLandingPage(web.LandingConfig{
			// The exporter serves no /debug/pprof handlers.
			Profiling:   "false",
			Name:        "Matomo Security Exporter",
			Description: "Prometheus exporter for the Matomo security checklist",
			Version:     version.Info(),
			Links: []web.LandingLinks{
				{Address: f.telemetryPath, Text: "Metrics"},
				{Address: "/probe?target=", Text: "Probe a target of the targets file"},
			},
		})
		if err != nil {
			return err
		}
		mux.Handle("/", landing)
	}

	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	return web.ListenAndServe(srv, f.toolkit, logger)
}

// newAPIClient builds the Reporting API reader when a URL and a token
// source exist; a URL alone serves only the public HTTP checks.
func newAPIClient(url, tokenFile string, timeout time.Duration, logger *slog.Logger) (*matomo.APIClient, error) {
	if url == "" || (tokenFile == "" && os.Getenv(tokenEnvVar) == "") {
		return nil, nil
	}
	return matomo.NewAPIClient(matomo.APIConfig{
		URL:       url,
		TokenFile: tokenFile,
		TokenEnv:  tokenEnvVar,
		Timeout:   timeout,
		Logger:    logger,
	})
}

// scrapeContext derives the scrape's deadline from Prometheus's timeout
// header, less the offset, so the response arrives in time.
func scrapeContext(r *http.Request, offset time.Duration) (context.Context, context.CancelFunc) {
	header := r.Header.Get("X-Prometheus-Scrape-Timeout-Seconds")
	seconds, err := strconv.ParseFloat(header, 64)
	if header == "" || err != nil || seconds <= 0 {
		return context.WithCancel(r.Context())
	}
	timeout := time.Duration(seconds*float64(time.Second)) - offset
	if timeout <= 0 {
		timeout = time.Duration(seconds * float64(time.Second))
	}
	return context.WithTimeout(r.Context(), timeout)
}

var _ prometheus.Collector = (*collector.Exporter)(nil)

func init() {
	prometheus.MustRegister(versioncollector.NewCollector(exporterName))
}

var _ = promhttp.HandlerOpts{}
