package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// The tokens collector covers API token hygiene. Matomo's API lists no
// tokens, so it needs the database.
func init() {
	register("tokens", true, tokensCollector{})
}

var (
	tokensDesc = newDesc("auth_tokens",
		"API tokens (token_auth) by the owner's highest role, leaving out system tokens and tokens whose owner no longer exists.",
		"role")
	tokensNoExpiryDesc = newDesc("auth_tokens_without_expiry", "API tokens that never expire.")
	tokensExpiredDesc  = newDesc("auth_tokens_expired",
		"API tokens past their expiry date that Matomo's daily task has not deleted yet.")
	tokensNeverUsedDesc = newDesc("auth_tokens_never_used", "API tokens that were never used.")
	tokensUnusedDesc    = newDesc("auth_tokens_unused",
		"API tokens not used within the threshold (--collector.tokens.unused-after); never-used tokens count once created longer ago than that.")
	tokensInsecureDesc = newDesc("auth_tokens_insecure",
		"API tokens that Matomo accepts in a URL (not secure_only while only_allow_secure_auth_tokens is 0; every token before Matomo 5).")
	tokensOrphanedDesc = newDesc("auth_tokens_orphaned",
		"API tokens whose owner no longer exists in the user table.")
	tokensOldestDesc = newDesc("auth_token_oldest_created_timestamp_seconds",
		"When the oldest API token was created, as a unix timestamp; absent when there is no token.")
	tokensUnusedThresholdDesc = newDesc("auth_tokens_unused_threshold_seconds",
		"The threshold used by matomo_auth_tokens_unused, in seconds.")
)

type tokensCollector struct{}

func (tokensCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	db, err := s.DB(ctx)
	if err != nil {
		return err
	}
	sum, err := db.Tokens(ctx, matomo.TokenQuery{
		UnusedAfter: s.Options.UnusedAfter,
		OnlySecure:  s.Config.Bool("General", "only_allow_secure_auth_tokens", false),
	})
	if err != nil {
		return err
	}

	for _, role := range matomo.Roles {
		gauge(ch, tokensDesc, float64(sum.ByRole[role]), string(role))
	}
	gauge(ch, tokensNoExpiryDesc, float64(sum.WithoutExpiry))
	gauge(ch, tokensExpiredDesc, float64(sum.Expired))
	gauge(ch, tokensNeverUsedDesc, float64(sum.NeverUsed))
	gauge(ch, tokensUnusedDesc, float64(sum.Unused))
	gauge(ch, tokensInsecureDesc, float64(sum.Insecure))
	gauge(ch, tokensOrphanedDesc, float64(sum.Orphaned))
	gauge(ch, tokensUnusedThresholdDesc, s.Options.UnusedAfter.Seconds())
	if !sum.OldestCreated.IsZero() {
		gauge(ch, tokensOldestDesc, float64(sum.OldestCreated.Unix()))
	}
	return nil
}
