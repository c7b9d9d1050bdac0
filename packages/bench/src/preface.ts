/** The top of docs/benchmarks.md when the file does not exist yet; each suite then adds its section. */
export const PREFACE = `# Benchmarks

\`pnpm bench\` (\`packages/bench\`) runs every suite of issue #7 in one run and writes the sections
between \`<!-- bench:ID:start -->\` and \`<!-- bench:ID:end -->\` markers below; the text outside them is
written by hand and kept. Every figure is a ratio measured in one run against a reference on the same
machine, so it means something on any machine (1.00 = as fast as the reference, oriented so that
higher is better). The first section gives the machine, the exact command, the time budget, the
suites skipped and every ratio with its goal.

## Workloads of the SQLite suite

Events are realistic commitments (about 365 bytes of canonical data, 127 bytes of metadata). Strive
runs with validation, canonical JSON and the hash chain on; the raw reference is hand-written
better-sqlite3 on the same table (WAL, synchronous=NORMAL, prepared statements, one transaction per
call, \`JSON.stringify\`/\`JSON.parse\`, no validation, no hash chain, no decoding). Both sides' folds
are compared, so a wrong read fails the run.

| id  | workload |
| --- | --- |
| W1  | single-event appends with an exact expected version, 1,000 streams x 50 events, round-robin |
| W2  | appends of 100 events, 100,000 events over 100 streams |
| W3  | read and fold one stream of 100,000 events (batches of 1,000), trivial reducer |
| W4  | read the whole log (200,000 events over 1,000 streams) from position 0 in batches of 1,000, folding per stream |
| W5  | command round trip: 10,000 commands over 1,000 streams holding 10 events each beforehand; per command: load the stream (read + fold), decide one event, append with the expected version |
`;
