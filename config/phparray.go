package config

import (
	"math"
	"strconv"
)

// phpKey is a key of a PHP array: an integer or a string. PHP stores the
// string "5" as the integer 5, so both forms must be kept apart to reproduce
// which entries replace which (see symtableKey).
type phpKey struct {
	isInt bool
	i     int64
	s     string
}

func intKey(i int64) phpKey { return phpKey{isInt: true, i: i} }

// String returns the key as PHP prints it.
func (k phpKey) String() string {
	if k.isInt {
		return strconv.FormatInt(k.i, 10)
	}
	return k.s
}

// phpValue is a scalar string or a nested array (arr != nil).
type phpValue struct {
	str string
	arr *phpArray
}

// phpArray is an ordered PHP array. Updating an existing key keeps its
// position, and appending uses nextFree the way Zend/zend_hash.c (PHP 8.2)
// tracks nNextFreeElement.
type phpArray struct {
	keys     []phpKey
	vals     []phpValue
	index    map[phpKey]int
	nextFree int64 // math.MinInt64 until the first integer key, as in PHP
}

func newPHPArray() *phpArray {
	return &phpArray{index: map[phpKey]int{}, nextFree: math.MinInt64}
}

func (a *phpArray) len() int { return len(a.keys) }

func (a *phpArray) get(k phpKey) (phpValue, bool) {
	i, ok := a.index[k]
	if !ok {
		return phpValue{}, false
	}
	return a.vals[i], true
}

// set inserts or replaces k, keeping the position of an existing entry.
func (a *phpArray) set(k phpKey, v phpValue) {
	if i, ok := a.index[k]; ok {
		a.vals[i] = v
		return
	}
	a.index[k] = len(a.keys)
	a.keys = append(a.keys, k)
	a.vals = append(a.vals, v)
	if k.isInt && k.i >= a.nextFree {
		if k.i < math.MaxInt64 {
			a.nextFree = k.i + 1
		} else {
			a.nextFree = math.MaxInt64
		}
	}
}

// appendValue is PHP's `$a[] = v`. Like add_next_index_zval it silently
// drops v when the next index is already taken, which happens only after
// the key PHP_INT_MAX was used.
func (a *phpArray) appendValue(v phpValue) {
	next := a.nextFree
	if next == math.MinInt64 {
		next = 0
	}
	if _, taken := a.index[intKey(next)]; taken {
		return
	}
	a.set(intKey(next), v)
}

// symtableKey converts a string key the way zend_symtable_update does: only
// the canonical decimal form of a 64-bit integer ("5", "-5", not "05",
// "-0" or "+5") becomes an integer key.
func symtableKey(s string) phpKey {
	if i, ok := canonicalInt(s); ok {
		return intKey(i)
	}
	return phpKey{s: s}
}

// canonicalInt mirrors _zend_handle_numeric_str_ex in Zend/zend_hash.c.
func canonicalInt(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	digits := s
	if digits[0] == '-' {
		digits = digits[1:]
	}
	if digits == "" || digits[0] < '0' || digits[0] > '9' {
		return 0, false
	}
	if digits[0] == '0' && len(s) > 1 {
		return 0, false
	}
	if len(digits) > 19 {
		return 0, false
	}
	var u uint64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	if s[0] == '-' {
		if u-1 > math.MaxInt64 {
			return 0, false
		}
		return int64(-u), true
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// isPHPWhitespace is the set that is_numeric_string skips around a number.
func isPHPWhitespace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// isNumericLong reports whether is_numeric_string (PHP 8.2,
// Zend/zend_operators.c, without allow_errors) returns IS_LONG for s:
// optional whitespace, an optional sign, decimal digits that fit in 64 bits,
// optional trailing whitespace, and no decimal point or exponent.
func isNumericLong(s string) bool {
	i := 0
	for i < len(s) && isPHPWhitespace(s[i]) {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return false
	}

	for i < len(s) && s[i] == '0' {
		i++
	}
	digitsStart := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	digits := s[digitsStart:i]
	if i < len(s) && (s[i] == '.' || s[i] == 'e' || s[i] == 'E') {
		// A decimal point or exponent makes it a float or not numeric at all.
		return false
	}
	for i < len(s) && isPHPWhitespace(s[i]) {
		i++
	}
	if i != len(s) {
		return false
	}

	if len(digits) >= 20 {
		return false
	}
	if len(digits) == 19 {
		const longMinDigits = "9223372036854775808"
		if digits > longMinDigits || (digits == longMinDigits && s[start] != '-') {
			return false
		}
	}
	return true
}

// strtoulBase0 is C's strtoul(s, NULL, 0) reinterpreted as a signed 64-bit
// value: leading whitespace, a sign, then hexadecimal after "0x", octal
// after a leading "0", decimal otherwise. PHP uses it for the array name in
// `name[] = value` when name is numeric, so "-010[]" lands at key -8.
func strtoulBase0(s string) int64 {
	i := 0
	for i < len(s) && isPHPWhitespace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}

	base := uint64(10)
	if i < len(s) && s[i] == '0' {
		if i+2 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X') && hexDigit(s[i+2]) >= 0 {
			base = 16
			i += 2
		} else {
			base = 8
		}
	}

	var u uint64
	overflow := false
	for ; i < len(s); i++ {
		d := hexDigit(s[i])
		if d < 0 || uint64(d) >= base {
			break
		}
		if u > (math.MaxUint64-uint64(d))/base {
			overflow = true
		}
		u = u*base + uint64(d)
	}

	if overflow {
		return -1 // ULONG_MAX
	}
	if neg {
		u = -u
	}
	return int64(u)
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// clone returns a deep copy.
func (a *phpArray) clone() *phpArray {
	c := newPHPArray()
	c.nextFree = a.nextFree
	c.keys = append([]phpKey(nil), a.keys...)
	c.vals = make([]phpValue, len(a.vals))
	for i, v := range a.vals {
		if v.arr != nil {
			v.arr = v.arr.clone()
		}
		c.vals[i] = v
	}
	for k, i := range a.index {
		c.index[k] = i
	}
	return c
}

// arrayMerge is PHP's array_merge($a, $b): string keys of b replace those of
// a, and integer keys of both are renumbered from 0 in order.
func arrayMerge(a, b *phpArray) *phpArray {
	out := newPHPArray()
	for _, src := range []*phpArray{a, b} {
		for i, k := range src.keys {
			if k.isInt {
				out.appendValue(src.vals[i])
			} else {
				out.set(k, src.vals[i])
			}
		}
	}
	return out
}

// mergeRecursiveDistinct is IniFileChain::array_merge_recursive_distinct
// from Matomo's core/Config/IniFileChain.php: entries of b replace those of a
// key by key, and two arrays under the same key are merged the same way.
// Lists therefore merge index by index: b's element 0 replaces a's element 0.
func mergeRecursiveDistinct(a, b *phpArray) *phpArray {
	out := a.clone()
	for i, k := range b.keys {
		v := b.vals[i]
		if v.arr != nil {
			if old, ok := out.get(k); ok && old.arr != nil {
				out.set(k, phpValue{arr: mergeRecursiveDistinct(old.arr, v.arr)})
				continue
			}
			v = phpValue{arr: v.arr.clone()}
		}
		out.set(k, v)
	}
	return out
}
