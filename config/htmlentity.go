package config

import "strings"

// htmlEntityDecode is PHP 8.2's html_entity_decode($s, ENT_COMPAT, 'UTF-8')
// (traverse_for_entities in ext/standard/html.c), which Matomo applies to
// every string it reads from its INI files (IniFileChain::decodeValues).
// It differs from html.UnescapeString in these ways:
//   - an entity needs its ';';
//   - &apos; and &#39; stay encoded, because ENT_COMPAT decodes only double
//     quotes;
//   - numeric entities for control characters, U+007F-U+009F and surrogates
//     stay as they are;
//   - an '&' in the last three bytes is never decoded.
func htmlEntityDecode(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != '&' || i+3 >= len(s) {
			out.WriteByte(s[i])
			i++
			continue
		}
		code, next, ok := decodeEntityAt(s, i)
		if !ok {
			// Copy the bytes the failed attempt examined; none of them can
			// start another entity.
			out.WriteString(s[i:next])
			i = next
			continue
		}
		out.WriteRune(code)
		i = next + 1
	}
	return out.String()
}

// decodeEntityAt tries the entity starting with '&' at s[i]. On success next
// is the index of its ';'. On failure next is where scanning stopped, always
// past i.
func decodeEntityAt(s string, i int) (code rune, next int, ok bool) {
	at := func(j int) byte {
		if j < len(s) {
			return s[j]
		}
		return 0
	}
	if at(i+1) == '#' {
		j := i + 2
		hex := at(j) == 'x' || at(j) == 'X'
		if hex {
			j++
		}
		digitsStart := j
		if hex && at(j) == '0' && (at(j+1) == 'x' || at(j+1) == 'X') && hexDigit(at(j+2)) >= 0 {
			// PHP parses the digits with strtol(..., 16), which accepts
			// a "0x" prefix, so "&#x0x41;" is "A".
			j += 2
		}
		var value int64
		for {
			c := at(j)
			d := -1
			if hex {
				d = hexDigit(c)
			} else if isDigit(c) {
				d = int(c - '0')
			}
			if d < 0 {
				break
			}
			if value <= 0x10FFFF {
				base := int64(10)
				if hex {
					base = 16
				}
				value = value*base + int64(d)
			}
			j++
		}
		if j == digitsStart || at(j) != ';' || value > 0x10FFFF {
			return 0, j, false
		}
		if !html401Allowed(value) || value == '\'' {
			return 0, j, false
		}
		return rune(value), j, true
	}

	j := i + 1
	for c := at(j); (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c); c = at(j) {
		j++
	}
	if at(j) != ';' || j == i+1 {
		return 0, j, false
	}
	r, found := htmlEntities[s[i+1:j]]
	if !found {
		return 0, j, false
	}
	return r, j, true
}

// html401Allowed is unicode_cp_is_allowed for ENT_HTML401.
func html401Allowed(cp int64) bool {
	return (cp >= 0x20 && cp <= 0x7E) ||
		cp == 0x0A || cp == 0x09 || cp == 0x0D ||
		(cp >= 0xA0 && cp <= 0xD7FF) ||
		(cp >= 0xE000 && cp <= 0x10FFFF)
}
