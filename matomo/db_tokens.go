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
//
// The grouping sorts (SQL_BIG_RESULT) instead of filling a temporary table
// keyed by login. That table's rows are sized for the longest login (400
// bytes in utf8mb4), so on MariaDB 10.11 it stayed in memory for 27,500
// owners but outgrew the default tmp_table_size of 16 MiB for 100,000 and
// moved to disk. There the grouping took 12 s where the sort takes 2.5 s
// (databases from bench/gen, the second with -all-owners). The owner's role
// is computed inside the grouped query, so the derived table it feeds holds
// no login and stays small.
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
		insecure = "SUM(t.secure_only = 0)"
	}
	unusedAfter := int64(q.UnusedAfter / time.Second)

	query := `SELECT COALESCE(g.owner_rank, -1) AS role_rank,
			SUM(g.tokens), SUM(g.no_expiry), SUM(g.expired), SUM(g.never_used), SUM(g.unused), SUM(g.insecure),
			` + epochSQL("MIN(g.oldest)") + `
		FROM (SELECT SQL_BIG_RESULT
				(SELECT ` + d.roleRankSQL() + ` FROM ` + d.table("user") + ` u WHERE u.login = t.login) AS owner_rank,
				COUNT(*) AS tokens,
				SUM(t.date_expired IS NULL) AS no_expiry,
				SUM(t.date_expired <= UTC_TIMESTAMP()) AS expired,
				SUM(t.last_used IS NULL) AS never_used,
				SUM(IF(t.last_used IS NULL,
					t.date_created < UTC_TIMESTAMP() - INTERVAL ? SECOND,
					t.last_used < UTC_TIMESTAMP() - INTERVAL ? SECOND)) AS unused,
				` + insecure + ` AS insecure,
				MIN(t.date_created) AS oldest
			FROM ` + d.table("user_token_auth") + ` t
			WHERE t.system_token = 0 AND t.login <> 'anonymous'
			GROUP BY t.login) g
		GROUP BY role_rank`

	rows, err := d.conn.QueryContext(ctx, query, unusedAfter, unusedAfter)
	if err != nil {
		return nil, fmt.Errorf("counting API tokens: %w", err)
	}
	defer rows.Close()

	sum := &TokenSummary{ByRole: RoleCounts{}}
	for rows.Next() {
		var (
			rank                                                   int
			tokens, noExpiry, expired, neverUsed, unused, insecure sql.NullInt64
			oldest                                                 sql.NullFloat64
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
