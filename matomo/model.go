// Package matomo reads the security-relevant state of a Matomo instance.
//
// Two readers fill the same source-neutral model: DB reads Matomo's MySQL
// or MariaDB database (On-Premise), and APIClient reads the HTTP Reporting
// API (Cloud and remote instances). The collectors turn the model into
// metrics, so a fact has the same metric whichever reader supplied it.
// Neither reader ever writes: the DB reader runs only SELECT statements and
// the API client calls only read methods.
package matomo

import "time"

// Role is a user's highest role across all sites.
type Role string

// The roles, from most to least privileged. A Super User has every right on
// every site; noaccess means the account has no role on any site.
const (
	RoleSuperUser Role = "superuser"
	RoleAdmin     Role = "admin"
	RoleWrite     Role = "write"
	RoleView      Role = "view"
	RoleNoAccess  Role = "noaccess"
)

// Roles lists every role, so that a gauge labelled by role always has all
// five series.
var Roles = []Role{RoleSuperUser, RoleAdmin, RoleWrite, RoleView, RoleNoAccess}

// RoleFromAccess maps a value of the access column or of the API's role
// field to a Role. Capabilities such as tagmanager_write are not roles and
// map to RoleNoAccess.
func RoleFromAccess(access string) Role {
	switch access {
	case "superuser":
		return RoleSuperUser
	case "admin":
		return RoleAdmin
	case "write":
		return RoleWrite
	case "view":
		return RoleView
	}
	return RoleNoAccess
}

// Rank orders roles so that the highest of several can be taken.
func (r Role) Rank() int {
	switch r {
	case RoleSuperUser:
		return 4
	case RoleAdmin:
		return 3
	case RoleWrite:
		return 2
	case RoleView:
		return 1
	}
	return 0
}

// RoleCounts counts something per role. A missing role counts zero.
type RoleCounts map[Role]int

// UserQuery sets what a user read computes.
type UserQuery struct {
	// InactiveAfter is how long an account may go unseen before it counts
	// as inactive. An account never seen counts once it was registered
	// longer ago than this.
	InactiveAfter time.Duration

	// Details requests the per-user list of Super Users and admins.
	Details bool

	// TwoFactorActive is false when the TwoFactorAuth plugin is not
	// activated: Matomo then enforces no second factor, so every account
	// counts as without 2FA.
	TwoFactorActive bool
}

// UserSummary aggregates the accounts of an instance. The anonymous user and
// invitations are not accounts.
type UserSummary struct {
	Accounts     RoleCounts
	WithoutTwoFA RoleCounts
	Inactive     RoleCounts

	InvitationsPending int
	InvitationsExpired int

	// PublicSites counts sites whose reports the anonymous user may view.
	PublicSites int

	// Details holds Super Users and admins only, and only when requested.
	Details []UserDetail
}

// UserDetail describes one privileged account for the opt-in detail series.
type UserDetail struct {
	Login     string
	Role      Role
	TwoFactor bool

	// LastSeen is the zero time when the user was never seen.
	LastSeen time.Time
}

// SystemSettings holds the plugin system settings that matter for security,
// after config overrides (a `[Plugin] setting = value` in config.ini.php wins
// over the database row) and defaults (a missing row means the default).
type SystemSettings struct {
	TwoFactorRequired bool

	BruteForceEnabled bool
	MaxRetries        int
	// WindowMinutes is Login's allowedRetriesTimeRange, in minutes.
	WindowMinutes int
	// Allowlist and Blocklist are Login's whitelisteBruteForceIps and
	// blacklistedBruteForceIps: IPs, CIDR ranges or wildcards.
	Allowlist []string
	Blocklist []string

	// AllowedEmailDomains is empty when any domain is allowed.
	AllowedEmailDomains []string

	InactiveUserNotifications bool
}

// DefaultSystemSettings returns the defaults that Matomo 5 uses when no row
// is stored and no config override exists.
func DefaultSystemSettings() SystemSettings {
	return SystemSettings{
		BruteForceEnabled: true,
		MaxRetries:        20,
		WindowMinutes:     60,
	}
}

// BruteForceSummary describes the failed-login log inside the current window.
type BruteForceSummary struct {
	RecentAttempts int
	BlockedIPs     int
}

// TokenQuery sets what a token read computes.
type TokenQuery struct {
	UnusedAfter time.Duration

	// OnlySecure is [General] only_allow_secure_auth_tokens: when set,
	// Matomo accepts no token sent insecurely, so no token is insecure.
	OnlySecure bool
}

// TokenSummary aggregates the non-system API tokens (user_token_auth rows
// with system_token = 0; Matomo creates and expires system tokens itself).
// Tokens of the anonymous user are left out; tokens whose owner no longer
// exists count only in Orphaned.
type TokenSummary struct {
	ByRole        RoleCounts
	WithoutExpiry int
	Expired       int
	NeverUsed     int
	Unused        int
	Insecure      int
	Orphaned      int

	// OldestCreated is the zero time when there is no token.
	OldestCreated time.Time
}

// Versions describes the software an instance runs.
type Versions struct {
	// Core is the installed version (option version_core, or the API).
	Core string

	// Latest is the newest version the last update check found; empty when
	// no check has succeeded.
	Latest string

	// LastUpdateCheck is the zero time when no check has run.
	LastUpdateCheck time.Time

	// UpdateCheckKnown is true when the source stores the update check
	// (the database does, the API does not).
	UpdateCheckKnown bool

	// PHP is empty when no source gave it.
	PHP string
}

// Archiving holds the cron archiving state.
type Archiving struct {
	// LastSuccess and LastStart are the zero time when archiving never ran.
	LastSuccess time.Time
	LastStart   time.Time

	// BrowserTrigger is the option enableBrowserTriggerArchiving; nil when
	// the option is absent and the config default applies.
	BrowserTrigger *bool
}
