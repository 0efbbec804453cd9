package main

import (
	"context"
	"testing"

	"github.com/matomo-security-exporter/matomo-security-exporter/internal/testdb"
	"github.com/matomo-security-exporter/matomo-security-exporter/matomo"
)

// logRow is one brute_force_log row, minutesAgo before the database's
// clock.
type logRow struct {
	id         int64
	ip         string
	minutesAgo int
}

// burst returns n rows of one IP with consecutive ids from id, one minute
// apart, the newest minutesAgo old.
func burst(id int64, ip string, n, minutesAgo int) []logRow {
	rows := make([]logRow, n)
	for i := range rows {
		rows[i] = logRow{id + int64(i), ip, minutesAgo + n - 1 - i}
	}
	return rows
}

// same returns n rows of one IP with consecutive ids from id, all
// minutesAgo old.
func same(id int64, ip string, n, minutesAgo int) []logRow {
	rows := make([]logRow, n)
	for i := range rows {
		rows[i] = logRow{id + int64(i), ip, minutesAgo}
	}
	return rows
}

func concat(parts ...[]logRow) []logRow {
	var out []logRow
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// TestBruteForceWindowSearch compares the package's window search with a
// full scan of the table. The layouts stress the search with gaps in the
// ids, a window holding everything or nothing, rows a few minutes out of id
// order, and a log long enough for several search statements.
func TestBruteForceWindowSearch(t *testing.T) {
	cases := []struct {
		name string
		rows []logRow
		// undercount allows fewer counted rows than the full scan, for a
		// clock that went backwards beyond the search margin.
		undercount bool
	}{
		{name: "empty log"},
		{name: "all rows older than window", rows: burst(1, "192.0.2.1", 40, 180)},
		{name: "all rows inside window", rows: burst(1, "192.0.2.1", 25, 5)},
		{name: "gaps in ids", rows: concat(
			burst(1, "192.0.2.1", 50, 2880),
			burst(1000, "203.0.113.9", 30, 2),
			[]logRow{{5000, "198.51.100.7", 1}},
		)},
		// Row 17 is inside the window, rows 18 to 40 are 8 minutes
		// older than the window start: a search without the margin
		// would start after them and miss row 17.
		{name: "rows out of order inside margin", rows: concat(
			burst(1, "192.0.2.1", 16, 120),
			[]logRow{{17, "192.0.2.2", 55}},
			same(18, "192.0.2.3", 23, 68),
			burst(41, "203.0.113.9", 22, 10),
		)},
		{name: "long log", rows: concat(
			burst(1, "192.0.2.1", 3000, 70),
			burst(10_000, "203.0.113.9", 40, 3),
			burst(20_000, "2001:db8::1", 5, 1),
		)},
		{name: "clock went back three hours", undercount: true, rows: concat(
			burst(1, "192.0.2.1", 10, 5),
			burst(11, "192.0.2.2", 10, 185),
		)},
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			name := testdb.Create(t, testdb.Testdata("schema", "matomo-5.4.sql"))
			conn, err := testdb.Open(name, false)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			ctx := context.Background()
			for _, r := range tc.rows {
				_, err := conn.ExecContext(ctx, `INSERT INTO matomo_brute_force_log (id_brute_force_log, ip_address, attempted_at)
					VALUES (?, ?, UTC_TIMESTAMP() - INTERVAL ? MINUTE)`, r.id, r.ip, r.minutesAgo)
				if err != nil {
					t.Fatal(err)
				}
			}

			var wantAttempts, wantBlocked int
			err = conn.QueryRowContext(ctx, `SELECT COALESCE(SUM(c), 0), COALESCE(SUM(c > 20), 0) FROM (
				SELECT ip_address, COUNT(*) AS c FROM matomo_brute_force_log
				WHERE attempted_at > UTC_TIMESTAMP() - INTERVAL 60 MINUTE GROUP BY ip_address) x`).Scan(&wantAttempts, &wantBlocked)
			if err != nil {
				t.Fatal(err)
			}

			got, err := matomo.NewDB(conn, "matomo_").BruteForce(ctx,
				matomo.SystemSettings{BruteForceEnabled: true, MaxRetries: 20, WindowMinutes: 60})
			if err != nil {
				t.Fatal(err)
			}
			if tc.undercount {
				if got.RecentAttempts > wantAttempts || got.BlockedIPs > wantBlocked {
					t.Errorf("got %d attempts and %d blocked IPs, more than the full scan's %d and %d",
						got.RecentAttempts, got.BlockedIPs, wantAttempts, wantBlocked)
				}
				return
			}
			if got.RecentAttempts != wantAttempts {
				t.Errorf("RecentAttempts = %d, full scan counts %d", got.RecentAttempts, wantAttempts)
			}
			if got.BlockedIPs != wantBlocked {
				t.Errorf("BlockedIPs = %d, full scan counts %d", got.BlockedIPs, wantBlocked)
			}
		})
	}
}
