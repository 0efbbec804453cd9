package matomo

import (
	"context"
	"strconv"
	"time"
)

// timeLimited prefixes a statement so that MariaDB ends it by itself when
// the context's deadline passes. The prefix is SET STATEMENT
// max_statement_time (in seconds), which MariaDB has had since 10.1.2
// according to its knowledge base. When a collector times out, the driver
// drops the connection, but the server keeps running the statement, at
// least until it next writes to the client. A long scan would then hold one
// of the account's connections (MAX_USER_CONNECTIONS) and server CPU after
// the scrape gave up. Other servers read the /*M! prefix as a comment.
//
// NOTE: MySQL has its own limit for SELECT (the MAX_EXECUTION_TIME hint),
// which is not set here, so on MySQL a timed-out statement still runs to
// its end.
func timeLimited(ctx context.Context, query string) string {
	deadline, ok := ctx.Deadline()
	if !ok {
		return query
	}
	// max_statement_time = 0 means no limit, so the limit never drops
	// below one millisecond.
	seconds := max(time.Until(deadline).Seconds(), 0.001)
	return "/*M!100102 SET STATEMENT max_statement_time=" + strconv.FormatFloat(seconds, 'f', 3, 64) + " FOR */ " + query
}
