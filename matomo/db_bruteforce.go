package matomo

import (
	"context"
	"database/sql"
	"fmt"
	"net/netip"
	"strings"
)

// BruteForce counts the failed logins inside the current window and the
// IPs that Matomo's Login plugin blocks now. Matomo stores no list of
// blocked IPs but decides per request from brute_force_log. An IP is
// blocked when it is on the blocklist, or when it is not on the allowlist
// and has more than MaxRetries failed attempts inside the window. Only IPs
// with an attempt inside the window are counted.
//
// attempted_at has no index, so the window is found through the primary
// key (see firstWindowID) and only the rows from there on are read.
func (d *DB) BruteForce(ctx context.Context, set SystemSettings) (*BruteForceSummary, error) {
	if _, err := d.require(ctx, "brute_force_log"); err != nil {
		return nil, err
	}
	allow := parseIPRanges(set.Allowlist)
	block := parseIPRanges(set.Blocklist)
	sum := &BruteForceSummary{}

	// Both bounds come from the server's clock, as Matomo's own
	// UTC_TIMESTAMP()-based checks do; they are strings so that the
	// driver's parseTime setting does not matter.
	var cutoff, searchFrom sql.NullString
	var minID, maxID sql.NullInt64
	err := d.conn.QueryRowContext(ctx, `SELECT
			DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL ? MINUTE, '%Y-%m-%d %H:%i:%s'),
			DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL ? MINUTE, '%Y-%m-%d %H:%i:%s'),
			MIN(id_brute_force_log), MAX(id_brute_force_log)
		FROM `+d.table("brute_force_log"),
		set.WindowMinutes, set.WindowMinutes+windowSearchMarginMinutes).Scan(&cutoff, &searchFrom, &minID, &maxID)
	if err != nil {
		return nil, fmt.Errorf("reading the brute force log's id range: %w", err)
	}
	if !minID.Valid || !cutoff.Valid || !searchFrom.Valid {
		// An empty log, or a window reaching before year 1000, which
		// makes the bound NULL, so that `attempted_at > NULL` matches no row.
		return sum, nil
	}

	firstID, err := d.firstWindowID(ctx, searchFrom.String, minID.Int64, maxID.Int64)
	if err != nil {
		return nil, fmt.Errorf("searching the brute force log for the window start: %w", err)
	}

	query := `SELECT ip_address, COUNT(*) FROM ` + d.table("brute_force_log") + ` FORCE INDEX (PRIMARY)
		WHERE id_brute_force_log >= ? AND attempted_at > ?
		GROUP BY ip_address`
	rows, err := d.conn.QueryContext(ctx, timeLimited(ctx, query), firstID, cutoff.String)
	if err != nil {
		return nil, fmt.Errorf("reading the brute force log: %w", err)
	}
	defer rows.Close()

	for rows.Next() {
		var ip *string
		var attempts int
		if err := rows.Scan(&ip, &attempts); err != nil {
			return nil, err
		}
		sum.RecentAttempts += attempts
		if ip == nil || !set.BruteForceEnabled {
			continue
		}
		if isBlocked(*ip, attempts, set.MaxRetries, allow, block) {
			sum.BlockedIPs++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the brute force log: %w", err)
	}
	return sum, nil
}

// windowSearchMarginMinutes widens the search of firstWindowID beyond the
// window, so that rows whose attempted_at is a little out of id order
// (several web servers whose clocks differ by seconds) are still read. The
// scan filters on attempted_at itself, so the margin costs a few extra rows
// and never adds a count.
const windowSearchMarginMinutes = 10

// searchFanout is the number of ids one statement of firstWindowID probes.
// Each statement narrows the range to a ninth, so a million ids take seven
// statements.
const searchFanout = 8

// firstWindowID returns an id such that every row with attempted_at after
// searchFrom has an id at or above it. It returns maxID+1 when no row is
// that recent.
//
// Matomo inserts a row with attempted_at = now, so attempted_at grows with
// the auto-increment id and the window is the tail of the primary key. The
// search probes ids spread between the last id known to be older and the
// first known to be newer. Each probe is a seek on the primary key that
// reads the first row at or after its id, so gaps left by the daily cleanup
// and by unblocking IPs are harmless.
//
// If a web server's clock went backwards by more than the margin, rows
// written before the jump can carry later times than rows written after
// it. The search then may start after some rows that are inside the window,
// and the counts miss those rows until they age out of the window. It
// never counts a row outside the window.
func (d *DB) firstWindowID(ctx context.Context, searchFrom string, minID, maxID int64) (int64, error) {
	// A probe returns 2*id + 1 for the first row at or after its id when
	// that row is newer than searchFrom, 2*id when not, NULL when no row
	// follows.
	probe := "(SELECT 2 * id_brute_force_log + (attempted_at > ?) FROM " + d.table("brute_force_log") +
		" WHERE id_brute_force_log >= ? ORDER BY id_brute_force_log LIMIT 1)"

	// Invariant: no row at or below lo is newer, and every row from hi on
	// counts as newer (the ends are virtual rows just outside the range).
	lo, hi := minID-1, maxID+1
	for hi-lo > 1 {
		var points []int64
		for j := int64(1); j <= searchFanout; j++ {
			p := lo + (hi-lo)*j/(searchFanout+1)
			if p > lo && p < hi && (len(points) == 0 || p > points[len(points)-1]) {
				points = append(points, p)
			}
		}
		probes := make([]string, len(points))
		args := make([]any, 0, 2*len(points))
		for i, p := range points {
			probes[i] = probe
			args = append(args, searchFrom, p)
		}
		values := make([]sql.NullInt64, len(points))
		dest := make([]any, len(points))
		for i := range values {
			dest[i] = &values[i]
		}
		if err := d.conn.QueryRowContext(ctx, "SELECT "+strings.Join(probes, ", "), args...).Scan(dest...); err != nil {
			return 0, err
		}

		newLo, newHi := lo, hi
		for i, v := range values {
			if !v.Valid || v.Int64%2 == 1 {
				// Newer, or the rows from here on were deleted since
				// MAX() was read.
				newHi = points[i]
				break
			}
			newLo = max(newLo, v.Int64/2)
		}
		// Rows inserted or deleted while searching could put the row
		// found after a probe beyond hi; stay inside the range.
		lo, hi = min(newLo, newHi-1), newHi
	}
	return hi, nil
}

func isBlocked(ip string, attempts, maxRetries int, allow, block []ipRange) bool {
	addr, err := netip.ParseAddr(strings.TrimSpace(ip))
	if err == nil && matchAny(addr, block) {
		return true
	}
	if err == nil && matchAny(addr, allow) {
		return false
	}
	return attempts > maxRetries
}

// ipRange is an inclusive range of addresses, which covers the three
// forms Matomo accepts in its lists: a single IP, CIDR (10.0.0.0/8) and
// wildcards in trailing IPv4 octets (10.1.*.*).
type ipRange struct{ from, to netip.Addr }

func parseIPRanges(entries []string) []ipRange {
	var out []ipRange
	for _, e := range entries {
		if r, ok := parseIPRange(strings.TrimSpace(e)); ok {
			out = append(out, r)
		}
	}
	return out
}

func parseIPRange(s string) (ipRange, bool) {
	if strings.Contains(s, "*") {
		low := strings.ReplaceAll(s, "*", "0")
		high := strings.ReplaceAll(s, "*", "255")
		from, err1 := netip.ParseAddr(low)
		to, err2 := netip.ParseAddr(high)
		if err1 != nil || err2 != nil || !from.Is4() {
			return ipRange{}, false
		}
		return ipRange{from, to}, true
	}
	if strings.Contains(s, "/") {
		prefix, err := netip.ParsePrefix(s)
		if err != nil {
			return ipRange{}, false
		}
		prefix = prefix.Masked()
		return ipRange{prefix.Addr(), lastAddr(prefix)}, true
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return ipRange{}, false
	}
	return ipRange{addr, addr}, true
}

func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	addr, _ := netip.AddrFromSlice(b)
	return addr
}

func matchAny(addr netip.Addr, ranges []ipRange) bool {
	addr = addr.Unmap()
	for _, r := range ranges {
		if addr.BitLen() != r.from.BitLen() {
			continue
		}
		if addr.Compare(r.from) >= 0 && addr.Compare(r.to) <= 0 {
			return true
		}
	}
	return false
}
