/** The top of docs/benchmarks.md when the file does not exist yet; each suite then adds its section. */
export const PREFACE = `# Benchmarks

Every figure here is a ratio measured in one run against a reference on the same machine, so it
means something on any machine: \`ratio = reference time / Strive time\` (1.00 = as fast as the
reference). Each suite writes its own section between \`<!-- bench:NAME -->\` markers and leaves the
others alone, so a suite (PostgreSQL, engine) can be added without touching the rest.

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
