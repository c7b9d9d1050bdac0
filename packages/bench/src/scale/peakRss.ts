/**
 * Loaded with `node --import` before a measured child: at exit it writes the process's peak resident
 * set (`process.resourceUsage().maxRSS`, KiB) to standard error as `peak-rss-kib N`. Does I/O.
 */
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
