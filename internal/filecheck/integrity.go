package filecheck

import (
	"bytes"
	"context"
	"crypto/md5" //nolint:gosec // Matomo manifests up to 5.1 list md5 sums.
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// stamp identifies one version of a file on disk. A cached digest is
// reused only while the stamp is unchanged.
type stamp struct {
	size, mtime, ctime int64
	dev, ino           uint64
}

// digests of one file version. A nil slice means not computed yet.
type digestEntry struct {
	stamp     stamp
	algorithm Algorithm
	// raw is the digest of the bytes on disk.
	raw []byte
	// normalized is the digest after CRLF line ends became LF, and
	// normalizedSize the length after that conversion.
	normalized     []byte
	normalizedSize int64
	// run is the last run that used the entry; older entries belong to
	// files no longer checked and are dropped.
	run uint64
}

// Checker runs the integrity check on one Matomo root and caches, between
// runs, the parsed manifest and the digest of every file it hashed. An
// unchanged tree then costs one stat per manifest file and one directory
// listing per directory.
type Checker struct {
	root    string
	workers int

	// lock is held for a whole run; a second run waits, and then finds
	// the digests the first one computed.
	lock chan struct{}

	manifest      *Manifest
	manifestStamp stamp
	digests       map[string]*digestEntry
	run           uint64
}

// NewChecker returns a Checker for the Matomo installation in root.
func NewChecker(root string) *Checker {
	return &Checker{
		root: root,
		// Stat and hash calls wait on the kernel more than on a CPU, so a
		// few goroutines help even on one core. 4 is an estimate.
		workers: 4,
		lock:    make(chan struct{}, 1),
		digests: map[string]*digestEntry{},
	}
}

// Options adjust one run.
type Options struct {
	// AcceptModified reports whether a file may differ from the manifest.
	// Matomo accepts a matomo.js or piwik.js that its CustomJsTracker
	// plugin rebuilt. Nil accepts nothing.
	AcceptModified func(path string) bool
}

// Result of one integrity run. The path lists are sorted and relative to
// the Matomo root.
type Result struct {
	// ManifestFound is false when config/manifest.inc.php does not exist,
	// as in a git checkout; nothing else is then set.
	ManifestFound bool
	Algorithm     Algorithm
	// ManifestFiles is the number of files the manifest lists.
	ManifestFiles int

	// Missing are manifest files that do not exist or cannot be read.
	Missing []string
	// Modified are manifest files whose size or digest differs.
	Modified []string
	// Unexpected are files that neither the manifest nor Matomo's ignore
	// list accounts for.
	Unexpected []string
	// UnreadableDirs are directories the walk could not list; files in
	// them are not counted as unexpected.
	UnreadableDirs []string

	// Hashed is the number of files read in this run, which is 0 for a
	// tree that has not changed since the previous run.
	Hashed int
}

// Check compares the files under the root with the manifest. When ctx ends
// midway it returns ctx's error, and keeps the digests computed so far for
// the next run.
func (c *Checker) Check(ctx context.Context, opts Options) (Result, error) {
	select {
	case c.lock <- struct{}{}:
		defer func() { <-c.lock }()
	case <-ctx.Done():
		return Result{}, fmt.Errorf("waiting for another integrity check of %s: %w", c.root, ctx.Err())
	}

	m, err := c.loadManifest()
	if err != nil || m == nil {
		return Result{}, err
	}
	res := Result{ManifestFound: true, Algorithm: m.Algorithm(), ManifestFiles: len(m.Files)}

	// The walk for unexpected files and the comparison with the manifest
	// are independent and mostly wait on system calls, so they overlap.
	var walk struct {
		unexpected, unreadable []string
		err                    error
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		walk.unexpected, walk.unreadable, walk.err = c.findUnexpected(ctx, m)
	})
	compareErr := c.compare(ctx, m, opts, &res)
	wg.Wait()

	if err := errors.Join(compareErr, walk.err); err != nil {
		return res, err
	}
	res.Unexpected, res.UnreadableDirs = walk.unexpected, walk.unreadable
	return res, nil
}

// loadManifest returns the manifest, nil when it does not exist. The
// parsed form is reused while the file's stamp is unchanged.
func (c *Checker) loadManifest() (*Manifest, error) {
	file := filepath.Join(c.root, filepath.FromSlash(ManifestPath))
	fi, err := os.Stat(file)
	if errors.Is(err, fs.ErrNotExist) {
		c.manifest = nil
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the release manifest: %w", err)
	}
	st := stampOf(fi)
	if c.manifest != nil && c.manifestStamp == st {
		return c.manifest, nil
	}

	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read the release manifest: %w", err)
	}
	defer f.Close()
	m, err := ParseManifest(f)
	if err != nil {
		c.manifest = nil
		return nil, fmt.Errorf("invalid release manifest %s: %w", file, err)
	}
	c.manifest, c.manifestStamp = m, st
	return m, nil
}

// Matomo compares binary files by size alone when the size differs, and
// text files again after converting CRLF to LF (core/FileIntegrity.php).
var binaryExtensions = []string{".gif", ".ico", ".jpg", ".png", ".swf"}

type digestJob struct {
	path       string
	entry      ManifestEntry
	stamp      stamp
	normalized bool
	// cached is the previous entry for the same stamp, if any; the job
	// adds the digest it lacks.
	cached *digestEntry
}

type jobOutcome int

const (
	outcomeOK jobOutcome = iota
	outcomeMissing
	outcomeModified
)

func (c *Checker) compare(ctx context.Context, m *Manifest, opts Options, res *Result) error {
	paths := make([]string, 0, len(m.Files))
	for p := range m.Files {
		if opts.AcceptModified == nil || !opts.AcceptModified(p) {
			paths = append(paths, p)
		}
	}
	infos := make([]fs.FileInfo, len(paths))
	err := forEach(ctx, len(paths), c.workers, func(i int) error {
		// An error leaves infos[i] nil: Matomo counts the file as missing.
		infos[i], _ = os.Stat(filepath.Join(c.root, filepath.FromSlash(paths[i])))
		return nil
	})
	if err != nil {
		return fmt.Errorf("integrity check of %s stopped: %w", c.root, err)
	}

	c.run++
	var jobs []digestJob
	for i, p := range paths {
		want := m.Files[p]
		fi := infos[i]
		if fi == nil {
			res.Missing = append(res.Missing, p)
			continue
		}
		if !fi.Mode().IsRegular() {
			res.Modified = append(res.Modified, p)
			continue
		}

		st := stampOf(fi)
		normalized := st.size != want.Size
		if normalized && hasBinaryExtension(p) {
			res.Modified = append(res.Modified, p)
			continue
		}

		cached := c.digests[p]
		if cached != nil && (cached.stamp != st || cached.algorithm != want.Algorithm) {
			cached = nil
		}
		if cached != nil {
			if d, size, ok := cached.lookup(normalized); ok {
				cached.run = c.run
				if !matches(want, d, size) {
					res.Modified = append(res.Modified, p)
				}
				continue
			}
		}
		jobs = append(jobs, digestJob{path: p, entry: want, stamp: st, normalized: normalized, cached: cached})
	}

	outcomes, entries, err := c.runJobs(ctx, jobs)
	for i, job := range jobs {
		if entries[i] != nil {
			entries[i].run = c.run
			c.digests[job.path] = entries[i]
		}
	}
	if err != nil {
		// Old digests of files this run did not reach stay, so that a run
		// cut short by its deadline loses nothing.
		return err
	}
	for p, e := range c.digests {
		if e.run != c.run {
			delete(c.digests, p)
		}
	}

	for i, job := range jobs {
		switch outcomes[i] {
		case outcomeMissing:
			res.Missing = append(res.Missing, job.path)
		case outcomeModified:
			res.Modified = append(res.Modified, job.path)
		}
	}
	res.Hashed = len(jobs)
	sort.Strings(res.Missing)
	sort.Strings(res.Modified)
	return nil
}

func (e *digestEntry) lookup(normalized bool) ([]byte, int64, bool) {
	if normalized {
		return e.normalized, e.normalizedSize, e.normalized != nil
	}
	return e.raw, e.stamp.size, e.raw != nil
}

func matches(want ManifestEntry, digest []byte, size int64) bool {
	return size == want.Size && bytes.Equal(digest, want.Digest)
}

func hasBinaryExtension(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, b := range binaryExtensions {
		if ext == b {
			return true
		}
	}
	return false
}

// runJobs hashes files on a few goroutines. entries[i] is the cache entry
// for jobs[i], nil when the file could not be read.
func (c *Checker) runJobs(ctx context.Context, jobs []digestJob) ([]jobOutcome, []*digestEntry, error) {
	outcomes := make([]jobOutcome, len(jobs))
	entries := make([]*digestEntry, len(jobs))
	err := forEach(ctx, len(jobs), c.workers, func(i int) error {
		var err error
		outcomes[i], entries[i], err = c.runJob(jobs[i])
		return err
	})
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		return outcomes, entries, fmt.Errorf("integrity check of %s stopped before all files were hashed: %w", c.root, err)
	}
	return outcomes, entries, err
}

// forEach calls fn for 0..n-1 on up to workers goroutines. It stops
// handing out indexes when ctx ends, and returns ctx's error or else the
// first error of fn.
func forEach(ctx context.Context, n, workers int, fn func(i int) error) error {
	indexes := make(chan int)
	var (
		wg       sync.WaitGroup
		errMu    sync.Mutex
		firstErr error
	)
	for range min(workers, n) {
		wg.Go(func() {
			for i := range indexes {
				if err := fn(i); err != nil {
					errMu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					errMu.Unlock()
				}
			}
		})
	}

feed:
	for i := range n {
		select {
		case indexes <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(indexes)
	wg.Wait()

	if err := ctx.Err(); err != nil {
		return err
	}
	return firstErr
}

func (c *Checker) runJob(job digestJob) (jobOutcome, *digestEntry, error) {
	file := filepath.Join(c.root, filepath.FromSlash(job.path))
	entry := &digestEntry{stamp: job.stamp, algorithm: job.entry.Algorithm}
	if job.cached != nil {
		*entry = *job.cached
	}

	var err error
	if job.normalized {
		entry.normalized, entry.normalizedSize, err = digestNormalized(file, job.entry.Algorithm)
	} else {
		entry.raw, err = digestFile(file, job.entry.Algorithm)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		// Matomo counts a file it cannot read as missing.
		return outcomeMissing, nil, nil
	case err != nil:
		return 0, nil, fmt.Errorf("cannot hash %s: %w", file, err)
	}

	d, size, _ := entry.lookup(job.normalized)
	if !matches(job.entry, d, size) {
		return outcomeModified, entry, nil
	}
	return outcomeOK, entry, nil
}

func newHash(a Algorithm) hash.Hash {
	if a == MD5 {
		return md5.New() //nolint:gosec // Matching the manifest, not protecting anything.
	}
	return sha256.New()
}

func digestFile(file string, a Algorithm) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := newHash(a)
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

func digestNormalized(file string, a Algorithm) ([]byte, int64, error) {
	content, err := os.ReadFile(file)
	if err != nil {
		return nil, 0, err
	}
	content = bytes.ReplaceAll(content, []byte("\r\n"), []byte("\n"))
	h := newHash(a)
	h.Write(content)
	return h.Sum(nil), int64(len(content)), nil
}

// findUnexpected walks the tree the way Matomo's Filesystem::globr does:
// it lists hidden and visible files in every directory, but enters
// neither hidden directories nor symbolic links to directories. It returns
// the unexpected files and the directories it could not list.
func (c *Checker) findUnexpected(ctx context.Context, m *Manifest) (unexpected, unreadable []string, err error) {
	var walk func(rel string) error
	walk = func(rel string) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("search for unexpected files in %s stopped: %w", c.root, err)
		}
		entries, err := os.ReadDir(filepath.Join(c.root, filepath.FromSlash(rel)))
		if err != nil {
			if rel == "" {
				return fmt.Errorf("cannot list the Matomo root: %w", err)
			}
			unreadable = append(unreadable, rel)
			return nil
		}
		for _, de := range entries {
			p := de.Name()
			if rel != "" {
				p = rel + "/" + p
			}

			if de.Type()&fs.ModeSymlink != 0 {
				fi, err := os.Stat(filepath.Join(c.root, filepath.FromSlash(p)))
				if err == nil && fi.IsDir() {
					continue
				}
			} else if de.IsDir() {
				if strings.HasPrefix(de.Name(), ".") || isIgnoredDir(p) || isForeignPlugin(p+"/x", m) {
					continue
				}
				if err := walk(p); err != nil {
					return err
				}
				continue
			}

			if isForeignPlugin(p, m) || isIgnored(p) {
				continue
			}
			if _, listed := m.Files[p]; !listed {
				unexpected = append(unexpected, p)
			}
		}
		return nil
	}

	if err := walk(""); err != nil {
		return nil, nil, err
	}
	sort.Strings(unexpected)
	return unexpected, unreadable, nil
}

// isForeignPlugin reports whether p lies inside a plugin directory that
// the manifest does not know, such as a Marketplace plugin. Matomo skips
// those files.
func isForeignPlugin(p string, m *Manifest) bool {
	rest, ok := strings.CutPrefix(p, "plugins/")
	if !ok {
		return false
	}
	name, _, found := strings.Cut(rest, "/")
	return found && !m.Plugins[name]
}
