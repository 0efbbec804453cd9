package matomo

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// CompareVersions compares two Matomo version strings such as 5.1.2 and
// 5.2.0-b5. It returns -1, 0 or 1. A pre-release (-b1, -rc2) sorts before
// its release; pre-release tags compare as text.
func CompareVersions(a, b string) int {
	aMain, aPre, _ := strings.Cut(strings.TrimSpace(a), "-")
	bMain, bPre, _ := strings.Cut(strings.TrimSpace(b), "-")

	aParts, bParts := strings.Split(aMain, "."), strings.Split(bMain, ".")
	for i := 0; i < max(len(aParts), len(bParts)); i++ {
		x, y := versionPart(aParts, i), versionPart(bParts, i)
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}

	switch {
	case aPre == bPre:
		return 0
	case aPre == "":
		return 1
	case bPre == "":
		return -1
	case aPre < bPre:
		return -1
	}
	return 1
}

func versionPart(parts []string, i int) int {
	if i >= len(parts) {
		return 0
	}
	n, _ := strconv.Atoi(parts[i])
	return n
}

// Versions reads the installed version and the last update check from the
// option table.
func (d *DB) Versions(ctx context.Context) (*Versions, error) {
	opts, err := d.Options(ctx)
	if err != nil {
		return nil, err
	}
	return &Versions{
		Core:             opts["version_core"],
		Latest:           opts["UpdateCheck_LatestVersion"],
		LastUpdateCheck:  unixOption(opts["UpdateCheck_LastTimeChecked"]),
		UpdateCheckKnown: true,
	}, nil
}

// Archiving reads the cron archiving options.
func (d *DB) Archiving(ctx context.Context) (*Archiving, error) {
	opts, err := d.Options(ctx)
	if err != nil {
		return nil, err
	}
	a := &Archiving{
		LastSuccess: unixOption(opts["LastCompletedFullArchiving"]),
		LastStart:   unixOption(opts["LastFullArchivingStartTime"]),
	}
	if v, ok := opts["enableBrowserTriggerArchiving"]; ok {
		enabled := strings.TrimSpace(v) != "" && strings.TrimSpace(v) != "0"
		a.BrowserTrigger = &enabled
	}
	return a, nil
}

// unixOption parses an option holding a unix time; empty or invalid gives
// the zero time.
func unixOption(v string) time.Time {
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}
	}
	return time.Unix(n, 0)
}
