// Package config reads Matomo's INI configuration the way Matomo's PHP code
// reads it, and the exporter's own credentials and targets files.
package config

import "bytes"

// INI is one parsed INI file: sections in file order, each holding keys with
// a scalar value or an array (`key[] = v`, `key[sub] = v`). Keys written
// before the first section are kept apart (see Global).
type INI struct {
	root *phpArray
}

// ParseINI parses data the way Matomo's IniReader::readString (matomo/ini
// 3.0) and IniFileChain read a config file on PHP 8.2:
//
//   - a "\n" is appended, then parse_ini_string($data, true) with
//     INI_SCANNER_NORMAL runs. The PHP scanner stops at the first NUL byte,
//     and so does this parser;
//   - values become strings the way PHP prints them: unquoted true, on and
//     yes become "1", and false, off, no, none and null become "". Matomo's
//     second, raw pass turns these into booleans and null, and numeric
//     strings into numbers, which prints the same;
//   - html_entity_decode($value, ENT_COMPAT, 'UTF-8') runs on every value,
//     because Matomo writes values HTML-encoded.
//
// ${NAME} in a value reads the environment variable NAME. An unquoted PHP
// constant name is replaced only for the constants in phpConstants.
//
// A syntax error is a *SyntaxError that names the line and column but never
// the text, which may be a password.
//
// NOTE: The syntax is that of PHP 8.2. PHP before 8.1 read backslashes in
// double-quoted values differently, PHP 8.3 added ${NAME:-default}, and
// later scanners reject ']' in key names, so such files read differently
// there. Matomo 5 runs on PHP 7.2.5 and later.
func ParseINI(data []byte) (*INI, error) {
	return parseINI(data, lookupEnv)
}

func parseINI(data []byte, getenv func(string) (string, bool)) (*INI, error) {
	buf := make([]byte, 0, len(data)+1)
	buf = append(buf, data...)
	buf = append(buf, '\n')
	if i := bytes.IndexByte(buf, 0); i >= 0 {
		buf = buf[:i]
	}
	p := &parser{
		data:   data,
		sc:     &scanner{buf: buf},
		root:   newPHPArray(),
		getenv: getenv,
	}
	if err := p.parse(); err != nil {
		return nil, err
	}
	decodeEntities(p.root)
	return &INI{root: p.root}, nil
}

func decodeEntities(a *phpArray) {
	for i, v := range a.vals {
		if v.arr != nil {
			decodeEntities(v.arr)
			continue
		}
		a.vals[i].str = htmlEntityDecode(v.str)
	}
}

// Sections returns the section names in file order.
func (f *INI) Sections() []string {
	var names []string
	for i, k := range f.root.keys {
		if f.root.vals[i].arr != nil {
			names = append(names, k.String())
		}
	}
	return names
}

// Keys returns the keys of section in file order, nil when the section is
// missing.
func (f *INI) Keys(section string) []string {
	s := f.section(section)
	if s == nil {
		return nil
	}
	keys := make([]string, len(s.keys))
	for i, k := range s.keys {
		keys[i] = k.String()
	}
	return keys
}

// Has reports whether section contains key, with a scalar or an array value.
func (f *INI) Has(section, key string) bool {
	_, ok := f.lookup(section, key)
	return ok
}

// Get returns the scalar value of key. It returns false when the key is
// missing or holds an array.
func (f *INI) Get(section, key string) (string, bool) {
	v, ok := f.lookup(section, key)
	if !ok || v.arr != nil {
		return "", false
	}
	return v.str, true
}

// List returns the values of an array key in file order. It returns false
// when the key is missing or holds a scalar.
func (f *INI) List(section, key string) ([]string, bool) {
	v, ok := f.lookup(section, key)
	if !ok || v.arr == nil {
		return nil, false
	}
	return arrayStrings(v.arr), true
}

// Map returns an array key as a map from sub-key to value. Nested arrays,
// which INI syntax cannot create, are left out.
func (f *INI) Map(section, key string) (map[string]string, bool) {
	v, ok := f.lookup(section, key)
	if !ok || v.arr == nil {
		return nil, false
	}
	return arrayMap(v.arr), true
}

// Global returns a scalar key written before the first section.
func (f *INI) Global(key string) (string, bool) {
	v, ok := f.root.get(symtableKey(key))
	if !ok || v.arr != nil {
		return "", false
	}
	return v.str, true
}

func (f *INI) section(name string) *phpArray {
	v, ok := f.root.get(symtableKey(name))
	if !ok {
		return nil
	}
	return v.arr
}

func (f *INI) lookup(section, key string) (phpValue, bool) {
	s := f.section(section)
	if s == nil {
		return phpValue{}, false
	}
	return s.get(symtableKey(key))
}

func arrayStrings(a *phpArray) []string {
	out := make([]string, 0, a.len())
	for _, v := range a.vals {
		if v.arr == nil {
			out = append(out, v.str)
		}
	}
	return out
}

func arrayMap(a *phpArray) map[string]string {
	out := make(map[string]string, a.len())
	for i, k := range a.keys {
		if a.vals[i].arr == nil {
			out[k.String()] = a.vals[i].str
		}
	}
	return out
}
