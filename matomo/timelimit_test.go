package matomo

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
)

// runningStatements returns the ids of the server threads whose statement
// contains marker, without the thread that runs this query.
func runningStatements(t *testing.T, admin *sql.DB, marker string) []int64 {
	t.Helper()
	rows, err := admin.Query(`SELECT ID FROM information_schema.PROCESSLIST
		WHERE INFO LIKE CONCAT('%', ?, '%') AND ID <> CONNECTION_ID()`, marker)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestTimeLimitedEndsStatement checks that the server ends a statement at
// the context's deadline when it carries the timeLimited prefix, and that
// without the prefix the same statement outlives the cancelled request.
// The second case shows why the prefix exists.
func TestTimeLimitedEndsStatement(t *testing.T) {
	admin, err := testdb.Open("", false)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()

	cases := []struct {
		name      string
		limited   bool
		wantAlive bool
	}{
		{"with prefix", true, false},
		{"without prefix", false, true},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// BENCHMARK runs for several seconds and never writes to the
			// client, so a dropped connection does not stop it.
			marker := fmt.Sprintf("BENCHMARK(2000000%03d", i)
			query := "SELECT " + marker + ", MD5('timelimit'))"
			t.Cleanup(func() {
				for _, id := range runningStatements(t, admin, marker) {
					_, _ = admin.Exec(fmt.Sprintf("KILL QUERY %d", id))
				}
			})

			pool, err := testdb.Open("", false)
			if err != nil {
				t.Fatal(err)
			}
			defer pool.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			if c.limited {
				query = timeLimited(ctx, query)
			}
			// With the prefix the server may end the statement with an
			// error or return BENCHMARK's result early, so the test checks
			// the processlist, not the error.
			_, _ = pool.ExecContext(ctx, query)

			time.Sleep(500 * time.Millisecond)
			alive := len(runningStatements(t, admin, marker)) > 0
			if alive != c.wantAlive {
				t.Errorf("statement still running 500 ms after the deadline: %v, want %v", alive, c.wantAlive)
			}
		})
	}
}

func TestTimeLimitedPrefix(t *testing.T) {
	if got := timeLimited(context.Background(), "SELECT 1"); got != "SELECT 1" {
		t.Errorf("without a deadline: %q, want the statement unchanged", got)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	got := timeLimited(ctx, "SELECT 1")
	var seconds float64
	if _, err := fmt.Sscanf(got, "/*M!100102 SET STATEMENT max_statement_time=%f FOR */ SELECT 1", &seconds); err != nil {
		t.Fatalf("with 2 s left: %q does not have the expected form: %v", got, err)
	}
	if seconds < 1.9 || seconds > 2 {
		t.Errorf("with 2 s left: limit %.3f s, want 1.9 to 2", seconds)
	}

	past, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if got := timeLimited(past, "SELECT 1"); !strings.Contains(got, "max_statement_time=0.001 ") {
		t.Errorf("after the deadline: %q, want a limit of 0.001 s, because 0 means none", got)
	}
}
