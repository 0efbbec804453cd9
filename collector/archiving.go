package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
)

// The archiving collector covers cron archiving: when core:archive last
// started and last finished without errors, and whether reports are still
// archived from the browser.
func init() {
	register("archiving", true, archivingCollector{})
}

var (
	archivingSuccessDesc = newDesc("archiving_last_success_timestamp_seconds",
		"When the last core:archive run finished without errors (option LastCompletedFullArchiving), as a unix timestamp; 0 when never.")
	archivingStartDesc = newDesc("archiving_last_start_timestamp_seconds",
		"When the last core:archive run started (option LastFullArchivingStartTime), as a unix timestamp; 0 when never.")
	browserArchivingDesc = newDesc("browser_archiving_enabled",
		"Whether reports are archived when viewed in the browser (option enableBrowserTriggerArchiving, else [General] enable_browser_archiving_triggering).")
)

type archivingCollector struct{}

func (archivingCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	db, err := s.DB(ctx)
	if err != nil {
		return err
	}
	a, err := db.Archiving(ctx)
	if err != nil {
		return err
	}
	gauge(ch, archivingSuccessDesc, unixOrZero(a.LastSuccess.Unix(), a.LastSuccess.IsZero()))
	gauge(ch, archivingStartDesc, unixOrZero(a.LastStart.Unix(), a.LastStart.IsZero()))

	// Matomo ignores the option when the general settings page is turned
	// off, and falls back to the config value when the option is absent.
	enabled := s.Config.Bool("General", "enable_browser_archiving_triggering", true)
	if a.BrowserTrigger != nil && s.Config.Bool("General", "enable_general_settings_admin", true) {
		enabled = *a.BrowserTrigger
	}
	gauge(ch, browserArchivingDesc, boolValue(enabled))
	return nil
}

func unixOrZero(unix int64, zero bool) float64 {
	if zero {
		return 0
	}
	return float64(unix)
}
