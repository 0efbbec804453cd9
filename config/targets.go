package config

import (
	"fmt"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/ini.v1"
)

// Target is one Matomo instance of the multi-target /probe endpoint.
type Target struct {
	Name string
	// ConfigFile is the instance's config/config.ini.php.
	ConfigFile string
	// Root is the Matomo directory; "" means two levels up from ConfigFile.
	Root string
	// URL is the base URL of the instance's web interface and HTTP API.
	URL string
	// TokenFile contains a token_auth for the HTTP API.
	TokenFile string
	// CredentialsFile is a MySQL option file with a read-only account.
	CredentialsFile string
}

var targetKeys = []string{"config_file", "root", "url", "token_file", "credentials_file"}

// LoadTargets reads the targets file: one INI section per instance, named
// with letters, digits, '.', '_' and '-', and the keys config_file, root,
// url, token_file and credentials_file. Each section needs config_file or
// url. Relative paths are relative to the directory of the targets file.
//
//	[shop]
//	config_file = /var/www/shop/config/config.ini.php
//	credentials_file = /etc/matomo-exporter/shop.cnf
//
//	[cloud]
//	url = https://example.matomo.cloud/
//	token_file = /etc/matomo-exporter/cloud.token
func LoadTargets(path string) (map[string]Target, error) {
	data, err := readConfigFile(path)
	if err != nil {
		return nil, fmt.Errorf("read targets file: %w", err)
	}
	f, err := ini.LoadSources(ini.LoadOptions{
		AllowNonUniqueSections:   true,
		AllowShadows:             true,
		KeyValueDelimiters:       "=",
		SpaceBeforeInlineComment: true,
	}, data)
	if err != nil {
		return nil, fmt.Errorf("parse targets file %s: %w", path, err)
	}
	base := filepath.Dir(path)
	targets := map[string]Target{}
	for _, s := range f.Sections() {
		name := s.Name()
		if name == ini.DefaultSection {
			if keys := s.KeyStrings(); len(keys) > 0 {
				return nil, fmt.Errorf("targets file %s: key %q is outside a section: put it under a [target-name] line", path, keys[0])
			}
			continue
		}
		if _, dup := targets[name]; dup {
			return nil, fmt.Errorf("targets file %s: section [%s] appears twice: give each target a unique name", path, name)
		}
		t, err := parseTarget(s, base)
		if err != nil {
			return nil, fmt.Errorf("targets file %s: %w", path, err)
		}
		targets[name] = t
	}
	if len(targets) == 0 {
		return nil, fmt.Errorf("targets file %s defines no target: add a [name] section with config_file or url", path)
	}
	return targets, nil
}

func parseTarget(s *ini.Section, base string) (Target, error) {
	name := s.Name()
	if !validTargetName(name) {
		return Target{}, fmt.Errorf("invalid target name [%s]: use letters, digits, '.', '_' and '-'", name)
	}
	t := Target{Name: name}
	for _, k := range s.Keys() {
		if len(k.ValueWithShadows()) > 1 {
			return Target{}, fmt.Errorf("key %s is set twice in section [%s]: keep one", k.Name(), name)
		}
		value := strings.TrimSpace(k.String())
		switch k.Name() {
		case "config_file":
			t.ConfigFile = resolvePath(base, value)
		case "root":
			t.Root = resolvePath(base, value)
		case "url":
			t.URL = value
		case "token_file":
			t.TokenFile = resolvePath(base, value)
		case "credentials_file":
			t.CredentialsFile = resolvePath(base, value)
		default:
			known := append([]string(nil), targetKeys...)
			sort.Strings(known)
			return Target{}, fmt.Errorf("unknown key %q in section [%s]: valid keys are %s", k.Name(), name, strings.Join(known, ", "))
		}
	}
	switch {
	case t.ConfigFile == "" && t.URL == "":
		return Target{}, fmt.Errorf("section [%s] sets neither config_file nor url: set at least one", name)
	case t.Root != "" && t.ConfigFile == "":
		return Target{}, fmt.Errorf("section [%s] sets root without config_file: root is the Matomo directory of config_file", name)
	case t.CredentialsFile != "" && t.ConfigFile == "":
		return Target{}, fmt.Errorf("section [%s] sets credentials_file without config_file: the database comes from config_file", name)
	case t.TokenFile != "" && t.URL == "":
		return Target{}, fmt.Errorf("section [%s] sets token_file without url: the token is for the HTTP API at url", name)
	}
	if t.URL != "" {
		u, err := url.Parse(t.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Target{}, fmt.Errorf("section [%s]: url %q is not an http or https URL: write it as https://host/path/", name, t.URL)
		}
	}
	return t, nil
}

func validTargetName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
		default:
			return false
		}
	}
	return true
}

func resolvePath(base, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}
