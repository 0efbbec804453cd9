package matomo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

// tokenSplitSpan is the span of user_token_auth ids from which Tokens
// splits the token owners into two login ranges and reads both at the same
// time, one statement and connection each. The token read is the longest
// of a large scrape, so on a server with two or more cores two statements
// finish sooner. Smaller tables stay one statement.
//
// The split is by owner, not by token id. With two halves of the id range,
// most owners have tokens in both halves, and both statements look up
// their role. Each login range scans the whole table but looks up each
// owner once. On a bench/gen database with 500,000 tokens over 99,313
// owners (MariaDB 10.11, 2 CPUs), the id halves cost 45 % more server CPU
// than one statement and the login ranges 7 to 14 % more.
const tokenSplitSpan uint64 = 100_000

// loginRange selects the tokens whose owner login sorts at or after from
// and before to, in the login column's collation. A null bound is open.
type loginRange struct{ from, to sql.NullString }

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

	// MIN and MAX of the primary key read one end of the index each. The
	// column is BIGINT UNSIGNED, so ids can exceed the int64 range.
	var first, last sql.Null[uint64]
	query := "SELECT MIN(idusertokenauth), MAX(idusertokenauth) FROM " + d.table("user_token_auth")
	if err := d.conn.QueryRowContext(ctx, query).Scan(&first, &last); err != nil {
		return nil, fmt.Errorf("reading the API token id range: %w", err)
	}
	span := d.tokenSplitSpan
	if span == 0 {
		span = tokenSplitSpan
	}
	if !first.Valid || last.V-first.V < span-1 {
		return d.tokensIn(ctx, s, q, []loginRange{{}})
	}

	bound, err := d.medianTokenOwner(ctx, first.V, last.V)
	if err != nil {
		return nil, err
	}
	if !bound.Valid {
		// The sample found no token, because the tokens were deleted
		// after the id range was read.
		return d.tokensIn(ctx, s, q, []loginRange{{}})
	}
	return d.tokensIn(ctx, s, q, []loginRange{{to: bound}, {from: bound}})
}

// tokenOwnerSamples is the number of tokens whose owner logins give the
// estimate of the median owner login.
const tokenOwnerSamples = 31

// medianTokenOwner estimates the median owner login of the tokens between
// the ids first and last. It reads the owners of tokenOwnerSamples tokens
// at even steps of the id range, each a primary-key seek, and returns the
// middle one in the login column's collation. Counting users instead reads
// a whole index, which took 40 ms at 100,000 users while the users query
// ran beside it. Any bound gives exact counts, so the sample only balances
// the two statements.
//
// NOTE: the steps assume ids spread evenly over the range. After a large
// gap (say one token with a far higher id) most probes find the same token,
// and one statement gets most of the table.
func (d *DB) medianTokenOwner(ctx context.Context, first, last uint64) (sql.NullString, error) {
	var (
		probes []string
		args   []any
	)
	step := (last - first) / (tokenOwnerSamples - 1)
	for i := range uint64(tokenOwnerSamples) {
		probes = append(probes, "(SELECT login FROM "+d.table("user_token_auth")+
			" WHERE idusertokenauth >= ? ORDER BY idusertokenauth LIMIT 1)")
		args = append(args, first+i*step)
	}
	query := "SELECT s.login FROM (" + strings.Join(probes, " UNION ALL ") + ") s" +
		" ORDER BY s.login LIMIT 1 OFFSET " + strconv.Itoa(tokenOwnerSamples/2)

	var median sql.NullString
	err := d.conn.QueryRowContext(ctx, query, args...).Scan(&median)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return median, fmt.Errorf("sampling API token owners: %w", err)
	}
	return median, nil
}

// tokensIn aggregates the tokens of each login range at the same time, one
// statement and connection per range, and adds the results up. The ranges
// must not overlap: a token in two ranges counts twice.
func (d *DB) tokensIn(ctx context.Context, s schema, q TokenQuery, ranges []loginRange) (*TokenSummary, error) {
	// Matomo 4 has no secure_only column and accepts every token in the
	// URL, so every token is insecure there.
	insecure := "COUNT(*)"
	switch {
	case q.OnlySecure:
		insecure = "0"
	case s.has("user_token_auth", "secure_only"):
		insecure = "SUM(t.secure_only = 0)"
	}

	head := `SELECT COALESCE(g.owner_rank, -1) AS role_rank,
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
			WHERE t.system_token = 0 AND t.login <> 'anonymous'`
	tail := `
			GROUP BY t.login) g
		GROUP BY role_rank`
	unusedAfter := int64(q.UnusedAfter / time.Second)

	parts := make([]*TokenSummary, len(ranges))
	g, gctx := errgroup.WithContext(ctx)
	for i, r := range ranges {
		cond, args := "", []any{unusedAfter, unusedAfter}
		if r.from.Valid {
			cond += " AND t.login >= ?"
			args = append(args, r.from.String)
		}
		if r.to.Valid {
			cond += " AND t.login < ?"
			args = append(args, r.to.String)
		}
		g.Go(func() (err error) {
			// errgroup does not recover panics, and the collector's own
			// recovery only covers its goroutine.
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("counting API tokens: panic: %v", p)
				}
			}()
			parts[i], err = d.tokenPart(gctx, head+cond+tail, args...)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}

	sum := &TokenSummary{ByRole: RoleCounts{}}
	for _, part := range parts {
		sum.add(part)
	}
	return sum, nil
}

// tokenPart runs the token aggregation over one login range.
func (d *DB) tokenPart(ctx context.Context, query string, args ...any) (*TokenSummary, error) {
	rows, err := d.conn.QueryContext(ctx, timeLimited(ctx, query), args...)
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
			return nil, fmt.Errorf("counting API tokens: %w", err)
		}
		if rank < 0 {
			sum.Orphaned += int(tokens.Int64)
			continue
		}
		part := &TokenSummary{
			ByRole:        RoleCounts{rankRoles[rank]: int(tokens.Int64)},
			WithoutExpiry: int(noExpiry.Int64),
			Expired:       int(expired.Int64),
			NeverUsed:     int(neverUsed.Int64),
			Unused:        int(unused.Int64),
			Insecure:      int(insecure.Int64),
		}
		if oldest.Valid {
			part.OldestCreated = time.Unix(int64(oldest.Float64), 0)
		}
		sum.add(part)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting API tokens: %w", err)
	}
	return sum, nil
}

// add adds the counts of o to s and keeps the older of the two oldest
// creation times.
func (s *TokenSummary) add(o *TokenSummary) {
	for role, n := range o.ByRole {
		s.ByRole[role] += n
	}
	s.WithoutExpiry += o.WithoutExpiry
	s.Expired += o.Expired
	s.NeverUsed += o.NeverUsed
	s.Unused += o.Unused
	s.Insecure += o.Insecure
	s.Orphaned += o.Orphaned
	if !o.OldestCreated.IsZero() && (s.OldestCreated.IsZero() || o.OldestCreated.Before(s.OldestCreated)) {
		s.OldestCreated = o.OldestCreated
	}
}
