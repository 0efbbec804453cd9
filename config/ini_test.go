package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, src string) *INI {
	t.Helper()
	f, err := parseINI([]byte(src), func(name string) (string, bool) {
		v, ok := phpTestEnv[name]
		return v, ok
	})
	if err != nil {
		t.Fatalf("ParseINI(%q): %v", src, err)
	}
	return f
}

func TestParseINIValues(t *testing.T) {
	tests := []struct {
		name string
		src  string
		key  string // in section [S]
		want string
	}{
		{"guard line", "; <?php exit; ?> DO NOT REMOVE THIS LINE\n[S]\nk = 1", "k", "1"},
		{"guard without space", ";<?php exit; ?>\n[S]\nk = 1", "k", "1"},
		{"guard with die", "; <?php die(); ?> trailing text\n[S]\nk = 1", "k", "1"},
		{"double quoted", `[S]` + "\n" + `k = "a b"`, "k", "a b"},
		{"escaped quote", `[S]` + "\n" + `k = "a\"b"`, "k", `a"b`},
		{"escaped backslash", `[S]` + "\n" + `k = "a\\b"`, "k", `a\b`},
		{"other backslash stays", `[S]` + "\n" + `k = "a\nb"`, "k", `a\nb`},
		{"escaped dollar", `[S]` + "\n" + `k = "\$x"`, "k", `$x`},
		{"windows path ends at quote", `[S]` + "\n" + `k = "C:\dir\"` + "\nj = 2", "k", `C:\dir\`},
		{"unquoted backslash", `[S]` + "\n" + `k = PDO\MYSQL`, "k", `PDO\MYSQL`},
		{"single quotes are raw", `[S]` + "\n" + `k = 'a\"$'`, "k", `a\"$`},
		{"adjacent pieces concatenate", `[S]` + "\n" + `k = "a" b 'c'`, "k", "ab c"},
		{"html entities", `[S]` + "\n" + `k = "p&amp;ss&quot;&#36;1&lt;&eacute;"`, "k", `p&ss"$1<é`},
		{"apostrophe entities stay", `[S]` + "\n" + `k = "&#39;&apos;"`, "k", "&#39;&apos;"},
		{"entity needs semicolon", `[S]` + "\n" + `k = "a&amp b"`, "k", "a&amp b"},
		{"unquoted number", "[S]\nk = 123456", "k", "123456"},
		{"semicolon starts comment", "[S]\nk = abc ; note", "k", "abc"},
		{"semicolon without space", "[S]\nk = 0;", "k", "0"},
		{"hash is text", "[S]\nk = abc#def", "k", "abc#def"},
		{"semicolon in quotes", `[S]` + "\n" + `k = "a;b"`, "k", "a;b"},
		{"inner spaces kept", "[S]\nk =   a   b   ", "k", "a   b"},
		{"empty", "[S]\nk =", "k", ""},
		{"on", "[S]\nk = on", "k", "1"},
		{"yes upper", "[S]\nk = YES", "k", "1"},
		{"true mixed", "[S]\nk = True", "k", "1"},
		{"off", "[S]\nk = off", "k", ""},
		{"no", "[S]\nk = no", "k", ""},
		{"none", "[S]\nk = none", "k", ""},
		{"null", "[S]\nk = null", "k", ""},
		{"quoted on stays", `[S]` + "\n" + `k = "on"`, "k", "on"},
		{"keyword prefix is text", "[S]\nk = yesterday", "k", "yesterday"},
		{"env unquoted", "[S]\nk = ${MATOMO_INI_TEST_VAR}", "k", "from-env"},
		{"env quoted", `[S]` + "\n" + `k = "x-${MATOMO_INI_TEST_VAR}-y"`, "k", "x-from-env-y"},
		{"env unset", "[S]\nk = ${MATOMO_INI_TEST_UNSET}", "k", ""},
		{"env value is entity-decoded", `[S]` + "\n" + `k = "${MATOMO_INI_TEST_AMP}"`, "k", "a&b"},
		{"bitwise operators", "[S]\nk = E_ALL & ~E_NOTICE", "k", "32759"},
		{"unquoted ampersand is an operator", "[S]\nk = pa&ss", "k", "0"},
		{"key with dots", "[S]\nmail.from = x", "mail.from", "x"},
		{"BOM", "\xEF\xBB\xBF[S]\nk = 1", "k", "1"},
		{"CRLF", "[S]\r\nk = \"v\"\r\nj = 2\r\n", "k", "v"},
		{"CR only", "[S]\rk = v\rj = 2", "k", "v"},
		{"NUL ends the input", "[S]\nk = v\n\x00k = w", "k", "v"},
		{"later key wins", "[S]\nk = 1\nk = 2", "k", "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustParse(t, tt.src)
			got, ok := f.Get("S", tt.key)
			if !ok {
				t.Fatalf("key %q missing; sections %v, keys %v", tt.key, f.Sections(), f.Keys("S"))
			}
			if got != tt.want {
				t.Errorf("value = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseINIListsAndMaps(t *testing.T) {
	f := mustParse(t, `[S]
l[] = "a"
l[] = b
l[] = "c"
i[5] = "five"
i[] = "six"
m[BTC] = "Bitcoin"
m["x y"] = "quoted"
m[01] = "leading zero"
`)
	if got, _ := f.List("S", "l"); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("List(l) = %q", got)
	}
	if got, _ := f.Map("S", "i"); !reflect.DeepEqual(got, map[string]string{"5": "five", "6": "six"}) {
		t.Errorf("Map(i) = %q", got)
	}
	want := map[string]string{"BTC": "Bitcoin", "x y": "quoted", "01": "leading zero"}
	if got, _ := f.Map("S", "m"); !reflect.DeepEqual(got, want) {
		t.Errorf("Map(m) = %q, want %q", got, want)
	}
	if _, ok := f.Get("S", "l"); ok {
		t.Error("Get on a list reported a scalar")
	}
	if _, ok := f.List("S", "missing"); ok {
		t.Error("List on a missing key reported a list")
	}
}

func TestParseINISections(t *testing.T) {
	f := mustParse(t, "top = 1\n[B]\nb = 1\n[A]\na = 1\n[B]\nc = 1\n")
	if got := f.Sections(); !reflect.DeepEqual(got, []string{"B", "A"}) {
		t.Errorf("Sections() = %q, want [B A]", got)
	}
	if f.Has("B", "b") {
		t.Error("a repeated [B] kept the keys of the first one, but PHP replaces the section")
	}
	if !f.Has("B", "c") {
		t.Error("key of the repeated [B] missing")
	}
	if got, ok := f.Global("top"); !ok || got != "1" {
		t.Errorf("Global(top) = %q, %v", got, ok)
	}
	if got := f.Keys("missing"); got != nil {
		t.Errorf("Keys(missing) = %q", got)
	}
}

// PHP looks ${NAME} up among php.ini directives before the environment. The
// exporter has no php.ini to consult.
func TestParseINIVariableReadsEnvironmentOnly(t *testing.T) {
	t.Setenv("MATOMO_INI_TEST_DIRECTIVE", "env-value")
	f, err := ParseINI([]byte("[S]\na = ${MATOMO_INI_TEST_DIRECTIVE}\nb = ${display_errors}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Get("S", "a"); got != "env-value" {
		t.Errorf("a = %q, want env-value", got)
	}
	if got, _ := f.Get("S", "b"); got != "" {
		t.Errorf("b = %q, want empty (PHP CLI would give its display_errors setting)", got)
	}
}

// Only the constants in phpConstants are replaced. PHP would print its
// version for PHP_VERSION.
func TestParseINIUnknownConstantStays(t *testing.T) {
	f := mustParse(t, "[S]\nv = PHP_VERSION\ne = PHP_EOL\n")
	if got, _ := f.Get("S", "v"); got != "PHP_VERSION" {
		t.Errorf("v = %q, want PHP_VERSION", got)
	}
	if got, _ := f.Get("S", "e"); got != "\n" {
		t.Errorf("e = %q, want a line break", got)
	}
}

func TestParseINISyntaxErrors(t *testing.T) {
	const secret = "Sup3rS3cret"
	tests := []struct {
		name       string
		src        string
		line, col  int
		msgContain string
	}{
		{"unterminated double quote", "[database]\nhost = x\npassword = \"" + secret + "\ndbname = y\n", 3, 12, "double-quoted value is not closed"},
		{"bad section header", "[database\npassword = " + secret + "\n", 1, 1, "section header is not closed"},
		{"equals in value", "[S]\npassword = " + secret + "=x\n", 2, 23, "unexpected '='"},
		{"operator in value", "[S]\npassword = (" + secret + "\n", 2, 24, "expected ')'"},
		{"unterminated single quote", "[S]\npassword = '" + secret + "\n", 2, 12, "' quote"},
		{"keyword as key", "[S]\nyes = " + secret + "\n", 2, 1, "cannot be used as key names"},
		{"variable not closed", "[S]\npassword = ${" + secret + "\n", 2, 12, "'${' is not closed"},
		{"array key not closed", "[S]\nk[" + secret + " = 1\n", 2, 1, "array key after '[' is not closed"},
		{"missing = after array key", "[S]\nk[]\n", 2, 4, "expected '=' after the array key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseINI([]byte(tt.src))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want a *SyntaxError", err)
			}
			if se.Line != tt.line || se.Column != tt.col {
				t.Errorf("position = line %d, column %d, want line %d, column %d (%v)", se.Line, se.Column, tt.line, tt.col, err)
			}
			if !strings.Contains(se.Msg, tt.msgContain) {
				t.Errorf("message %q does not contain %q", se.Msg, tt.msgContain)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error %q contains the value", err)
			}
		})
	}
}

// The corpus files named broken-* must fail and every other one must parse,
// with or without PHP installed.
func TestParseINICorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "ini", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus under testdata/ini: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseINI(data)
		broken := strings.HasPrefix(filepath.Base(file), "broken-")
		if broken && err == nil {
			t.Errorf("%s parsed, want a syntax error", filepath.Base(file))
		}
		if !broken && err != nil {
			t.Errorf("%s: %v", filepath.Base(file), err)
		}
	}
}

func FuzzParseINI(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "ini", "*"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{"", "[", "a=", "a[", "${", "'", "\"", "a = $\\", "[a]\n\\", "a = \"x\\", "\xEF\xBB\xBF"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		first, err1 := ParseINI(data)
		second, err2 := ParseINI(data)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("two parses disagree: %v, %v", err1, err2)
		}
		if err1 != nil {
			var se *SyntaxError
			if !errors.As(err1, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err1)
			}
			lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
			if se.Line < 1 || se.Line > lines || se.Column < 1 {
				t.Fatalf("position line %d, column %d outside the input (%d lines)", se.Line, se.Column, lines)
			}
			return
		}
		if !reflect.DeepEqual(dumpTree(first.root), dumpTree(second.root)) {
			t.Fatal("two parses of the same input differ")
		}
		for _, s := range first.Sections() {
			for _, k := range first.Keys(s) {
				first.Get(s, k)
				first.List(s, k)
				first.Map(s, k)
			}
		}
	})
}
