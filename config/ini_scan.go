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
	tokEnd tokenKind = iota // end of input, or the scanner stopped early (see token.overrun and token.stray)
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

// at returns the byte at i, or 0 past the end, because PHP pads the input
// with NUL bytes. Several patterns accept NUL (see match.overrun).
func (s *scanner) at(i int) byte {
	if i < len(s.buf) {
		return s.buf[i]
	}
	return 0
}

// match is the result of one pattern at the current position. n < 0 means no
// match. overrun means the pattern consumed the NUL at the end of the input
// and would read on. re2c then calls YYFILL, which PHP defines as
// `return 0`, so the whole token becomes the end of input.
type match struct {
	n       int
	overrun bool
}

var noMatch = match{n: -1}

func isLabelChar(c byte) bool {
	// LABEL [^=\n\r\t;&|^$~(){}!"\[]+ in PHP 8.2. The scanner of later
	// php-src versions also excludes ']' and NUL.
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

// ruleID names a rule of zend_ini_scanner.l by what it matches.
type ruleID int

const (
	ruleSectionStart ruleID = iota // <INITIAL>"["
	ruleRaw                        // "'"[^']+"'"
	ruleSectionEnd                 // <ST_SECTION_VALUE>"]"[ \t]*NEWLINE?
	ruleOffsetStart                // <INITIAL>LABEL"["[ \t]*
	ruleOffsetEnd                  // <ST_OFFSET>[ \t]*"]"
	ruleDollarCurly                // "${"
	ruleVarname                    // <ST_VARNAME>LABEL
	ruleVarnameEnd                 // <ST_VARNAME>"}"
	ruleTrue                       // ("true"|"on"|"yes")[ \t]*
	ruleFalse                      // ("false"|"off"|"no"|"none")[ \t]*
	ruleNull                       // "null"[ \t]*
	ruleLabel                      // <INITIAL>LABEL
	ruleEquals                     // <INITIAL>[ \t]*"="[ \t]*
	ruleValueEOL                   // <ST_VALUE>[ \t]*NEWLINE
	ruleConstant                   // CONSTANT
	ruleNumber                     // NUMBER
	ruleToken                      // <INITIAL>TOKENS
	ruleOperator                   // <ST_VALUE>OPERATORS[ \t]*
	ruleValueEquals                // <ST_VALUE>"="
	ruleValueChars                 // <ST_VALUE>VALUE_CHARS+
	ruleSectionChars               // SECTION_VALUE_CHARS+
	ruleQuoteOpen                  // [ \t]*["]
	ruleQuoteClose                 // <ST_DOUBLE_QUOTES>["][ \t]*
	ruleQuotedText                 // <ST_DOUBLE_QUOTES>[^]
	ruleWhitespace                 // [ \t]+ inside a value
	ruleSkipBlanks                 // <INITIAL>[ \t]+
	ruleEOL                        // <INITIAL>[ \t]*NEWLINE
	ruleComment                    // [ \t]*";"[^\r\n]*NEWLINE
	ruleValueEnd                   // <ST_VALUE>[^]
)

// candidates collects the rules that match at the current position, in the
// order of the .l file.
type candidates struct {
	ids     [16]ruleID
	matches [16]match
	n       int
}

func (c *candidates) add(id ruleID, m match) {
	if m.n > 0 || m.overrun {
		c.ids[c.n] = id
		c.matches[c.n] = m
		c.n++
	}
}

// best returns the rule with the longest match, the first one on a tie. ok is
// false when no rule matched. overrun is true when any rule overran.
func (c *candidates) best() (id ruleID, n int, ok, overrun bool) {
	bestIndex := -1
	for i := 0; i < c.n; i++ {
		if c.matches[i].overrun {
			return 0, 0, false, true
		}
		if bestIndex < 0 || c.matches[i].n > c.matches[bestIndex].n {
			bestIndex = i
		}
	}
	if bestIndex < 0 {
		return 0, 0, false, false
	}
	return c.ids[bestIndex], c.matches[bestIndex].n, true, false
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

		var c candidates
		s.collect(&c)
		id, n, ok, overrun := c.best()
		switch {
		case overrun:
			return token{kind: tokEnd, pos: s.pos, overrun: true}
		case !ok:
			// <*>[^] { return 0; } ends the input at a character no rule takes.
			return token{kind: tokEnd, pos: s.pos, stray: true}
		case id == ruleSkipBlanks:
			s.pos += n
			continue
		}
		return s.apply(id, n)
	}
}

// collect adds the rules of the current state that match at s.pos.
func (s *scanner) collect(c *candidates) {
	start := s.pos
	ch := s.at(start)
	blanks := s.tabs(start)
	lineBreak := s.newline(start + blanks)

	switch s.state {
	case stInitial:
		if ch == '[' {
			c.add(ruleSectionStart, match{n: 1})
		}
		label := s.label(start)
		switch {
		case label.overrun:
			c.add(ruleOffsetStart, label)
		case label.n > 0 && s.at(start+label.n) == '[':
			c.add(ruleOffsetStart, match{n: label.n + 1 + s.tabs(start+label.n+1)})
		}
		s.addKeywords(c)
		c.add(ruleLabel, label)
		c.add(ruleEquals, s.equals())
		if isTokenChar(ch) {
			c.add(ruleToken, match{n: 1})
		}
		c.add(ruleSkipBlanks, match{n: blanks})
		if lineBreak > 0 {
			c.add(ruleEOL, match{n: blanks + lineBreak})
		}
		c.add(ruleComment, s.comment())

	case stValue:
		c.add(ruleRaw, s.singleQuoted())
		c.add(ruleDollarCurly, s.dollarCurly())
		s.addKeywords(c)
		if lineBreak > 0 {
			c.add(ruleValueEOL, match{n: blanks + lineBreak})
		}
		c.add(ruleConstant, s.constant())
		c.add(ruleNumber, s.number())
		if isOperatorChar(ch) {
			c.add(ruleOperator, match{n: 1 + s.tabs(start+1)})
		}
		if ch == '=' {
			c.add(ruleValueEquals, match{n: 1})
		}
		c.add(ruleValueChars, s.valueChars())
		c.add(ruleQuoteOpen, s.quoteOpen())
		c.add(ruleWhitespace, match{n: blanks})
		c.add(ruleComment, s.comment())
		c.add(ruleValueEnd, match{n: 1})

	case stSectionValue, stOffset:
		c.add(ruleRaw, s.singleQuoted())
		if s.state == stSectionValue && ch == ']' {
			c.add(ruleSectionEnd, match{n: 1 + s.tabs(start+1) + s.newline(start+1+s.tabs(start+1))})
		}
		if s.state == stOffset && s.at(start+blanks) == ']' {
			c.add(ruleOffsetEnd, match{n: blanks + 1})
		}
		c.add(ruleDollarCurly, s.dollarCurly())
		c.add(ruleConstant, s.constant())
		c.add(ruleNumber, s.number())
		c.add(ruleSectionChars, s.sectionValueChars())
		c.add(ruleQuoteOpen, s.quoteOpen())
		c.add(ruleWhitespace, match{n: blanks})

	case stDoubleQuotes:
		c.add(ruleDollarCurly, s.dollarCurly())
		if ch == '"' {
			c.add(ruleQuoteClose, match{n: 1 + s.tabs(start+1)})
		}
		c.add(ruleQuotedText, match{n: 1})

	case stVarname:
		c.add(ruleVarname, s.label(start))
		if ch == '}' {
			c.add(ruleVarnameEnd, match{n: 1})
		}
	}
}

func (s *scanner) addKeywords(c *candidates) {
	c.add(ruleTrue, s.keywordRule("true", "on", "yes"))
	c.add(ruleFalse, s.keywordRule("false", "off", "no", "none"))
	c.add(ruleNull, s.keywordRule("null"))
}

// apply runs the action of rule id, which matched n bytes at s.pos.
func (s *scanner) apply(id ruleID, n int) token {
	start := s.pos
	text := s.buf[start : start+n]
	s.pos = start + n
	tok := token{pos: start}

	switch id {
	case ruleSectionStart:
		s.state = stSectionValue
		tok.kind = tokSection
	case ruleRaw:
		tok.kind, tok.text = tokRaw, string(text[1:n-1])
	case ruleSectionEnd, ruleOffsetEnd:
		s.state = stInitial
		tok.kind, tok.char = tokChar, ']'
	case ruleOffsetStart:
		s.state = stOffset
		tok.kind, tok.text = tokOffset, string(trimTrailing(trimLeadingBlanks(text), '['))
	case ruleDollarCurly:
		s.push(stVarname)
		tok.kind = tokDollarCurly
	case ruleVarname:
		tok.kind, tok.text = tokVarname, string(trimTrailing(trimLeadingBlanks(text), 0))
	case ruleVarnameEnd:
		s.pop()
		tok.kind, tok.char = tokChar, '}'
	case ruleTrue:
		tok.kind, tok.text = tokTrue, "1"
	case ruleFalse:
		tok.kind = tokFalse
	case ruleNull:
		tok.kind = tokNull
	case ruleLabel:
		tok.kind, tok.text = tokLabel, string(trimTrailing(trimLeadingBlanks(text), 0))
	case ruleEquals:
		s.state = stValue
		tok.kind, tok.char = tokChar, '='
	case ruleValueEOL, ruleComment, ruleValueEnd:
		s.state = stInitial
		tok.kind = tokEOL
	case ruleEOL:
		tok.kind = tokEOL
	case ruleConstant:
		tok.kind, tok.text = tokConstant, string(text)
	case ruleNumber:
		tok.kind, tok.text = tokNumber, string(text)
	case ruleToken, ruleOperator:
		tok.kind, tok.char = tokChar, text[0]
	case ruleValueEquals:
		// yyless(0): the '=' is scanned again in INITIAL, where it starts a
		// statement and so fails the parse.
		s.pos = start
		s.state = stInitial
		tok.kind = tokEOL
	case ruleValueChars, ruleSectionChars:
		tok.kind, tok.text = tokString, string(text)
	case ruleQuoteOpen:
		s.push(stDoubleQuotes)
		tok.kind, tok.char = tokChar, '"'
	case ruleQuoteClose:
		s.pop()
		tok.kind, tok.char = tokChar, '"'
	case ruleQuotedText:
		return s.quotedString(start)
	case ruleWhitespace:
		tok.kind, tok.text = tokWhitespace, string(text)
	}
	return tok
}

// equals matches [ \t]*"="[ \t]*.
func (s *scanner) equals() match {
	t := s.tabs(s.pos)
	if s.at(s.pos+t) != '=' {
		return noMatch
	}
	return match{n: t + 1 + s.tabs(s.pos+t+1)}
}

func (s *scanner) dollarCurly() match {
	if s.at(s.pos) == '$' && s.at(s.pos+1) == '{' {
		return match{n: 2}
	}
	return noMatch
}

// quoteOpen matches [ \t]*["].
func (s *scanner) quoteOpen() match {
	t := s.tabs(s.pos)
	if s.at(s.pos+t) == '"' {
		return match{n: t + 1}
	}
	return noMatch
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
