package collector

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// The users collector covers least privilege and the per-user half of 2FA:
// accounts by highest role, invitations, public sites, inactive accounts
// and accounts without a second factor.
func init() {
	register("users", true, usersCollector{})
}

var (
	usersDesc = newDesc("users",
		"Matomo user accounts by highest role (superuser, admin, write, view, noaccess). The anonymous user and invitations are not counted.",
		"role")
	invitationsDesc = newDesc("user_invitations",
		"Matomo user invitations that were not accepted, by state (pending or expired).", "state")
	sitesPublicDesc = newDesc("sites_public",
		"Sites whose reports the anonymous user may view without logging in.")
	usersInactiveDesc = newDesc("users_inactive",
		"Accounts not seen for longer than the inactivity threshold, by highest role; never-seen accounts count once registered longer ago than the threshold.",
		"role")
	inactiveThresholdDesc = newDesc("users_inactive_threshold_seconds",
		"The inactivity threshold used by matomo_users_inactive, in seconds (--collector.users.inactive-after).")
	usersWithout2FADesc = newDesc("users_without_2fa",
		"Accounts that do not use two-factor authentication, by highest role. All accounts count when the TwoFactorAuth plugin is deactivated.",
		"role")
	allowedDomainsDesc = newDesc("login_allowed_email_domains",
		"Email domains that user accounts and invitations are restricted to (UsersManager setting allowedEmailDomains); 0 means any domain.")
	inactiveNotifyDesc = newDesc("inactive_user_notifications_enabled",
		"Whether Matomo emails Super Users about inactive users (UsersManager setting enableInactiveUsersNotifications).")
	userInfoDesc = newDesc("user_info",
		"One series per Super User and admin (opt-in: --collector.users.details); two_factor is true or false.",
		"login", "role", "two_factor")
	userLastSeenDesc = newDesc("user_last_seen_timestamp_seconds",
		"When a Super User or admin was last seen, as a unix timestamp; 0 when never seen (opt-in: --collector.users.details).",
		"login")
)

type usersCollector struct{}

func (usersCollector) Update(ctx context.Context, s *Scrape, ch chan<- prometheus.Metric) error {
	plugins, err := s.Plugins(ctx)
	if err != nil {
		return err
	}

	sum, err := s.Users(ctx, matomo.UserQuery{
		InactiveAfter:   s.Options.InactiveAfter,
		Details:         s.Options.UserDetails,
		TwoFactorActive: plugins.Activated["TwoFactorAuth"],
	})
	if err != nil {
		return err
	}

	for _, role := range matomo.Roles {
		gauge(ch, usersDesc, float64(sum.Accounts[role]), string(role))
		gauge(ch, usersInactiveDesc, float64(sum.Inactive[role]), string(role))
		gauge(ch, usersWithout2FADesc, float64(sum.WithoutTwoFA[role]), string(role))
	}
	gauge(ch, invitationsDesc, float64(sum.InvitationsPending), "pending")
	gauge(ch, invitationsDesc, float64(sum.InvitationsExpired), "expired")
	gauge(ch, sitesPublicDesc, float64(sum.PublicSites))
	gauge(ch, inactiveThresholdDesc, s.Options.InactiveAfter.Seconds())

	for _, u := range sum.Details {
		twoFactor := "false"
		if u.TwoFactor {
			twoFactor = "true"
		}
		gauge(ch, userInfoDesc, 1, u.Login, string(u.Role), twoFactor)
		lastSeen := 0.0
		if !u.LastSeen.IsZero() {
			lastSeen = float64(u.LastSeen.Unix())
		}
		gauge(ch, userLastSeenDesc, lastSeen, u.Login)
	}

	settings, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	gauge(ch, allowedDomainsDesc, float64(len(settings.AllowedEmailDomains)))
	gauge(ch, inactiveNotifyDesc, boolValue(settings.InactiveUserNotifications))
	return nil
}
