package main

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// The check compares what the matomo package computes with plain reference
// queries that read every row the obvious way: per-token joins and a full
// scan of brute_force_log. Several values depend on the time of the query,
// so each reference runs before and after the package call. The package's
// value must lie between the two.

var rankNames = map[int]string{-1: "orphaned", 0: "noaccess", 1: "view", 2: "write", 3: "admin", 4: "superuser"}

// referenceRanks gives each login with access rows its highest role, by
// grouping the whole access table, not by the per-user lookup the package
// may use.
const referenceRanks = `SELECT login, MAX(CASE access WHEN 'admin' THEN 3 WHEN 'write' THEN 2 WHEN 'view' THEN 1 ELSE 0 END) AS r
	FROM matomo_access GROUP BY login`

// referenceValues reads every checked value with the reference queries.
func referenceValues(ctx context.Context, db *sql.DB) (map[string]int64, error) {
	out := map[string]int64{}
	add := func(query string, names []string, args ...any) error {
		rows, err := db.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("reference query %s: %w", names[0], err)
		}
		defer rows.Close()
		for rows.Next() {
			var key int
			values := make([]sql.NullInt64, len(names))
			dest := []any{&key}
			for i := range values {
				dest = append(dest, &values[i])
			}
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			for i, n := range names {
				out[strings.ReplaceAll(n, "ROLE", rankNames[key])] += values[i].Int64
			}
		}
		return rows.Err()
	}

	users := `SELECT r.r, COUNT(*), SUM(r.no2fa), SUM(r.inactive) FROM (
			SELECT IF(u.superuser_access = 1, 4, COALESCE(ar.r, 0)) AS r,
				u.twofactor_secret = '' AS no2fa,
				IF(u.ts_last_seen IS NULL,
					u.date_registered IS NULL OR u.date_registered < UTC_TIMESTAMP() - INTERVAL ? SECOND,
					u.ts_last_seen < UTC_TIMESTAMP() - INTERVAL ? SECOND) AS inactive
			FROM matomo_user u LEFT JOIN (` + referenceRanks + `) ar ON ar.login = u.login
			WHERE u.login <> 'anonymous' AND u.invite_token IS NULL) r
		GROUP BY r.r`
	secs := int64(inactiveAfter / time.Second)
	if err := add(users, []string{"users{ROLE}", "users_without_2fa{ROLE}", "users_inactive{ROLE}"}, secs, secs); err != nil {
		return nil, err
	}

	tokens := `SELECT IF(u.login IS NULL, -1, IF(u.superuser_access = 1, 4, COALESCE(ar.r, 0))), COUNT(*),
			SUM(t.date_expired IS NULL), SUM(t.date_expired <= UTC_TIMESTAMP()), SUM(t.last_used IS NULL),
			SUM(IF(t.last_used IS NULL, t.date_created < UTC_TIMESTAMP() - INTERVAL ? SECOND,
				t.last_used < UTC_TIMESTAMP() - INTERVAL ? SECOND)),
			SUM(t.secure_only = 0),
			TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', MIN(t.date_created))
		FROM matomo_user_token_auth t
		LEFT JOIN matomo_user u ON u.login = t.login
		LEFT JOIN (` + referenceRanks + `) ar ON ar.login = u.login
		WHERE t.system_token = 0 AND t.login <> 'anonymous'
		GROUP BY 1`
	secs = int64(unusedAfter / time.Second)
	if err := add(tokens, []string{"tokens{ROLE}", "tokens_without_expiry/ROLE", "tokens_expired/ROLE",
		"tokens_never_used/ROLE", "tokens_unused/ROLE", "tokens_insecure/ROLE", "tokens_oldest/ROLE"}, secs, secs); err != nil {
		return nil, err
	}

	window, maxRetries := 60, 20
	bruteForce := `SELECT 0, COALESCE(SUM(c), 0), COALESCE(SUM(c > ?), 0) FROM (
			SELECT ip_address, COUNT(*) AS c FROM matomo_brute_force_log
			WHERE attempted_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE GROUP BY ip_address) x`
	if err := add(bruteForce, []string{"brute_force_recent_attempts", "brute_force_blocked_ips"}, maxRetries, window); err != nil {
		return nil, err
	}
	return foldTokenTotals(out), nil
}

// foldTokenTotals turns the per-role token columns of the reference into
// the package's totals, which leave orphaned tokens out.
func foldTokenTotals(in map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for k, v := range in {
		name, role, perRole := strings.Cut(k, "/")
		switch {
		case !perRole:
			out[k] += v
		case role == "orphaned":
		case name == "tokens_oldest":
			if old, ok := out[name]; !ok || v < old {
				out[name] = v
			}
		default:
			out[name] += v
		}
	}
	if n, ok := out["tokens{orphaned}"]; ok {
		out["tokens_orphaned"] = n
		delete(out, "tokens{orphaned}")
	}
	return out
}

// packageValues reads the same values through the matomo package.
func packageValues(ctx context.Context, t *target, pool *sql.DB) (map[string]int64, error) {
	db := matomo.NewDB(pool, t.prefix)
	out := map[string]int64{}

	users, err := db.Users(ctx, matomo.UserQuery{InactiveAfter: inactiveAfter, TwoFactorActive: true})
	if err != nil {
		return nil, err
	}
	for _, role := range matomo.Roles {
		if users.Accounts[role] > 0 {
			out["users{"+string(role)+"}"] = int64(users.Accounts[role])
			out["users_without_2fa{"+string(role)+"}"] = int64(users.WithoutTwoFA[role])
			out["users_inactive{"+string(role)+"}"] = int64(users.Inactive[role])
		}
	}

	tokens, err := db.Tokens(ctx, matomo.TokenQuery{UnusedAfter: unusedAfter})
	if err != nil {
		return nil, err
	}
	for _, role := range matomo.Roles {
		if tokens.ByRole[role] > 0 {
			out["tokens{"+string(role)+"}"] = int64(tokens.ByRole[role])
		}
	}
	out["tokens_without_expiry"] = int64(tokens.WithoutExpiry)
	out["tokens_expired"] = int64(tokens.Expired)
	out["tokens_never_used"] = int64(tokens.NeverUsed)
	out["tokens_unused"] = int64(tokens.Unused)
	out["tokens_insecure"] = int64(tokens.Insecure)
	out["tokens_orphaned"] = int64(tokens.Orphaned)
	if !tokens.OldestCreated.IsZero() {
		out["tokens_oldest"] = tokens.OldestCreated.Unix()
	}

	bf, err := db.BruteForce(ctx, matomo.SystemSettings{BruteForceEnabled: true, MaxRetries: 20, WindowMinutes: 60})
	if err != nil {
		return nil, err
	}
	out["brute_force_recent_attempts"] = int64(bf.RecentAttempts)
	out["brute_force_blocked_ips"] = int64(bf.BlockedIPs)
	return out, nil
}

// checkValues runs the comparison and returns one line per mismatch.
func checkValues(ctx context.Context, t *target, pool *sql.DB) ([]string, error) {
	before, err := referenceValues(ctx, pool)
	if err != nil {
		return nil, err
	}
	got, err := packageValues(ctx, t, pool)
	if err != nil {
		return nil, err
	}
	after, err := referenceValues(ctx, pool)
	if err != nil {
		return nil, err
	}

	keys := map[string]bool{}
	for _, m := range []map[string]int64{before, got, after} {
		for k := range m {
			keys[k] = true
		}
	}
	var problems []string
	for k := range keys {
		low, high := min(before[k], after[k]), max(before[k], after[k])
		if got[k] < low || got[k] > high {
			problems = append(problems, fmt.Sprintf("%s = %d, reference %d before and %d after", k, got[k], before[k], after[k]))
		}
	}
	slices.Sort(problems)
	return problems, nil
}
