package config

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// phpReader is the PHP reference for the differential tests. For each file
// named on the command line it prints one JSON line with what Matomo 5 reads
// from that file on PHP 8.2. It runs IniReader::readString from matomo/ini
// 3.0, which calls parse_ini_string with INI_SCANNER_NORMAL and then a raw
// pass that restores booleans, null and numbers. IniFileChain::decodeValues
// (html_entity_decode) follows. Values are printed as PHP casts them to
// string, keys with their PHP type, and both base64-encoded so that any
// bytes survive.
const phpReader = `
function matomo_decode($value, $raw) {
    if (is_array($value)) {
        foreach ($value as $i => &$sub) {
            $subRaw = is_array($raw) && array_key_exists($i, $raw) ? $raw[$i] : $sub;
            $sub = matomo_decode($sub, $subRaw);
        }
        return $value;
    }
    if (!is_string($value)) {
        return $value;
    }
    if ($value === '1' && in_array($raw, ['true', 'yes', 'on'], true)) {
        $value = true;
    } elseif ($value === '' && in_array($raw, ['false', 'no', 'off'], true)) {
        $value = false;
    } elseif ($value === '' && $raw === 'null') {
        $value = null;
    }
    if (is_string($value) && is_numeric($value) && (string) ($value + 0) === $value) {
        return $value + 0;
    }
    return $value;
}
function html_decode_all($value) {
    if (is_array($value)) {
        foreach ($value as &$sub) {
            $sub = html_decode_all($sub);
        }
        return $value;
    }
    return is_string($value) ? html_entity_decode($value, ENT_COMPAT, 'UTF-8') : $value;
}
function dump_tree($a) {
    $out = [];
    foreach ($a as $k => $v) {
        $out[] = [is_int($k) ? 'i' : 's', base64_encode((string) $k),
            is_array($v) ? dump_tree($v) : base64_encode((string) $v)];
    }
    return $out;
}
foreach (array_slice($argv, 1) as $file) {
    $ini = file_get_contents($file) . "\n";
    $parsed = @parse_ini_string($ini, true);
    if ($parsed === false) {
        echo json_encode(['error' => true]), "\n";
        continue;
    }
    $raw = @parse_ini_string($ini, true, INI_SCANNER_RAW);
    $parsed = matomo_decode($parsed, $raw === false ? $parsed : $raw);
    echo json_encode(['tree' => dump_tree(html_decode_all($parsed))]), "\n";
}
`

// phpTestEnv is set for PHP and Go alike, so ${MATOMO_INI_TEST_VAR} in the
// corpus reads the same value on both sides.
var phpTestEnv = map[string]string{
	"MATOMO_INI_TEST_VAR":   "from-env",
	"MATOMO_INI_TEST_EMPTY": "",
	"MATOMO_INI_TEST_AMP":   "a&amp;b",
}

type phpResult struct {
	Error bool `json:"error"`
	Tree  any  `json:"tree"`
}

// requirePHP skips the test when php-cli is missing.
func requirePHP(t testing.TB) string {
	t.Helper()
	php, err := exec.LookPath("php")
	if err != nil {
		t.Skip("php-cli not installed: apt-get install -y php-cli")
	}
	return php
}

// runPHPReader runs phpReader on files in one PHP process. PHP runs with -n
// so that no php.ini directive supplies the value of a ${NAME} reference.
func runPHPReader(t testing.TB, php string, files []string) []phpResult {
	t.Helper()
	var results []phpResult
	const batch = 500
	for start := 0; start < len(files); start += batch {
		end := min(start+batch, len(files))
		args := append([]string{"-n", "-r", phpReader, "--"}, files[start:end]...)
		cmd := exec.Command(php, args...)
		cmd.Env = os.Environ()
		for k, v := range phpTestEnv {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("php reference reader failed: %v\n%s", err, stderr.String())
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var r phpResult
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("php output is not JSON: %v: %q", err, sc.Text())
			}
			results = append(results, r)
		}
		if got := len(results); got != end {
			t.Fatalf("php printed %d results for %d files\n%s", got, end, stderr.String())
		}
	}
	return results
}

// goResult parses data with ParseINI and returns it in phpReader's form.
func goResult(data []byte) phpResult {
	f, err := parseINI(data, func(name string) (string, bool) {
		if v, ok := phpTestEnv[name]; ok {
			return v, true
		}
		return os.LookupEnv(name)
	})
	if err != nil {
		return phpResult{Error: true}
	}
	// Round-trip through JSON so both sides have the same dynamic types.
	raw, _ := json.Marshal(dumpTree(f.root))
	var tree any
	_ = json.Unmarshal(raw, &tree)
	return phpResult{Tree: tree}
}

func dumpTree(a *phpArray) []any {
	out := make([]any, 0, a.len())
	enc := base64.StdEncoding.EncodeToString
	for i, k := range a.keys {
		kind := "s"
		if k.isInt {
			kind = "i"
		}
		v := a.vals[i]
		if v.arr != nil {
			out = append(out, []any{kind, enc([]byte(k.String())), dumpTree(v.arr)})
		} else {
			out = append(out, []any{kind, enc([]byte(k.String())), enc([]byte(v.str))})
		}
	}
	return out
}

// compareWithPHP parses every file with PHP and ParseINI and reports each
// difference, with the input quoted when quote is true.
func compareWithPHP(t *testing.T, php string, files []string, quote bool) {
	t.Helper()
	want := runPHPReader(t, php, files)
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got := goResult(data)
		if got.Error != want[i].Error || !reflect.DeepEqual(got.Tree, want[i].Tree) {
			name := filepath.Base(file)
			if quote {
				name = string(data)
			}
			t.Errorf("%q: ParseINI differs from PHP\n got: %s\nwant: %s", name, showResult(got), showResult(want[i]))
		}
	}
}

// showResult prints a result with the base64 decoded, for failure messages.
func showResult(r phpResult) string {
	if r.Error {
		return "syntax error"
	}
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			if len(x) == 3 {
				if kind, ok := x[0].(string); ok && (kind == "i" || kind == "s") {
					key, _ := base64.StdEncoding.DecodeString(x[1].(string))
					if kind == "i" {
						b.WriteString(string(key))
					} else {
						b.WriteString(strconvQuote(key))
					}
					b.WriteString(": ")
					if s, ok := x[2].(string); ok {
						val, _ := base64.StdEncoding.DecodeString(s)
						b.WriteString(strconvQuote(val))
					} else {
						walk(x[2])
					}
					return
				}
			}
			b.WriteString("{")
			for i, e := range x {
				if i > 0 {
					b.WriteString(", ")
				}
				walk(e)
			}
			b.WriteString("}")
		}
	}
	walk(r.Tree)
	return b.String()
}

func strconvQuote(b []byte) string {
	q, _ := json.Marshal(string(b))
	return string(q)
}
