package matomo

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// Matomo's JSON is loosely typed: integer columns come back as strings or
// numbers depending on the PHP and PDO versions, booleans as true, 1 or
// "1", and fields go missing between versions. These types accept every
// form and never fail on a field's value.

// apiBool is true for true, a non-zero number, or a string such as "1" or
// "true"; anything else, including a missing field, is false.
type apiBool bool

func (b *apiBool) UnmarshalJSON(data []byte) error {
	*b = apiBool(truthy(decodeLoose(data)))
	return nil
}

func truthy(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case json.Number:
		f, err := t.Float64()
		return err == nil && f != 0
	case string:
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "", "0", "false", "no", "off", "null":
			return false
		}
		return true
	}
	return false
}

// apiString is a string, or the text of a number or boolean ("1" for
// true); null, objects and arrays become "".
type apiString string

func (s *apiString) UnmarshalJSON(data []byte) error {
	*s = apiString(looseText(decodeLoose(data)))
	return nil
}

func looseText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	case bool:
		if t {
			return "1"
		}
		return "0"
	}
	return ""
}

// decodeLoose decodes one JSON scalar, keeping numbers as json.Number. It
// returns nil for null, objects, arrays and invalid input. It runs for
// every field of every user, so it avoids json.Decoder's buffer.
func decodeLoose(data []byte) any {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil
	}
	switch data[0] {
	case '"':
		var s string
		if json.Unmarshal(data, &s) != nil {
			return nil
		}
		return s
	case 't', 'f':
		var b bool
		if json.Unmarshal(data, &b) != nil {
			return nil
		}
		return b
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		var n json.Number
		if json.Unmarshal(data, &n) != nil {
			return nil
		}
		return n
	}
	return nil
}

// apiTimeLayouts are the forms Matomo uses for dates: MySQL DATETIME and
// TIMESTAMP values ("Y-m-d H:i:s", UTC) and, defensively, RFC 3339.
var apiTimeLayouts = []string{"2006-01-02 15:04:05", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"}

// parseAPITime parses a Matomo date as UTC. It also accepts a unix
// timestamp. ok is false for an empty, zero or unreadable value.
func parseAPITime(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "0000-00-00") {
		return time.Time{}, false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n <= 0 {
			return time.Time{}, false
		}
		return time.Unix(n, 0).UTC(), true
	}
	for _, layout := range apiTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// inviteState classifies UsersManager's invite_status field.
type inviteState int

const (
	inviteNone    inviteState = iota // an account
	invitePending                    // an invitation that can still be accepted
	inviteExpired                    // an invitation that can no longer be accepted
)

// parseInviteStatus reads invite_status: "active" for an account, an
// integer number of days left for a pending invitation (0 on its last day,
// sent as a PHP float such as 6.0), "expired" once it expired. Matomo
// before 4.11 has no invitations and sends no invite_status. The word
// "pending" counts as pending, and any other word (4.11.0-b1 briefly had
// "decline") counts as expired.
func parseInviteStatus(raw json.RawMessage) inviteState {
	if len(raw) == 0 {
		return inviteNone
	}
	switch v := decodeLoose(raw).(type) {
	case json.Number:
		return invitePending
	case string:
		s := strings.ToLower(strings.TrimSpace(v))
		switch s {
		case "", "active", "accept", "accepted":
			return inviteNone
		case "pending":
			return invitePending
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return invitePending
		}
		return inviteExpired
	}
	return inviteNone
}
