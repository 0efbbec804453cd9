package config

// This file ports the INI scanner of PHP 8.2 (Zend/zend_ini_scanner.l,
// INI_SCANNER_NORMAL) rule by rule. re2c picks the longest match among the
// rules of the current state, and the rule written first on a tie, so every
// state below lists its rules in the order of the .l file. PHP builds the
// scanner with --case-inverted, which makes the quoted keywords ("true",
// "on", "null", ...) case-insensitive.

type scanState int

const (
	stInitial scanState = iota
	stValue
	stSectionValue
	stOffset
	stDoubleQuotes
	stVarname
)

type tokenKind int

const (
	tokEnd tokenKind = iota // end of input, or the scanner gave up (see token.overrun)
	tokEOL
	tokSection     // "["
	tokRaw         // 'single-quoted' text
	tokConstant    // [a-zA-Z_][a-zA-Z0-9_]*
	tokNumber      // -12, 1.5
	tokString      // other unquoted text
	tokWhitespace  // spaces and tabs inside a value
	tokLabel       // key name
	tokOffset      // key name followed by "["
	tokDollarCurly // "${"
	tokVarname     // NAME in ${NAME}
	tokQuoted      // text between double quotes, escapes resolved
	tokTrue        // true, on, yes
	tokFalse       // false, off, no, none
	tokNull        // null
	tokChar        // one punctuation character, in token.char
)

type token struct {
	kind tokenKind
	char byte
	text string
	pos  int
	// overrun marks a tokEnd returned because a pattern ran into the end of
	// the input, such as a single-quoted value that is never closed.
	overrun bool
	// stray marks a tokEnd returned because no rule matched the character at
	// pos, such as a line break inside a section name.
	stray bool
}

type scanner struct {
	buf   []byte
	pos   int
	state scanState
	stack []scanState
}

// at returns the byte at i, or 0 past the end: PHP pads the input with NUL
// bytes, and several patterns accept NUL (see overrun).
func (s *scanner) at(i int) byte {
	if i < len(s.buf) {
		return s.buf[i]
	}
	return 0
}

// match is the result of one pattern at the current position. n < 0 means no
// match. overrun means the pattern consumed the NUL at the end of the input
// and wanted more: re2c then calls YYFILL, which PHP defines to end the scan
// (`return 0`), so the whole token becomes the end of input.
type match struct {
	n       int
	overrun bool
}

var noMatch = match{n: -1}

func isLabelChar(c byte) bool {
	// LABEL [^=\n\r\t;&|^$~(){}!"\[]+ (PHP 8.2; later versions also exclude ']').
	switch c {
	case '=', '\n', '\r', '\t', ';', '&', '|', '^', '$', '~', '(', ')', '{', '}', '!', '"', '[':
		return false
	}
	return true
}

func isTokenChar(c byte) bool {
	// TOKENS [:,.\[\]"'()&|^+-/*=%$!~<>?@{}]; "+-/" is the range + , - . /
	switch c {
	case ':', ',', '.', '[', ']', '"', '\'', '(', ')', '&', '|', '^', '+', '-', '/', '*', '=', '%', '$', '!', '~', '<', '>', '?', '@', '{', '}':
		return true
	}
	return false
}

func isOperatorChar(c byte) bool {
	switch c {
	case '&', '|', '^', '~', '(', ')', '!':
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isConstantStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func (s *scanner) tabs(i int) int {
	n := 0
	for c := s.at(i + n); c == ' ' || c == '\t'; c = s.at(i + n) {
		n++
	}
	return n
}

func (s *scanner) newline(i int) int {
	switch s.at(i) {
	case '\r':
		if s.at(i+1) == '\n' {
			return 2
		}
		return 1
	case '\n':
		return 1
	}
	return 0
}

// literal matches an ASCII keyword without regard to case.
func (s *scanner) literal(i int, word string) bool {
	for j := 0; j < len(word); j++ {
		c := s.at(i + j)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[j] {
			return false
		}
	}
	return true
}

func (s *scanner) keywordRule(words ...string) match {
	best := -1
	for _, w := range words {
		if len(w) > best && s.literal(s.pos, w) {
			best = len(w)
		}
	}
	if best < 0 {
		return noMatch
	}
	return match{n: best + s.tabs(s.pos+best)}
}

// label matches LABEL+, which accepts NUL and so can overrun.
func (s *scanner) label(i int) match {
	n := 0
	for isLabelChar(s.at(i + n)) {
		if i+n >= len(s.buf) {
			return match{n: n + 1, overrun: true}
		}
		n++
	}
	if n == 0 {
		return noMatch
	}
	return match{n: n}
}

func (s *scanner) singleQuoted() match {
	if s.at(s.pos) != '\'' {
		return noMatch
	}
	i := s.pos + 1
	for s.at(i) != '\'' {
		if i >= len(s.buf) {
			return match{n: i + 1 - s.pos, overrun: true}
		}
		i++
	}
	if i == s.pos+1 {
		return noMatch // [^']+ needs at least one character
	}
	return match{n: i + 1 - s.pos}
}

func (s *scanner) constant() match {
	if !isConstantStart(s.at(s.pos)) {
		return noMatch
	}
	n := 1
	for c := s.at(s.pos + n); isConstantStart(c) || isDigit(c); c = s.at(s.pos + n) {
		n++
	}
	return match{n: n}
}

// number matches [-]?[0-9]+ | [0-9]*"."[0-9]+ | [0-9]+"."[0-9]* (PHP 8.2).
func (s *scanner) number() match {
	digits := func(i int) int {
		n := 0
		for isDigit(s.at(i + n)) {
			n++
		}
		return n
	}
	best := -1
	i := s.pos
	if s.at(i) == '-' {
		if d := digits(i + 1); d > 0 {
			best = 1 + d
		}
	}
	lead := digits(i)
	if lead > best && lead > 0 {
		best = lead
	}
	if s.at(i+lead) == '.' {
		frac := digits(i + lead + 1)
		if lead > 0 || frac > 0 {
			if l := lead + 1 + frac; l > best {
				best = l
			}
		}
	}
	if best < 0 {
		return noMatch
	}
	return match{n: best}
}

// unitRepeat matches unit+ where unit(i) returns the lengths of the
// alternatives of one unit starting at i (0 for none) and whether one of them
// stays alive after consuming the NUL at the end of the input. It finds the
// longest prefix made of whole units.
func (s *scanner) unitRepeat(unit func(i int) (lengths [3]int, overrun bool)) match {
	// Bit k of reach is set when position i+k is the end of a run of units.
	// Units are at most 3 bytes long, so 4 bits are enough.
	var reach uint8 = 1
	best := -1
	for i := s.pos; reach != 0; i++ {
		if reach&1 != 0 {
			if i > s.pos {
				best = i - s.pos
			}
			lengths, overrun := unit(i)
			if overrun {
				return match{n: len(s.buf) + 1 - s.pos, overrun: true}
			}
			for _, l := range lengths {
				if l > 0 {
					reach |= 1 << l
				}
			}
		}
		reach >>= 1
	}
	if best <= 0 {
		return noMatch
	}
	return match{n: best}
}

// valueChars matches VALUE_CHARS+:
// [^$= \t\n\r;&|^~()!"'\000] | "$"[^{\000] | "$\\"ANY_CHAR
func (s *scanner) valueChars() match {
	return s.unitRepeat(func(i int) (l [3]int, overrun bool) {
		if i >= len(s.buf) {
			return l, false
		}
		c := s.at(i)
		switch c {
		case '$':
			next := s.at(i + 1)
			if next != '{' && next != 0 {
				l[0] = 2
			}
			if next == '\\' {
				if i+2 >= len(s.buf) {
					return l, true
				}
				l[1] = 3
			}
		case '=', ' ', '\t', '\n', '\r', ';', '&', '|', '^', '~', '(', ')', '!', '"', '\'', 0:
		default:
			l[0] = 1
		}
		return l, false
	})
}

// sectionValueChars matches SECTION_VALUE_CHARS+:
// [^$\n\r;"'\]\\] | "\\"ANY_CHAR | "$"[^{\000] | "$\\"ANY_CHAR
func (s *scanner) sectionValueChars() match {
	return s.unitRepeat(func(i int) (l [3]int, overrun bool) {
		if i >= len(s.buf) {
			return l, true // the NUL terminator is in the first class
		}
		c := s.at(i)
		switch c {
		case '\\':
			if i+1 >= len(s.buf) {
				return l, true
			}
			l[0] = 2
		case '$':
			next := s.at(i + 1)
			if next != '{' && next != 0 {
				l[0] = 2
			}
			if next == '\\' {
				if i+2 >= len(s.buf) {
					return l, true
				}
				l[1] = 3
			}
		case '\n', '\r', ';', '"', '\'', ']':
		default:
			l[0] = 1
		}
		return l, false
	})
}

// comment matches [ \t]*";"[^\r\n]*NEWLINE.
func (s *scanner) comment() match {
	i := s.pos + s.tabs(s.pos)
	if s.at(i) != ';' {
		return noMatch
	}
	i++
	for c := s.at(i); c != '\r' && c != '\n'; c = s.at(i) {
		if i >= len(s.buf) {
			return match{n: i + 1 - s.pos, overrun: true}
		}
		i++
	}
	return match{n: i + s.newline(i) - s.pos}
}

type rule struct {
	match  match
	action func(n int) token
}

// pick returns the action of the longest match, the first rule on a tie, or
// an end token when any rule overran.
func (s *scanner) pick(rules []rule) token {
	best := -1
	for i, r := range rules {
		if r.match.overrun {
			return token{kind: tokEnd, pos: s.pos, overrun: true}
		}
		if r.match.n > 0 && (best < 0 || r.match.n > rules[best].match.n) {
			best = i
		}
	}
	if best < 0 {
		// <*>[^] { return 0; } ends the input at a character no rule takes.
		return token{kind: tokEnd, pos: s.pos, stray: true}
	}
	return rules[best].action(rules[best].match.n)
}

func (s *scanner) push(st scanState) {
	s.stack = append(s.stack, s.state)
	s.state = st
}

func (s *scanner) pop() {
	if len(s.stack) == 0 {
		s.state = stInitial
		return
	}
	s.state = s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
}

func trimLeadingBlanks(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

// trimTrailing is EAT_TRAILING_WHITESPACE_EX: it also drops extra, unless 0.
func trimTrailing(b []byte, extra byte) []byte {
	for len(b) > 0 {
		c := b[len(b)-1]
		if (extra != 0 && c == extra) || c == '\n' || c == '\r' || c == '\t' || c == ' ' {
			b = b[:len(b)-1]
			continue
		}
		break
	}
	return b
}

// next returns the next token.
func (s *scanner) next() token {
	for {
		if s.pos >= len(s.buf) {
			if s.state == stValue {
				s.state = stInitial
				return token{kind: tokEOL, pos: s.pos}
			}
			return token{kind: tokEnd, pos: s.pos}
		}
		if s.pos == 0 && len(s.buf) > 3 && s.buf[0] == 0xEF && s.buf[1] == 0xBB && s.buf[2] == 0xBF {
			s.pos = 3
			continue
		}
		tok, skip := s.scan()
		if skip {
			continue
		}
		return tok
	}
}

func (s *scanner) scan() (tok token, skip bool) {
	start := s.pos
	text := func(n int) []byte { return s.buf[start:min(start+n, len(s.buf))] }
	emit := func(kind tokenKind, n int, value string) token {
		s.pos = start + n
		return token{kind: kind, text: value, pos: start}
	}
	char := func(n int) token {
		s.pos = start + n
		return token{kind: tokChar, char: s.buf[start], pos: start}
	}
	ch := s.at(start)

	switch s.state {
	case stInitial:
		var rules []rule
		if ch == '[' {
			rules = append(rules, rule{match{n: 1}, func(n int) token {
				s.state = stSectionValue
				return emit(tokSection, n, "")
			}})
		}
		if lb := s.label(start); lb.overrun || lb.n > 0 {
			m := lb
			if !lb.overrun {
				if s.at(start+lb.n) == '[' {
					m = match{n: lb.n + 1 + s.tabs(start+lb.n+1)}
				} else {
					m = noMatch
				}
			}
			rules = append(rules, rule{m, func(n int) token {
				s.state = stOffset
				name := trimTrailing(trimLeadingBlanks(text(n)), '[')
				return emit(tokOffset, n, string(name))
			}})
		}
		rules = append(rules, s.keywordRules()...)
		rules = append(rules,
			rule{s.label(start), func(n int) token {
				name := trimTrailing(trimLeadingBlanks(text(n)), 0)
				return emit(tokLabel, n, string(name))
			}},
			rule{s.equalsRule(), func(n int) token {
				s.state = stValue
				s.pos = start + n
				return token{kind: tokChar, char: '=', pos: start}
			}},
		)
		if isTokenChar(ch) {
			rules = append(rules, rule{match{n: 1}, char})
		}
		if t := s.tabs(start); t > 0 {
			rules = append(rules, rule{match{n: t}, func(n int) token {
				s.pos = start + n
				skip = true
				return token{}
			}})
		}
		if t := s.tabs(start); s.newline(start+t) > 0 {
			rules = append(rules, rule{match{n: t + s.newline(start+t)}, func(n int) token {
				return emit(tokEOL, n, "")
			}})
		}
		rules = append(rules, rule{s.comment(), func(n int) token {
			s.state = stInitial
			return emit(tokEOL, n, "")
		}})
		tok = s.pick(rules)
		return tok, skip

	case stValue:
		var rules []rule
		rules = append(rules, rule{s.singleQuoted(), func(n int) token {
			return emit(tokRaw, n, string(text(n)[1:n-1]))
		}})
		rules = append(rules, s.dollarCurlyRule())
		rules = append(rules, s.keywordRules()...)
		if t := s.tabs(start); s.newline(start+t) > 0 {
			rules = append(rules, rule{match{n: t + s.newline(start+t)}, func(n int) token {
				s.state = stInitial
				return emit(tokEOL, n, "")
			}})
		}
		rules = append(rules, s.constantRule(), s.numberRule())
		if isOperatorChar(ch) {
			rules = append(rules, rule{match{n: 1 + s.tabs(start+1)}, char})
		}
		if ch == '=' {
			rules = append(rules, rule{match{n: 1}, func(int) token {
				// yyless(0): the '=' is scanned again in INITIAL, where it
				// starts a statement and so fails the parse.
				s.state = stInitial
				return token{kind: tokEOL, pos: start}
			}})
		}
		rules = append(rules, rule{s.valueChars(), func(n int) token {
			return emit(tokString, n, string(text(n)))
		}})
		rules = append(rules, s.doubleQuoteOpenRule(), s.whitespaceRule(),
			rule{s.comment(), func(n int) token {
				s.state = stInitial
				return emit(tokEOL, n, "")
			}},
			rule{match{n: 1}, func(n int) token {
				s.state = stInitial
				return emit(tokEOL, n, "")
			}},
		)
		return s.pick(rules), false

	case stSectionValue, stOffset:
		var rules []rule
		rules = append(rules, rule{s.singleQuoted(), func(n int) token {
			return emit(tokRaw, n, string(text(n)[1:n-1]))
		}})
		if s.state == stSectionValue && ch == ']' {
			rules = append(rules, rule{match{n: 1 + s.tabs(start+1) + s.newline(start+1+s.tabs(start+1))}, func(n int) token {
				s.state = stInitial
				return char(n)
			}})
		}
		if t := s.tabs(start); s.state == stOffset && s.at(start+t) == ']' {
			rules = append(rules, rule{match{n: t + 1}, func(n int) token {
				s.state = stInitial
				s.pos = start + n
				return token{kind: tokChar, char: ']', pos: start}
			}})
		}
		rules = append(rules, s.dollarCurlyRule(), s.constantRule(), s.numberRule(),
			rule{s.sectionValueChars(), func(n int) token {
				return emit(tokString, n, string(text(n)))
			}},
			s.doubleQuoteOpenRule(), s.whitespaceRule())
		return s.pick(rules), false

	case stDoubleQuotes:
		var rules []rule
		rules = append(rules, s.dollarCurlyRule())
		if ch == '"' {
			rules = append(rules, rule{match{n: 1 + s.tabs(start+1)}, func(n int) token {
				s.pop()
				return char(n)
			}})
		}
		rules = append(rules, rule{match{n: 1}, func(int) token {
			return s.quotedString(start)
		}})
		return s.pick(rules), false

	case stVarname:
		rules := []rule{
			{s.label(start), func(n int) token {
				name := trimTrailing(trimLeadingBlanks(text(n)), 0)
				return emit(tokVarname, n, string(name))
			}},
		}
		if ch == '}' {
			rules = append(rules, rule{match{n: 1}, func(n int) token {
				s.pop()
				return char(n)
			}})
		}
		return s.pick(rules), false
	}
	return token{kind: tokEnd, pos: start}, false
}

func (s *scanner) keywordRules() []rule {
	return []rule{
		{s.keywordRule("true", "on", "yes"), func(n int) token {
			s.pos += n
			return token{kind: tokTrue, text: "1", pos: s.pos - n}
		}},
		{s.keywordRule("false", "off", "no", "none"), func(n int) token {
			s.pos += n
			return token{kind: tokFalse, pos: s.pos - n}
		}},
		{s.keywordRule("null"), func(n int) token {
			s.pos += n
			return token{kind: tokNull, pos: s.pos - n}
		}},
	}
}

// equalsRule matches [ \t]*"="[ \t]*.
func (s *scanner) equalsRule() match {
	t := s.tabs(s.pos)
	if s.at(s.pos+t) != '=' {
		return noMatch
	}
	return match{n: t + 1 + s.tabs(s.pos+t+1)}
}

func (s *scanner) dollarCurlyRule() rule {
	m := noMatch
	if s.at(s.pos) == '$' && s.at(s.pos+1) == '{' {
		m = match{n: 2}
	}
	return rule{m, func(n int) token {
		start := s.pos
		s.pos += n
		s.push(stVarname)
		return token{kind: tokDollarCurly, pos: start}
	}}
}

func (s *scanner) constantRule() rule {
	return rule{s.constant(), func(n int) token {
		start := s.pos
		s.pos += n
		return token{kind: tokConstant, text: string(s.buf[start:s.pos]), pos: start}
	}}
}

func (s *scanner) numberRule() rule {
	return rule{s.number(), func(n int) token {
		start := s.pos
		s.pos += n
		return token{kind: tokNumber, text: string(s.buf[start:s.pos]), pos: start}
	}}
}

// doubleQuoteOpenRule matches [ \t]*["].
func (s *scanner) doubleQuoteOpenRule() rule {
	t := s.tabs(s.pos)
	m := noMatch
	if s.at(s.pos+t) == '"' {
		m = match{n: t + 1}
	}
	return rule{m, func(n int) token {
		start := s.pos
		s.pos += n
		s.push(stDoubleQuotes)
		return token{kind: tokChar, char: '"', pos: start}
	}}
}

func (s *scanner) whitespaceRule() rule {
	m := noMatch
	if t := s.tabs(s.pos); t > 0 {
		m = match{n: t}
	}
	return rule{m, func(n int) token {
		start := s.pos
		s.pos += n
		return token{kind: tokWhitespace, text: string(s.buf[start:s.pos]), pos: start}
	}}
}

// quotedString is the hand-written action for text inside double quotes. It
// stops before an unescaped '"' or "${", and ends a value such as
// "C:\dir\" at a `\"` that is directly followed by a line break.
func (s *scanner) quotedString(start int) token {
	limit := len(s.buf)
	i := start
	for i < limit {
		c := s.buf[i]
		i++
		stop := false
		switch c {
		case '"':
			stop = true
		case '$':
			if i < limit && s.buf[i] == '{' {
				stop = true
			}
		case '\\':
			if i < limit {
				escaped := s.buf[i]
				i++
				if escaped == '"' && (i >= limit || s.buf[i] == '\n' || s.buf[i] == '\r') {
					stop = true
				}
			}
		}
		if stop {
			i--
			break
		}
	}
	s.pos = i
	return token{kind: tokQuoted, text: unescapeQuoted(s.buf[start:i]), pos: start}
}

// unescapeQuoted is zend_ini_escape_string: `\"`, `\\` and `\$` lose the
// backslash, and every other backslash stays.
func unescapeQuoted(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			out = append(out, b[i])
			continue
		}
		if i+1 >= len(b) {
			out = append(out, '\\')
			continue
		}
		switch b[i+1] {
		case '"', '\\', '$':
			out = append(out, b[i+1])
		default:
			out = append(out, '\\', b[i+1])
		}
		i++
	}
	return string(out)
}
