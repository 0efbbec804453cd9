package matomo

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Tokens aggregates the non-system API tokens in SQL. Tokens are first
// grouped by owner in one pass over user_token_auth (which has no index on
// login), then each owner's role is looked up once.
func (d *DB) Tokens(ctx context.Context, q TokenQuery) (*TokenSummary, error) {
	s, err := d.require(ctx, "user_token_auth", "user", "access")
	if err != nil {
		return nil, err
	}

	// Matomo 4 has no secure_only column and accepts every token in the
	// URL, so every token is insecure there.
	insecure := "COUNT(*)"
	switch {
	case q.OnlySecure:
		insecure = "0"
	case s.has("user_token_auth", "secure_only"):
		insecure = "SUM(secure_only = 0)"
	}
	unusedAfter := int64(q.UnusedAfter / time.Second)

	query := `SELECT IF(u.login IS NULL, -1, ` + d.roleRankSQL() + `) AS role_rank,
			SUM(t.tokens), SUM(t.no_expiry), SUM(t.expired), SUM(t.never_used), SUM(t.unused), SUM(t.insecure),
			` + epochSQL("MIN(t.oldest)") + `
		FROM (SELECT login, COUNT(*) AS tokens,
				SUM(date_expired IS NULL) AS no_expiry,
				SUM(date_expired <= UTC_TIMESTAMP()) AS expired,
				SUM(last_used IS NULL) AS never_used,
				SUM(IF(last_used IS NULL,
					date_created < UTC_TIMESTAMP() - INTERVAL ? SECOND,
					last_used < UTC_TIMESTAMP() - INTERVAL ? SECOND)) AS unused,
				` + insecure + ` AS insecure,
				MIN(date_created) AS oldest
			FROM ` + d.table("user_token_auth") + `
			WHERE system_token = 0 AND login <> 'anonymous'
			GROUP BY login) t
		LEFT JOIN ` + d.table("user") + ` u ON u.login = t.login
		GROUP BY role_rank`

	rows, err := d.conn.QueryContext(ctx, query, unusedAfter, unusedAfter)
	if err != nil {
		return nil, fmt.Errorf("counting API tokens: %w", err)
	}
	defer rows.Close()

	sum := &TokenSummary{ByRole: RoleCounts{}}
	for rows.Next() {
		var (
			rank                                                  int
			tokens, noExpiry, expired, neverUsed, unused, insecure sql.NullInt64
			oldest                                                sql.NullFloat64
		)
		if err := rows.Scan(&rank, &tokens, &noExpiry, &expired, &neverUsed, &unused, &insecure, &oldest); err != nil {
			return nil, err
		}
		if rank < 0 {
			sum.Orphaned += int(tokens.Int64)
			continue
		}
		sum.ByRole[rankRoles[rank]] += int(tokens.Int64)
		sum.WithoutExpiry += int(noExpiry.Int64)
		sum.Expired += int(expired.Int64)
		sum.NeverUsed += int(neverUsed.Int64)
		sum.Unused += int(unused.Int64)
		sum.Insecure += int(insecure.Int64)
		if oldest.Valid {
			t := time.Unix(int64(oldest.Float64), 0)
			if sum.OldestCreated.IsZero() || t.Before(sum.OldestCreated) {
				sum.OldestCreated = t
			}
		}
	}
	return sum, rows.Err()
}
