package matomo

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// roleRankSQL computes a user's highest role as a number (4 superuser,
// 3 admin, 2 write, 1 view, 0 none) for the user row aliased u. The
// subquery reads the access index (login, idsite), one lookup per user.
func (d *DB) roleRankSQL() string {
	return `IF(u.superuser_access = 1, 4, COALESCE((SELECT MAX(CASE a.access
		WHEN 'admin' THEN 3 WHEN 'write' THEN 2 WHEN 'view' THEN 1 ELSE 0 END)
		FROM ` + d.table("access") + ` a WHERE a.login = u.login), 0))`
}

var rankRoles = map[int]Role{4: RoleSuperUser, 3: RoleAdmin, 2: RoleWrite, 1: RoleView, 0: RoleNoAccess}

// lastSeenSQL returns the join and the expression giving a user's last
// seen time as a unix timestamp (NULL when never seen). Matomo 5.4 moved it
// from the options UsersManager.lastSeen.<login> to user.ts_last_seen.
func (d *DB) lastSeenSQL(s schema) (join, expr string) {
	if s.has("user", "ts_last_seen") {
		return "", epochSQL("u.ts_last_seen")
	}
	join = " LEFT JOIN " + d.table("option") +
		" o ON o.option_name = CONCAT('UsersManager.lastSeen.', u.login)"
	return join, "CAST(o.option_value AS UNSIGNED)"
}

// accountFilterSQL keeps real accounts: not anonymous, not an invitation.
func accountFilterSQL(s schema) string {
	filter := "u.login <> 'anonymous'"
	if s.has("user", "invite_token") {
		filter += " AND u.invite_token IS NULL"
	}
	return filter
}

func noTwoFactorSQL(s schema) string {
	if s.has("user", "twofactor_secret") {
		return "u.twofactor_secret = ''"
	}
	return "1"
}

// Users aggregates accounts by role in SQL, so memory does not grow with
// the number of users.
func (d *DB) Users(ctx context.Context, q UserQuery) (*UserSummary, error) {
	s, err := d.require(ctx, "user", "access")
	if err != nil {
		return nil, err
	}
	sum := &UserSummary{Accounts: RoleCounts{}, WithoutTwoFA: RoleCounts{}, Inactive: RoleCounts{}}

	if err := d.countAccounts(ctx, s, q, sum); err != nil {
		return nil, err
	}
	if err := d.countInvitations(ctx, s, sum); err != nil {
		return nil, err
	}

	query := "SELECT COUNT(DISTINCT idsite) FROM " + d.table("access") + " WHERE login = 'anonymous'"
	if err := d.conn.QueryRowContext(ctx, query).Scan(&sum.PublicSites); err != nil {
		return nil, fmt.Errorf("counting public sites: %w", err)
	}

	if q.Details {
		if sum.Details, err = d.privilegedUsers(ctx, s, q); err != nil {
			return nil, err
		}
	}
	return sum, nil
}

func (d *DB) countAccounts(ctx context.Context, s schema, q UserQuery, sum *UserSummary) error {
	join, lastSeen := d.lastSeenSQL(s)
	inactiveAfter := int64(q.InactiveAfter / time.Second)

	// An account never seen counts as inactive once it was registered
	// longer ago than the threshold (or when its registration date is unknown).
	query := `SELECT r.role_rank, COUNT(*), COALESCE(SUM(r.no_2fa), 0), COALESCE(SUM(r.inactive), 0)
		FROM (SELECT ` + d.roleRankSQL() + ` AS role_rank,
			` + noTwoFactorSQL(s) + ` AS no_2fa,
			IF(` + lastSeen + ` IS NULL,
				u.date_registered IS NULL OR ` + epochSQL("u.date_registered") + ` < UNIX_TIMESTAMP() - ?,
				` + lastSeen + ` < UNIX_TIMESTAMP() - ?) AS inactive
			FROM ` + d.table("user") + ` u` + join + `
			WHERE ` + accountFilterSQL(s) + `) r
		GROUP BY r.role_rank`

	rows, err := d.conn.QueryContext(ctx, timeLimited(ctx, query), inactiveAfter, inactiveAfter)
	if err != nil {
		return fmt.Errorf("counting users by role: %w", err)
	}
	defer rows.Close()

	for rows.Next() {
		var rank, accounts, no2fa, inactive int
		if err := rows.Scan(&rank, &accounts, &no2fa, &inactive); err != nil {
			return err
		}
		role := rankRoles[rank]
		sum.Accounts[role] += accounts
		sum.Inactive[role] += inactive
		if q.TwoFactorActive {
			sum.WithoutTwoFA[role] += no2fa
		} else {
			sum.WithoutTwoFA[role] += accounts
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("counting users by role: %w", err)
	}
	return nil
}

func (d *DB) countInvitations(ctx context.Context, s schema, sum *UserSummary) error {
	if !s.has("user", "invite_token") {
		return nil // Matomo before 4.11 has no invitations.
	}
	query := `SELECT COUNT(*), COALESCE(SUM(IFNULL(invite_expired_at > UTC_TIMESTAMP(), 0)), 0)
		FROM ` + d.table("user") + ` WHERE invite_token IS NOT NULL AND login <> 'anonymous'`
	var total, pending int
	if err := d.conn.QueryRowContext(ctx, timeLimited(ctx, query)).Scan(&total, &pending); err != nil {
		return fmt.Errorf("counting invitations: %w", err)
	}
	sum.InvitationsPending = pending
	sum.InvitationsExpired = total - pending
	return nil
}

func (d *DB) privilegedUsers(ctx context.Context, s schema, q UserQuery) ([]UserDetail, error) {
	join, lastSeen := d.lastSeenSQL(s)
	query := `SELECT r.login, r.role_rank, r.no_2fa, r.last_seen FROM (
			SELECT u.login, ` + d.roleRankSQL() + ` AS role_rank, ` + noTwoFactorSQL(s) + ` AS no_2fa,
				` + lastSeen + ` AS last_seen
			FROM ` + d.table("user") + ` u` + join + `
			WHERE ` + accountFilterSQL(s) + `) r
		WHERE r.role_rank >= 3 ORDER BY r.login`

	rows, err := d.conn.QueryContext(ctx, timeLimited(ctx, query))
	if err != nil {
		return nil, fmt.Errorf("listing Super Users and admins: %w", err)
	}
	defer rows.Close()

	var out []UserDetail
	for rows.Next() {
		var (
			detail   UserDetail
			rank     int
			no2fa    bool
			lastSeen sql.NullInt64
		)
		if err := rows.Scan(&detail.Login, &rank, &no2fa, &lastSeen); err != nil {
			return nil, err
		}
		detail.Role = rankRoles[rank]
		detail.TwoFactor = !no2fa && q.TwoFactorActive
		if lastSeen.Valid {
			detail.LastSeen = time.Unix(lastSeen.Int64, 0)
		}
		out = append(out, detail)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing Super Users and admins: %w", err)
	}
	return out, nil
}
