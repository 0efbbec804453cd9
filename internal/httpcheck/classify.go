package httpcheck

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// servesPrivateFile reports whether a 2xx body is what the web server
// sends for the file at path: its source, or the empty output of PHP
// running it. Catch-all pages, login pages and custom error pages are
// HTML and never count.
func servesPrivateFile(path string, body []byte) bool {
	trimmed := bytes.TrimSpace(body)
	if looksLikeHTML(trimmed) {
		return false
	}

	switch path {
	case "config/config.ini.php", "config/global.ini.php":
		// Both files start with "; <?php exit; ?> DO NOT REMOVE THIS
		// LINE". Run by PHP they print ";" and stop.
		return len(trimmed) == 0 ||
			string(trimmed) == ";" ||
			bytes.Contains(body, []byte("<?php exit")) ||
			bytes.Contains(body, []byte("[database]")) ||
			bytes.Contains(body, []byte("[General]")) ||
			bytes.Contains(body, []byte("trusted_hosts[]"))
	case "tmp/cache/tracker/matomocache_general.php", "core/Piwik.php":
		return len(trimmed) == 0 || bytes.HasPrefix(trimmed, []byte("<?php"))
	case ".git/config":
		return bytes.Contains(body, []byte("[core]"))
	case "tmp/empty":
		// Matomo's system check writes "test" to this file.
		return len(trimmed) == 0 || string(trimmed) == "test"
	case "lang/en.json":
		return startsJSONObject(trimmed)
	}
	return false
}

func looksLikeHTML(body []byte) bool {
	head := body[:min(len(body), 512)]
	lower := bytes.ToLower(head)
	return bytes.HasPrefix(lower, []byte("<!doctype html")) ||
		bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<head")) ||
		bytes.Contains(lower, []byte("<body"))
}

// startsJSONObject reports whether body begins like a JSON object. Only a
// prefix of lang/en.json is read, so the body is not parsed to the end.
func startsJSONObject(body []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(body))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return false
	}
	tok, err = dec.Token()
	if err != nil {
		return false
	}
	switch tok.(type) {
	case string:
		return true
	case json.Delim:
		return tok == json.Delim('}')
	}
	return false
}

// hstsMaxAge returns the max-age directive of a Strict-Transport-Security
// header (RFC 6797 section 6.1), or -1 when the header or the directive is
// missing or invalid.
func hstsMaxAge(header string) int64 {
	for _, directive := range strings.Split(header, ";") {
		name, value, found := strings.Cut(strings.TrimSpace(directive), "=")
		if !found || !strings.EqualFold(strings.TrimSpace(name), "max-age") {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"`)
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n < 0 {
			return -1
		}
		return n
	}
	return -1
}

var (
	// serverVersion matches a version number in a Server header, as in
	// "nginx/1.24.0", "Apache/2.4.57 (Debian)" or "Microsoft-IIS/10.0".
	serverVersion = regexp.MustCompile(`/[0-9]|[0-9]+\.[0-9]+`)
	// phpVersion matches the PHP version in X-Powered-By, as in
	// "PHP/8.2.12" or "PHP/7.4.33-nmm1".
	phpVersion = regexp.MustCompile(`(?i)\bPHP/([0-9]+\.[0-9]+(?:\.[0-9]+)?[0-9A-Za-z.+~-]*)`)
)

// labelValue makes a header value safe as a label value: valid UTF-8, no
// control characters, at most limit bytes.
func labelValue(s string, limit int) string {
	s = strings.ToValidUTF8(s, "?")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
