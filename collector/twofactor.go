package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
)

// The twofactor collector reports whether 2FA is enforced for everyone.
// Per-user 2FA counts come from the users collector.
func init() {
	register("twofactor", true, twoFactorCollector{})
}

var twoFactorRequiredDesc = newDesc("two_factor_auth_required",
	"Whether two-factor authentication is required for every user (TwoFactorAuth setting twoFactorAuthRequired; a [TwoFactorAuth] override in config.ini.php wins).")

type twoFactorCollector struct{}

func (twoFactorCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	settings, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	gauge(ch, twoFactorRequiredDesc, boolValue(settings.TwoFactorRequired))
	return nil
}
