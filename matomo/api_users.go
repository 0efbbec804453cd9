package matomo

import (
	"context"
	"encoding/json"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

const (
	// apiUsersPerRequest is how many logins one UsersManager.getUsers
	// request names. Matomo computes each user's fields (last seen, invite
	// status) before it applies filter_limit and filter_offset, so paging
	// with those costs the server the whole list on every page, while
	// naming the logins costs it only the users asked for.
	apiUsersPerRequest = 1000

	// apiConcurrency bounds the requests one reader method has in flight,
	// to keep the load on Matomo small.
	apiConcurrency = 4
)

// accessLevels are the roles getUsersSitesFromAccess is asked about. A
// Super User has no access rows; capabilities are not roles.
var accessLevels = []Role{RoleAdmin, RoleWrite, RoleView}

// apiUser is one entry of UsersManager.getUsers as returned to a Super User.
type apiUser struct {
	Login           apiString       `json:"login"`
	SuperUserAccess apiBool         `json:"superuser_access"`
	UsesTwoFA       apiBool         `json:"uses_2fa"`
	LastSeen        apiString       `json:"last_seen"`
	TSLastSeen      apiString       `json:"ts_last_seen"`
	DateRegistered  apiString       `json:"date_registered"`
	InviteStatus    json.RawMessage `json:"invite_status"`
}

// Users aggregates the accounts of the instance with the same rules as the
// database reader. It needs the token of a Super User and makes these
// calls: UsersManager.getUsersSitesFromAccess for admin, write and view
// (each user's highest role, and the public sites from the anonymous
// user's entry), UsersManager.getUsersLogin, and UsersManager.getUsers for
// the logins in batches.
//
// NOTE: two cases differ from the database reader. Matomo 4.0 to 4.9 sends
// no last_seen in getUsers, so every account counts as never seen there.
// And an invitation whose expiry date is NULL has invite_status "active",
// so it counts as an account here but as an expired invitation there.
func (c *APIClient) Users(ctx context.Context, q UserQuery) (*UserSummary, error) {
	tok, err := c.token()
	if err != nil {
		return nil, err
	}

	var (
		sitesByAccess = make([]map[string][]apiString, len(accessLevels))
		logins        []apiString
	)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(apiConcurrency)
	for i, role := range accessLevels {
		g.Go(func() error {
			var err error
			sitesByAccess[i], err = c.usersSitesFromAccess(gctx, tok, string(role))
			return err
		})
	}
	g.Go(func() error {
		var err error
		logins, err = c.usersLogin(gctx, tok)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}

	roles := map[string]Role{}
	publicSites := map[string]bool{}
	for i, role := range accessLevels {
		for login, sites := range sitesByAccess[i] {
			if isAnonymous(login) {
				// Matomo grants the anonymous user view access only
				// (UsersManager_ExceptionAnonymousAccessNotPossible).
				for _, site := range sites {
					publicSites[string(site)] = true
				}
				continue
			}
			if role.Rank() > roles[login].Rank() {
				roles[login] = role
			}
		}
	}

	counter := newAPIUserCounter(q, roles, c.now())
	if err := c.countUsers(ctx, tok, logins, counter); err != nil {
		return nil, err
	}
	sum := counter.summary()
	sum.PublicSites = len(publicSites)
	return sum, nil
}

func isAnonymous(login string) bool { return strings.EqualFold(login, "anonymous") }

// usersSitesFromAccess returns {login: [idsite, ...]} for one access level.
func (c *APIClient) usersSitesFromAccess(ctx context.Context, tok, access string) (map[string][]apiString, error) {
	const method = "UsersManager.getUsersSitesFromAccess"
	doc, err := c.call(ctx, tok, method, url.Values{"access": {access}})
	if err != nil {
		return nil, err
	}
	// PHP sends an empty array as [] and a filled one keyed by login as {}.
	if doc[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(doc, &list); err != nil || len(list) > 0 {
			return nil, newAPIError(tok, nil, "unexpected response from %s (access=%s): expected a JSON object keyed by login", method, access)
		}
		return nil, nil
	}
	var out map[string][]apiString
	if err := json.Unmarshal(doc, &out); err != nil {
		return nil, newAPIError(tok, nil, "unexpected response from %s (access=%s): expected lists of site IDs keyed by login: %v", method, access, err)
	}
	return out, nil
}

func (c *APIClient) usersLogin(ctx context.Context, tok string) ([]apiString, error) {
	const method = "UsersManager.getUsersLogin"
	doc, err := c.call(ctx, tok, method, url.Values{"filter_limit": {"-1"}})
	if err != nil {
		return nil, err
	}
	var logins []apiString
	if err := json.Unmarshal(doc, &logins); err != nil {
		return nil, newAPIError(tok, nil, "unexpected response from %s: expected a JSON array of logins: %v", method, err)
	}
	return logins, nil
}

// countUsers fetches the users in batches of logins and counts them.
func (c *APIClient) countUsers(ctx context.Context, tok string, logins []apiString, counter *apiUserCounter) error {
	var batches [][]string
	var batch []string
	var single []string
	for _, l := range logins {
		login := string(l)
		switch {
		case login == "" || isAnonymous(login):
			continue
		case strings.Contains(login, ","):
			// getUsers splits userLogins at commas. Matomo rejects such
			// logins unless the credentials sanity check is turned off.
			single = append(single, login)
			continue
		}
		batch = append(batch, login)
		if len(batch) == apiUsersPerRequest {
			batches = append(batches, batch)
			batch = nil
		}
	}
	if len(batch) > 0 {
		batches = append(batches, batch)
	}

	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(apiConcurrency)
	for _, batch := range batches {
		g.Go(func() error {
			users, err := c.getUsers(gctx, tok, "UsersManager.getUsers", url.Values{
				"userLogins": {strings.Join(batch, ",")}, "filter_limit": {"-1"},
			})
			if err != nil {
				return err
			}
			counter.add(users, batch)
			return nil
		})
	}
	for _, login := range single {
		g.Go(func() error {
			users, err := c.getUsers(gctx, tok, "UsersManager.getUser", url.Values{"userLogin": {login}})
			if err != nil {
				return err
			}
			counter.add(users, []string{login})
			return nil
		})
	}
	return g.Wait()
}

// getUsers decodes a response that contains users: a list, or a single user
// object (getUser).
func (c *APIClient) getUsers(ctx context.Context, tok, method string, params url.Values) ([]apiUser, error) {
	doc, err := c.call(ctx, tok, method, params)
	if err != nil {
		return nil, err
	}
	var users []apiUser
	if doc[0] == '{' {
		var one apiUser
		err = json.Unmarshal(doc, &one)
		users = []apiUser{one}
	} else {
		err = json.Unmarshal(doc, &users)
	}
	if err != nil {
		return nil, newAPIError(tok, nil, "unexpected response from %s: expected JSON user objects: %v", method, err)
	}
	return users, nil
}

// apiUserCounter aggregates users as batches arrive.
type apiUserCounter struct {
	q      UserQuery
	roles  map[string]Role
	cutoff time.Time

	mu   sync.Mutex
	seen map[string]bool
	sum  *UserSummary
}

func newAPIUserCounter(q UserQuery, roles map[string]Role, now time.Time) *apiUserCounter {
	return &apiUserCounter{
		q:      q,
		roles:  roles,
		cutoff: now.Add(-q.InactiveAfter),
		seen:   map[string]bool{},
		sum:    &UserSummary{Accounts: RoleCounts{}, WithoutTwoFA: RoleCounts{}, Inactive: RoleCounts{}},
	}
}

// add counts the users whose login was requested, each once. A user that
// Matomo sends unrequested (a server that ignores userLogins) is counted
// with its own batch.
func (a *apiUserCounter) add(users []apiUser, asked []string) {
	wanted := make(map[string]bool, len(asked))
	for _, login := range asked {
		wanted[login] = true
	}

	a.mu.Lock()
	defer a.mu.Unlock()
	for _, u := range users {
		login := string(u.Login)
		if !wanted[login] || a.seen[login] {
			continue
		}
		a.seen[login] = true
		a.count(login, u)
	}
}

func (a *apiUserCounter) count(login string, u apiUser) {
	switch parseInviteStatus(u.InviteStatus) {
	case invitePending:
		a.sum.InvitationsPending++
		return
	case inviteExpired:
		a.sum.InvitationsExpired++
		return
	}

	role := a.roles[login]
	if bool(u.SuperUserAccess) {
		role = RoleSuperUser
	} else if role == "" {
		role = RoleNoAccess
	}
	a.sum.Accounts[role]++

	// uses_2fa is already false while the TwoFactorAuth plugin is
	// deactivated; TwoFactorActive makes that explicit.
	twoFactor := bool(u.UsesTwoFA) && a.q.TwoFactorActive
	if !twoFactor {
		a.sum.WithoutTwoFA[role]++
	}

	lastSeen, seen := parseAPITime(string(u.LastSeen))
	if !seen {
		lastSeen, seen = parseAPITime(string(u.TSLastSeen))
	}
	var inactive bool
	if seen {
		inactive = lastSeen.Before(a.cutoff)
	} else {
		// Never seen: inactive once registered longer ago than the
		// threshold, or when the registration date is unknown.
		registered, known := parseAPITime(string(u.DateRegistered))
		inactive = !known || registered.Before(a.cutoff)
	}
	if inactive {
		a.sum.Inactive[role]++
	}

	if a.q.Details && role.Rank() >= RoleAdmin.Rank() {
		a.sum.Details = append(a.sum.Details, UserDetail{Login: login, Role: role, TwoFactor: twoFactor, LastSeen: lastSeen})
	}
}

// summary returns the totals, with the details sorted by login like the
// database reader's case-insensitive ORDER BY.
func (a *apiUserCounter) summary() *UserSummary {
	a.mu.Lock()
	defer a.mu.Unlock()
	sort.Slice(a.sum.Details, func(i, j int) bool {
		x, y := a.sum.Details[i].Login, a.sum.Details[j].Login
		if lx, ly := strings.ToLower(x), strings.ToLower(y); lx != ly {
			return lx < ly
		}
		return x < y
	})
	return a.sum
}
