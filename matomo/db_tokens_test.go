package matomo

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

// tokenFixtures are the seeded instances under testdata/ with their
// table prefixes.
var tokenFixtures = []struct{ name, schema, prefix string }{
	{"v416", "matomo-4.16.sql", "piwik_"},
	{"v51", "matomo-5.1.sql", "matomo_"},
	{"v54", "matomo-5.4.sql", "matomo_"},
	{"demo", "matomo-5.4.sql", "matomo_"},
}

// TestTokensSplitAddsUp checks that the token aggregates over two login
// ranges add up to the aggregates over all tokens, for a bound at every
// login of each fixture and beyond both ends. Extra tokens under the upper
// case spelling of each owner's login check that a bound counts them once,
// as MySQL compares logins without case. A bound that loses or repeats a
// token, or a merge that drops a role or the oldest creation time, makes a
// split differ from the whole.
func TestTokensSplitAddsUp(t *testing.T) {
	ctx := context.Background()
	q := TokenQuery{UnusedAfter: 90 * 24 * time.Hour}
	for _, f := range tokenFixtures {
		t.Run(f.name, func(t *testing.T) {
			pool, d, s := openTokenFixture(t, f.name, f.schema, f.prefix)
			addCaseVariantTokens(t, pool, d)

			whole, err := d.tokensIn(ctx, s, q, []loginRange{{}})
			if err != nil {
				t.Fatal(err)
			}
			if total(whole) == 0 {
				t.Fatalf("fixture %s counts no token; the comparison would prove nothing", f.name)
			}

			bounds := distinctLogins(t, pool, d)
			bounds = append(bounds, "", "~~~~")
			for _, b := range bounds {
				bound := sql.NullString{String: b, Valid: true}
				split, err := d.tokensIn(ctx, s, q, []loginRange{{to: bound}, {from: bound}})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(split, whole) {
					t.Errorf("split at login %q:\n got %+v\nwant %+v", b, *split, *whole)
				}
			}
		})
	}
}

// TestTokensSplit runs Tokens with a span small enough to split each
// fixture's table and compares it with one statement over all tokens.
func TestTokensSplit(t *testing.T) {
	ctx := context.Background()
	q := TokenQuery{UnusedAfter: 90 * 24 * time.Hour}
	for _, f := range tokenFixtures {
		t.Run(f.name, func(t *testing.T) {
			_, d, s := openTokenFixture(t, f.name, f.schema, f.prefix)
			whole, err := d.tokensIn(ctx, s, q, []loginRange{{}})
			if err != nil {
				t.Fatal(err)
			}

			d.tokenSplitSpan = 2
			got, err := d.Tokens(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, whole) {
				t.Errorf("Tokens with a split:\n got %+v\nwant %+v", *got, *whole)
			}
		})
	}
}

// TestTokensHugeIDs checks a token id above the int64 range, which the
// BIGINT UNSIGNED column allows. Its span of ids also makes Tokens split
// the table with the default span.
func TestTokensHugeIDs(t *testing.T) {
	ctx := context.Background()
	q := TokenQuery{UnusedAfter: 90 * 24 * time.Hour}
	pool, d, s := openTokenFixture(t, "v54", "matomo-5.4.sql", "matomo_")
	_, err := pool.Exec(`INSERT INTO ` + d.table("user_token_auth") + `
		(idusertokenauth, login, description, password, hash_algo, system_token, date_created)
		VALUES (18446744073709551614, 'root', 'huge id', 'huge-id-token', 'sha512', 0, UTC_TIMESTAMP())`)
	if err != nil {
		t.Fatal(err)
	}

	whole, err := d.tokensIn(ctx, s, q, []loginRange{{}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Tokens(ctx, q)
	if err != nil {
		t.Fatalf("Tokens with an id of 2^64-2: %v", err)
	}
	if !reflect.DeepEqual(got, whole) {
		t.Errorf("Tokens with an id of 2^64-2:\n got %+v\nwant %+v", *got, *whole)
	}
}

// TestTokensEmptyTable checks that a table without tokens gives zero
// counts and no oldest creation time, not an error.
func TestTokensEmptyTable(t *testing.T) {
	name := testdb.Create(t, testdb.Testdata("schema", "matomo-5.4.sql"))
	pool, err := testdb.Open(name, false)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	got, err := NewDB(pool, "matomo_").Tokens(context.Background(), TokenQuery{UnusedAfter: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	want := &TokenSummary{ByRole: RoleCounts{}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Tokens on an empty table = %+v, want %+v", *got, *want)
	}
}

// openTokenFixture loads a fixture into a new database and returns a pool
// on it, a DB with the fixture's prefix and the schema that DB read.
func openTokenFixture(t *testing.T, name, schemaFile, prefix string) (*sql.DB, *DB, schema) {
	t.Helper()
	dbName := testdb.Create(t, testdb.Testdata("schema", schemaFile), testdb.Testdata("seed", name+".sql"))
	pool, err := testdb.Open(dbName, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pool.Close() })

	d := NewDB(pool, prefix)
	s, err := d.require(context.Background(), "user_token_auth")
	if err != nil {
		t.Fatal(err)
	}
	return pool, d, s
}

// addCaseVariantTokens copies every counted token whose owner login has
// lower-case letters, under the login in upper case. MySQL compares logins
// without case, so Matomo treats both spellings as one user.
func addCaseVariantTokens(t *testing.T, pool *sql.DB, d *DB) {
	t.Helper()
	table := d.table("user_token_auth")
	_, err := pool.Exec(`INSERT INTO ` + table + ` (login, description, password, hash_algo, system_token, last_used, date_created, date_expired)
		SELECT UPPER(login), description, CONCAT('case-variant-', idusertokenauth), hash_algo, system_token, last_used, date_created, date_expired
		FROM ` + table + ` WHERE system_token = 0 AND login <> 'anonymous' AND BINARY login <> BINARY UPPER(login)`)
	if err != nil {
		t.Fatal(err)
	}
}

// distinctLogins returns every login in the user and token tables.
func distinctLogins(t *testing.T, pool *sql.DB, d *DB) []string {
	t.Helper()
	rows, err := pool.Query("SELECT login FROM " + d.table("user") + " UNION SELECT login FROM " + d.table("user_token_auth"))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var login string
		if err := rows.Scan(&login); err != nil {
			t.Fatal(err)
		}
		out = append(out, login)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func total(s *TokenSummary) int {
	n := s.Orphaned
	for _, c := range s.ByRole {
		n += c
	}
	return n
}
