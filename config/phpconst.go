package config

import "strings"

// phpConstants are the PHP constants an unquoted INI value may name, for
// example `error_level = E_ALL`. PHP replaces such a name with the
// constant's value (zend_ini_get_constant). The values are those of 64-bit
// PHP 8.2 on Linux.
//
// NOTE: PHP defines thousands of constants, including those of loaded
// extensions and those Matomo defines before it reads its configuration
// (PIWIK_INCLUDE_PATH, PIWIK_USER_PATH, ...). Names missing here stay as
// they are, so an unquoted value spelled like one of those constants reads
// differently from PHP. Matomo itself always writes strings in double quotes,
// where no lookup happens.
var phpConstants = map[string]string{
	"E_ERROR":             "1",
	"E_WARNING":           "2",
	"E_PARSE":             "4",
	"E_NOTICE":            "8",
	"E_CORE_ERROR":        "16",
	"E_CORE_WARNING":      "32",
	"E_COMPILE_ERROR":     "64",
	"E_COMPILE_WARNING":   "128",
	"E_USER_ERROR":        "256",
	"E_USER_WARNING":      "512",
	"E_USER_NOTICE":       "1024",
	"E_STRICT":            "2048",
	"E_RECOVERABLE_ERROR": "4096",
	"E_DEPRECATED":        "8192",
	"E_USER_DEPRECATED":   "16384",
	"E_ALL":               "32767",
	"PHP_EOL":             "\n",
	"PHP_INT_MAX":         "9223372036854775807",
	"PHP_INT_MIN":         "-9223372036854775808",
	"PHP_INT_SIZE":        "8",
	"PHP_OS":              "Linux",
	"PHP_OS_FAMILY":       "Linux",
	"PHP_MAXPATHLEN":      "4096",
	"DIRECTORY_SEPARATOR": "/",
	"PATH_SEPARATOR":      ":",
}

// phpConstant returns the value of the constant name, or name itself when it
// is not a known constant. true, false and null are matched without regard
// to case, as PHP does; they only reach this point inside `key[...]`.
func phpConstant(name string) string {
	switch strings.ToLower(name) {
	case "true":
		return "1"
	case "false", "null":
		return ""
	}
	if v, ok := phpConstants[name]; ok {
		return v
	}
	return name
}
