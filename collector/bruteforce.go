package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
)

// The bruteforce collector covers Matomo's brute force detection (Login
// plugin): its settings, and from the database the failed logins inside
// the current window and the IPs blocked now.
func init() {
	register("bruteforce", true, bruteForceCollector{})
}

var (
	bfEnabledDesc = newDesc("brute_force_detection_enabled",
		"Whether Matomo's brute force detection is enabled (Login setting enableBruteForceDetection).")
	bfMaxRetriesDesc = newDesc("brute_force_max_retries",
		"Failed logins an IP may make inside the window before Matomo blocks it (Login setting maxAllowedRetries).")
	bfWindowDesc = newDesc("brute_force_window_seconds",
		"The window in which failed logins are counted, in seconds (Login setting allowedRetriesTimeRange).")
	bfBlockedDesc = newDesc("brute_force_blocked_ips",
		"IPs with a failed login inside the window that Matomo blocks now: on the blocklist, or over the retry limit and not on the allowlist.")
	bfRecentDesc = newDesc("brute_force_recent_attempts",
		"Failed logins and failed token_auth API requests recorded inside the window.")
)

type bruteForceCollector struct{}

func (bruteForceCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	settings, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	gauge(ch, bfEnabledDesc, boolValue(settings.BruteForceEnabled))
	gauge(ch, bfMaxRetriesDesc, float64(settings.MaxRetries))
	gauge(ch, bfWindowDesc, float64(settings.WindowMinutes*60))

	// The log lives only in the database; an API-only target stops here.
	db, err := s.DB(ctx)
	if err == ErrNotConfigured {
		return nil
	}
	if err != nil {
		return err
	}
	sum, err := db.BruteForce(ctx, settings)
	if err != nil {
		return err
	}
	gauge(ch, bfBlockedDesc, float64(sum.BlockedIPs))
	gauge(ch, bfRecentDesc, float64(sum.RecentAttempts))
	return nil
}
