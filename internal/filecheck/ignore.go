package filecheck

import "strings"

// ignorePatterns are the files Matomo's integrity check expects outside the
// manifest: the fileintegrity.ignore list of config/global.php in
// matomo-org/matomo 5.2.0-b5. Matomo matches them with PHP's fnmatch and
// FNM_CASEFOLD but without FNM_PATHNAME, so "*" also matches "/" and
// "tmp/*" covers the whole tmp tree.
var ignorePatterns = []string{
	"*.htaccess",
	"*web.config",
	"bootstrap.php",
	"favicon.ico",
	"robots.txt",
	".bowerrc",
	".lfsconfig",
	".phpstorm.meta.php",
	"config/config.ini.php",
	"config/config.php",
	"config/common.ini.php",
	"config/*.config.ini.php",
	"config/manifest.inc.php",
	"misc/*.dat",
	"misc/*.dat.gz",
	"misc/*.mmdb",
	"misc/*.mmdb.gz",
	"misc/*.bin",
	"misc/user/*png",
	"misc/user/*svg",
	"misc/user/*js",
	"misc/user/*/config.ini.php",
	"misc/package",
	"misc/package/WebAppGallery/*.xml",
	"misc/package/WebAppGallery/install.sql",
	"plugins/ImageGraph/fonts/unifont.ttf",
	"plugins/*/config/tracker.php",
	"plugins/*/config/config.php",
	"vendor/autoload.php",
	"vendor/composer/autoload_real.php",
	"vendor/szymach/c-pchart/app/*",
	"tmp/*",
	// Search engine site verification.
	"google*.html",
	"BingSiteAuth.xml",
	"yandex*.html",
	// Common on shared hosting.
	"php.ini",
	".user.ini",
	"error_log",
	// Left over from older Piwik releases and harmless.
	"*.coveralls.yml",
	"*.scrutinizer.yml",
	"*.gitignore",
	"*.gitkeep",
	"*.gitmodules",
	"*.gitattributes",
	"*.git-blame-ignore-revs",
	"*.bower.json",
	"*.travis.yml",
}

// ignoredPrefixes are the literal prefixes of the patterns that end in
// "/*" with no other wildcard: every path below such a prefix is ignored,
// so the walk need not enter the directory at all.
var ignoredPrefixes = func() []string {
	var out []string
	for _, p := range ignorePatterns {
		prefix, ok := strings.CutSuffix(p, "*")
		if ok && strings.HasSuffix(prefix, "/") && !strings.ContainsAny(prefix, "*?[") {
			out = append(out, asciiLower(prefix))
		}
	}
	return out
}()

var lowerIgnorePatterns = func() []string {
	out := make([]string, len(ignorePatterns))
	for i, p := range ignorePatterns {
		out[i] = asciiLower(p)
	}
	return out
}()

// isIgnored reports whether Matomo expects the file although the manifest
// does not list it.
func isIgnored(path string) bool {
	lower := asciiLower(path)
	for _, p := range lowerIgnorePatterns {
		if wildcardMatch(p, lower) {
			return true
		}
	}
	return false
}

// isIgnoredDir reports whether every path below dir is ignored.
func isIgnoredDir(dir string) bool {
	lower := asciiLower(dir) + "/"
	for _, prefix := range ignoredPrefixes {
		if strings.HasPrefix(lower, prefix) {
			return true
		}
	}
	return false
}

// wildcardMatch matches like fnmatch without flags: "*" matches any run of
// bytes including "/", "?" matches one byte, everything else matches
// itself. Bracket expressions are not supported because no ignore pattern
// uses them.
func wildcardMatch(pattern, name string) bool {
	p, n := 0, 0
	starP, starN := -1, 0
	for n < len(name) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == name[n]):
			p++
			n++
		case p < len(pattern) && pattern[p] == '*':
			starP, starN = p, n
			p++
		case starP >= 0:
			starN++
			p, n = starP+1, starN
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// asciiLower folds ASCII letters only, as FNM_CASEFOLD does in the C locale.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
