package config

import (
	"fmt"
	"io"
	"os"
)

// maxConfigFileBytes bounds every file this package reads. Matomo's own
// config files are far smaller, so a larger file is a mistake, and parsing
// it on every scrape would cost seconds and hundreds of MiB.
const maxConfigFileBytes = 4 << 20

// readConfigFile reads a regular file of at most maxConfigFileBytes. A FIFO
// or device would block the scrape until it is written to, so only regular
// files are opened for reading. Errors wrap the fs errors, so callers can
// still tell a missing file from an unreadable one.
func readConfigFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (mode %s)", path, info.Mode().Type())
	}
	if info.Size() > maxConfigFileBytes {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d this exporter reads; point it at Matomo's config file", path, info.Size(), maxConfigFileBytes)
	}

	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxConfigFileBytes+1))
}
