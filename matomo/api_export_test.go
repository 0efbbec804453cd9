package matomo

import "time"

// SetAPIClock replaces the clock of c, so that tests can move past a
// backoff without waiting.
func SetAPIClock(c *APIClient, now func() time.Time) { c.now = now }

// APIUsersPerRequest exposes the batch size of UsersManager.getUsers calls.
const APIUsersPerRequest = apiUsersPerRequest
