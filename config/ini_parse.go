package config

import (
	"fmt"
	"os"
	"strconv"
)

// parser follows the grammar of PHP 8.2's Zend/zend_ini_parser.y and stores
// entries the way ext/standard/basic_functions.c does for
// parse_ini_string($s, true): php_ini_parser_cb_with_sections and
// php_simple_ini_parser_cb.
type parser struct {
	data   []byte // input as given, for positions in errors
	sc     *scanner
	tok    token
	root   *phpArray
	active *phpArray // the current [section], nil before the first one
	getenv func(string) (string, bool)
	// depth counts the entries bison's parser stack would hold, so that deep
	// nesting fails where PHP's parser runs out of stack (see push).
	depth int
}

// maxParserDepth is bison's default YYMAXDEPTH, which zend_ini_parser.y
// keeps. PHP fails with "memory exhausted" when its parser stack would hold
// this many entries, for example at 9994 nested parentheses in a value.
const maxParserDepth = 10000

// push records one entry on the emulated parser stack (a shifted token or a
// reduced rule with nothing on its right-hand side).
func (p *parser) push() error {
	p.depth++
	if p.depth >= maxParserDepth {
		return p.errorf("value nests too deeply: PHP's parser stops at %d nested symbols", maxParserDepth)
	}
	return nil
}

// reduce records a grammar rule replacing its n right-hand side entries.
func (p *parser) reduce(n int) { p.depth -= n - 1 }

func (p *parser) advance() { p.tok = p.sc.next() }

// shift records the current token on the stack and reads the next one.
func (p *parser) shift() error {
	if err := p.push(); err != nil {
		return err
	}
	p.advance()
	return nil
}

func (p *parser) isChar(c byte) bool { return p.tok.kind == tokChar && p.tok.char == c }

// statementBase is the stack depth at the start of a statement: the initial
// state and statement_list.
const statementBase = 2

func (p *parser) parse() error {
	p.advance()
	for {
		p.depth = statementBase
		switch p.tok.kind {
		case tokEnd:
			return nil
		case tokEOL:
			p.advance()
		case tokSection:
			if err := p.section(); err != nil {
				return err
			}
		case tokLabel:
			if err := p.entry(); err != nil {
				return err
			}
		case tokOffset:
			if err := p.offsetEntry(); err != nil {
				return err
			}
		default:
			return p.statementError()
		}
	}
}

// section reads `[name]`.
func (p *parser) section() error {
	start := p.tok.pos
	if err := p.shift(); err != nil {
		return err
	}
	name := ""
	if p.startsItem() {
		var err error
		// section_string_or_value: constants are not looked up.
		if name, err = p.varStringList(false); err != nil {
			return err
		}
	} else if err := p.push(); err != nil { // section_string_or_value: %empty
		return err
	}
	if !p.isChar(']') {
		return p.errorAt(start, "section header is not closed with ']' on its line: %s", p.describe())
	}
	p.advance()
	p.active = newPHPArray()
	p.root.set(symtableKey(name), phpValue{arr: p.active})
	return nil
}

// entry reads `key = value`, or a bare `key` line, which PHP ignores.
func (p *parser) entry() error {
	key := p.tok.text
	if err := p.shift(); err != nil {
		return err
	}
	if !p.isChar('=') {
		return nil
	}
	if err := p.shift(); err != nil {
		return err
	}
	value, err := p.stringOrValue()
	if err != nil {
		return err
	}
	p.target().set(symtableKey(key), phpValue{str: value})
	return nil
}

// offsetEntry reads `name[offset] = value`.
func (p *parser) offsetEntry() error {
	name := p.tok.text
	start := p.tok.pos
	if err := p.shift(); err != nil {
		return err
	}

	offset := ""
	if p.startsItem() {
		var err error
		if offset, err = p.varStringList(true); err != nil {
			return err
		}
	} else if err := p.push(); err != nil { // option_offset: %empty
		return err
	}
	if !p.isChar(']') {
		return p.errorAt(start, "array key after '[' is not closed with ']': %s", p.describe())
	}
	if err := p.shift(); err != nil {
		return err
	}

	if !p.isChar('=') {
		return p.errorf("expected '=' after the array key: %s", p.describe())
	}
	if err := p.shift(); err != nil {
		return err
	}

	value, err := p.stringOrValue()
	if err != nil {
		return err
	}
	p.popEntry(name, offset, value)
	return nil
}

func (p *parser) target() *phpArray {
	if p.active != nil {
		return p.active
	}
	return p.root
}

// popEntry stores `name[offset] = value`.
func (p *parser) popEntry(name, offset, value string) {
	arr := p.target()
	var key phpKey
	if !(len(name) > 1 && name[0] == '0') && isNumericLong(name) {
		key = intKey(strtoulBase0(name))
	} else {
		key = phpKey{s: name}
	}
	existing, ok := arr.get(key)
	if !ok || existing.arr == nil {
		existing = phpValue{arr: newPHPArray()}
		arr.set(key, existing)
	}
	if offset == "" {
		existing.arr.appendValue(phpValue{str: value})
		return
	}
	existing.arr.set(symtableKey(offset), phpValue{str: value})
}

func (p *parser) statementError() error {
	switch {
	case p.isChar('='):
		return p.errorf("unexpected '=': a key name is missing, or an unquoted value contains '=' (put such a value in double quotes)")
	case p.tok.kind == tokChar && isOperatorChar(p.tok.char):
		return p.errorf("unexpected %q: the characters & | ^ ~ ( ) ! are operators outside double quotes (put the value in double quotes)", p.tok.char)
	case p.tok.kind == tokTrue || p.tok.kind == tokFalse || p.tok.kind == tokNull:
		return p.errorf("true, on, yes, false, off, no, none and null cannot be used as key names")
	}
	return p.errorf("expected a key, a [section] or a comment: %s", p.describe())
}

func (p *parser) startsItem() bool {
	switch p.tok.kind {
	case tokDollarCurly, tokConstant, tokRaw, tokNumber, tokString, tokWhitespace:
		return true
	}
	return p.isChar('"')
}

// stringOrValue reads a value and leaves one entry for it on the stack.
func (p *parser) stringOrValue() (string, error) {
	switch p.tok.kind {
	case tokTrue:
		return "1", p.shift()
	case tokFalse, tokNull, tokEOL:
		return "", p.shift()
	}
	return p.expr()
}

// expr evaluates `|`, `&` and `^` from left to right with equal precedence
// (%left '|' '&' '^' in zend_ini_parser.y), and `~` and `!` bind tighter.
func (p *parser) expr() (string, error) {
	left, err := p.unary()
	if err != nil {
		return "", err
	}
	for p.isChar('|') || p.isChar('&') || p.isChar('^') {
		op := p.tok.char
		if err := p.shift(); err != nil {
			return "", err
		}
		right, err := p.unary()
		if err != nil {
			return "", err
		}
		p.reduce(3)
		left = iniOperator(op, left, right)
	}
	return left, nil
}

func (p *parser) unary() (string, error) {
	switch {
	case p.isChar('~'), p.isChar('!'):
		op := p.tok.char
		if err := p.shift(); err != nil {
			return "", err
		}
		operand, err := p.unary()
		if err != nil {
			return "", err
		}
		p.reduce(2)
		return iniOperator(op, operand, ""), nil
	case p.isChar('('):
		if err := p.shift(); err != nil {
			return "", err
		}
		v, err := p.expr()
		if err != nil {
			return "", err
		}
		if !p.isChar(')') {
			return "", p.errorf("expected ')': %s", p.describe())
		}
		if err := p.shift(); err != nil {
			return "", err
		}
		p.reduce(3)
		return v, nil
	}
	if !p.startsItem() {
		return "", p.errorf("expected a value: %s", p.describe())
	}
	return p.varStringList(true)
}

// varStringList concatenates adjacent pieces: unquoted text, 'raw' text,
// "quoted" text and ${NAME} references. It leaves one entry on the stack.
func (p *parser) varStringList(lookupConstants bool) (string, error) {
	var out []byte
	for first := true; p.startsItem(); first = false {
		var piece string
		switch p.tok.kind {
		case tokDollarCurly:
			v, err := p.variable()
			if err != nil {
				return "", err
			}
			piece = v
		case tokChar: // the opening '"'
			v, err := p.quoted()
			if err != nil {
				return "", err
			}
			piece = v
		default:
			piece = p.tok.text
			if p.tok.kind == tokConstant && lookupConstants {
				piece = phpConstant(piece)
			}
			if err := p.shift(); err != nil {
				return "", err
			}
		}
		out = append(out, piece...)
		if !first {
			p.reduce(2)
		}
	}
	return string(out), nil
}

// quoted reads "...", leaving one entry on the stack.
func (p *parser) quoted() (string, error) {
	open := p.tok.pos
	if err := p.shift(); err != nil {
		return "", err
	}
	if err := p.push(); err != nil { // encapsed_list: %empty
		return "", err
	}
	var out []byte
	for {
		switch {
		case p.tok.kind == tokQuoted:
			out = append(out, p.tok.text...)
			if err := p.shift(); err != nil {
				return "", err
			}
			p.reduce(2)
		case p.tok.kind == tokDollarCurly:
			v, err := p.variable()
			if err != nil {
				return "", err
			}
			out = append(out, v...)
			p.reduce(2)
		case p.isChar('"'):
			if err := p.shift(); err != nil {
				return "", err
			}
			p.reduce(3)
			return string(out), nil
		default:
			return "", p.errorAt(open, "double-quoted value is not closed: %s", p.describe())
		}
	}
}

// variable reads ${NAME} from the environment, leaving one entry on the
// stack.
//
// NOTE: PHP first looks NAME up among the php.ini directives of the PHP
// process running Matomo (for example ${memory_limit}), which the exporter
// cannot see, and PHP-FPM often clears the environment (clear_env).
func (p *parser) variable() (string, error) {
	start := p.tok.pos
	if err := p.shift(); err != nil {
		return "", err
	}
	if p.tok.kind != tokVarname {
		return "", p.errorAt(start, "expected a variable name after '${': %s", p.describe())
	}
	name := p.tok.text
	if err := p.shift(); err != nil {
		return "", err
	}
	if !p.isChar('}') {
		return "", p.errorAt(start, "'${' is not closed with '}': %s", p.describe())
	}
	if err := p.shift(); err != nil {
		return "", err
	}
	p.reduce(3)
	if name == "" {
		return "", nil
	}
	v, _ := p.getenv(name)
	return v, nil
}

// iniOperator is zend_ini_do_op: operands are converted with C's atoi and the
// result is a 32-bit int printed in decimal.
func iniOperator(op byte, a, b string) string {
	x, y := atoi32(a), atoi32(b)
	var r int32
	switch op {
	case '|':
		r = x | y
	case '&':
		r = x & y
	case '^':
		r = x ^ y
	case '~':
		r = ^x
	case '!':
		if x == 0 {
			r = 1
		}
	}
	return strconv.FormatInt(int64(r), 10)
}

// atoi32 is glibc's atoi: (int)strtol(s, NULL, 10), which saturates at the
// 64-bit limits before the conversion to int keeps the low 32 bits.
func atoi32(s string) int32 {
	i := 0
	for i < len(s) && isPHPWhitespace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	var u uint64
	overflow := false
	for ; i < len(s) && isDigit(s[i]); i++ {
		d := uint64(s[i] - '0')
		if u > (1<<63-d)/10 {
			overflow = true
		}
		u = u*10 + d
	}
	var v int64
	switch {
	case overflow && neg:
		v = -1 << 63
	case overflow:
		v = 1<<63 - 1
	case neg:
		v = -int64(u)
	case u > 1<<63-1:
		v = 1<<63 - 1
	default:
		v = int64(u)
	}
	return int32(v)
}

func (p *parser) describe() string {
	switch p.tok.kind {
	case tokEnd:
		switch {
		case p.tok.overrun:
			return "reached the end of the file inside a value (a ' quote, a ${ or a section name is not closed)"
		case p.tok.stray:
			switch c := p.sc.at(p.tok.pos); c {
			case '\n', '\r':
				return "found a line break"
			default:
				return fmt.Sprintf("found %q", c)
			}
		}
		return "reached the end of the file"
	case tokEOL:
		return "reached the end of the line"
	case tokChar:
		return fmt.Sprintf("found %q", p.tok.char)
	case tokTrue, tokFalse, tokNull:
		return "found a boolean or null keyword"
	case tokQuoted:
		return "found quoted text"
	}
	return "found text"
}

// SyntaxError is a parse error. It gives the position and never the text
// around it, which may be a password.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

func (p *parser) errorf(format string, args ...any) error {
	return p.errorAt(p.tok.pos, format, args...)
}

func (p *parser) errorAt(offset int, format string, args ...any) error {
	line, col := position(p.data, offset)
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// position converts a byte offset to a 1-based line and column. "\r\n", "\n"
// and a lone "\r" each end a line, as for the scanner. An offset at or past
// the end points at the last byte, so that the end of the file is reported
// on its last line.
func position(data []byte, offset int) (line, col int) {
	line, lineStart := 1, 0
	if offset >= len(data) {
		offset = max(len(data)-1, 0)
	}
	for i := 0; i < offset; i++ {
		switch data[i] {
		case '\n':
			line++
			lineStart = i + 1
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				continue
			}
			line++
			lineStart = i + 1
		}
	}
	return line, offset - lineStart + 1
}

var lookupEnv = os.LookupEnv
