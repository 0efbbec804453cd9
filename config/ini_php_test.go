package config

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Differential tests: ParseINI against Matomo's reader running on PHP 8.2.
//
// Every corpus file under testdata/ini must give the same result on both
// sides. There are two known differences from PHP 8.2. Both are choices,
// each pinned by a unit test in ini_test.go, and the corpus avoids them:
//
//   - ${NAME} reads only the environment. PHP first looks NAME up among the
//     php.ini directives of the process (the test runs php -n, which leaves
//     only the CLI's own defaults such as display_errors).
//     Pinned by TestParseINIVariableReadsEnvironmentOnly.
//   - An unquoted name of a PHP constant is replaced only for the constants in
//     phpConstants (E_ALL, PHP_EOL, ...). PHP_VERSION and every other name
//     stays as written. Pinned by TestParseINIUnknownConstantStays.
//
// Other PHP versions read some files differently: PHP 8.3 added
// ${NAME:-default}, the scanner of later php-src versions no longer accepts
// ']' in key names, and PHP before 8.1 treated backslashes in double-quoted
// values differently.

func TestParseINIMatchesPHPOnCorpus(t *testing.T) {
	php := requirePHP(t)
	files, err := filepath.Glob(filepath.Join("..", "testdata", "ini", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("corpus has %d files, expected at least 20 under testdata/ini", len(files))
	}
	compareWithPHP(t, php, files, false)
}

// iniPieces are fragments that the generator strings together: every
// character class the PHP scanner treats specially, keywords, entities and
// whole lines in the shape Matomo writes.
var iniPieces = []string{
	"a", "key", "General", "x.y", "k-1", "5", "-5", "05", "0", "-0", "+7", "-010", "1.5", ".5", "9223372036854775808",
	" ", "  ", "\t", "=", " = ", "\"", "'", "[", "]", "[]", "[x]", ";", "; c", "#", "\n", "\n", "\n", "\r\n", "\r",
	"${", "}", "${MATOMO_INI_TEST_VAR}", "${MATOMO_INI_TEST_AMP}", "${UNSET_VAR_X}", "$", "\\", "\\\"", "\\\\",
	"&", "|", "^", "~", "!", "(", ")", "{", ":", ",", "@", "?", "/", "*", "%", "<", ">", "+", "-", ".",
	"on", "off", "yes", "no", "none", "null", "true", "false", "TRUE", "Off", "nulls", "yesterday",
	"E_ALL", "E_NOTICE", "PHP_EOL", "DIRECTORY_SEPARATOR",
	"&amp;", "&quot;", "&#36;", "&lt;", "&eacute;", "&Eacute;", "&#39;", "&apos;", "&#x41;", "&#0;", "&#128;",
	"&#xD800;", "&amp", "&#;", "&nbsp;", "&euro;",
	"\xEF\xBB\xBF", "é", "\xff", "\v", "\f",
	"[General]\n", "[database]\n", "key = value\n", "password = \"p&amp;ss&quot;&#36;1\"\n", "Plugins[] = \"CoreHome\"\n",
	"trusted_hosts[] = \"a.example\"\n", "m[sub] = \"v\"\n", "m[] = x\n", "n = 123456\n", "; <?php exit; ?> DO NOT REMOVE THIS LINE\n",
}

// iniKeys and iniValueParts build well-formed looking lines, so that most
// generated files parse and their values get compared.
var (
	iniKeys        = []string{"a", "key", "x.y", "5", "-5", "05", "-0", "+7", "-010", "Plugins[]", "m[]", "m[sub]", "m[5]", "m[E_ALL]", "m[\"q\"]", "m[ ]", "m[${MATOMO_INI_TEST_VAR}]", "m[true]", "m[null]", "0[]", "k]k", "k'k", "k.5"}
	iniValueParts  = []string{"", "x", " ", "\t", "\"q\"", "\"\"", "'r'", "\"a\\\\b\"", "\"a\\\"b\"", "\"C:\\dir\\\"", "$", "${MATOMO_INI_TEST_VAR}", "\"${MATOMO_INI_TEST_AMP}\"", "${UNSET_VAR_X}", "&amp;", "&#36;", "&quot;", "&#39;", "&eacute;", "\"&lt;&#x41;&apos;\"", "1", "-1", "1.5", "0x1A", "on", "off", "null", "yes", "E_ALL", "PHP_EOL", "é", "\"multi\nline\"", "'raw\nline'", "\"$\"", "\"\\$\"", "a#b"}
	iniQuotedParts = []string{"x", " ", "\t", "\\\"", "\\\\", "\\", "\\$", "$", "${MATOMO_INI_TEST_VAR}", "'", ";", "=", "&", "!", "[", "]",
		"&amp;", "&amp", "&#36;", "&quot;", "&#39;", "&#x27;", "&apos;", "&eacute;", "&Eacute;", "&lt;", "&#0;", "&#128;", "&#x9f;", "&#xA0;",
		"&#xD800;", "&#x10FFFF;", "&#x110000;", "&#x0x41;", "&#;", "&#x;", "&;", "&nbsp;", "&euro;", "&zwj;", "&AMP;", "\n", "\r\n", "é"}
	iniRiskyParts = []string{"\"", "'", "\\", "&", "|", "~", "!", "(", ")", "=", "[", "]", "{", "}", "\n", ";c", "$\\", "\x00"}
)

// generateINI writes either random lines of key, '=' and value parts, or 1
// to 40 random pieces.
func generateINI(r *rand.Rand) []byte {
	var b strings.Builder
	if r.IntN(2) == 0 {
		if r.IntN(3) == 0 {
			b.WriteString("[S" + iniKeys[r.IntN(len(iniKeys))] + "]\n")
		}
		for range 1 + r.IntN(6) {
			b.WriteString(iniKeys[r.IntN(len(iniKeys))])
			b.WriteString([]string{" = ", "=", " =", "\t=\t"}[r.IntN(4)])
			if r.IntN(3) == 0 {
				b.WriteString("\"")
				for range r.IntN(6) {
					b.WriteString(iniQuotedParts[r.IntN(len(iniQuotedParts))])
				}
				b.WriteString("\"")
			}
			for range r.IntN(5) {
				if r.IntN(8) == 0 {
					b.WriteString(iniRiskyParts[r.IntN(len(iniRiskyParts))])
				} else {
					b.WriteString(iniValueParts[r.IntN(len(iniValueParts))])
				}
			}
			b.WriteString([]string{"\n", "\r\n", "\r", " ; comment\n"}[r.IntN(4)])
		}
		return []byte(b.String())
	}
	n := 1 + r.IntN(40)
	for range n {
		b.WriteString(iniPieces[r.IntN(len(iniPieces))])
	}
	if r.IntN(50) == 0 {
		b.WriteByte(0)
		b.WriteString(iniPieces[r.IntN(len(iniPieces))])
	}
	return []byte(b.String())
}

// TestParseINIMatchesPHPOnGeneratedInput compares 3000 generated files. A
// failure prints the input. INI_DIFF_SEED=<number> runs another sample.
func TestParseINIMatchesPHPOnGeneratedInput(t *testing.T) {
	php := requirePHP(t)
	count := 3000
	if testing.Short() {
		count = 300
	}
	seed := uint64(20240601)
	if s := os.Getenv("INI_DIFF_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	r := rand.New(rand.NewPCG(seed, seed))
	dir := t.TempDir()
	files := make([]string, count)
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("gen%05d.ini", i))
		if err := os.WriteFile(files[i], generateINI(r), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	compareWithPHP(t, php, files, true)
}

// PHP's parser fails with "memory exhausted" when its stack reaches 10000
// entries. These inputs sit around that limit in several shapes.
func TestParseINIMatchesPHPOnDeepNesting(t *testing.T) {
	php := requirePHP(t)
	shapes := []func(n int) string{
		func(n int) string { return "a = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) },
		func(n int) string { return "a = " + strings.Repeat("~", n) + "1" },
		func(n int) string { return "[S]\na = " + strings.Repeat("!", n) + "1 2" },
		func(n int) string {
			return "a[] = " + strings.Repeat("(", n) + `"x${MATOMO_INI_TEST_VAR}"` + strings.Repeat(")", n)
		},
		func(n int) string { return "a = " + strings.Repeat("(", n) + "1|~~~2" + strings.Repeat(")", n) },
		func(n int) string { return "a = 1 | " + strings.Repeat("~", n) + "2" },
		func(n int) string { return "x[k] = " + strings.Repeat("!", n) + `"q" 'r'` },
	}
	dir := t.TempDir()
	var files []string
	for i, shape := range shapes {
		for n := 9988; n <= 9998; n++ {
			file := filepath.Join(dir, fmt.Sprintf("deep-%d-%d.ini", i, n))
			if err := os.WriteFile(file, []byte(shape(n)+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			files = append(files, file)
		}
	}
	compareWithPHP(t, php, files, false)
}
