import { readFileSync } from 'node:fs';
import { StoredEventCodec, isExactStoredEvent, computeEventHash } from '@strive/eventlog';
const lines = readFileSync('/work/big/s50k.jsonl','utf8').split('\n').filter(Boolean);
const evs = lines.map(l => JSON.parse(l));
const time = (name, f) => { for (let w=0; w<2; w++) f(); const t=process.cpuUsage(); const r=f(); const u=process.cpuUsage(t); console.log(name.padEnd(12), ((u.user+u.system)/lines.length).toFixed(2),'us/ev', r); };
time('parse', () => { let k=0; for (const l of lines) k += JSON.parse(l).globalPosition; return k; });
time('codec.is', () => { let k=0; for (const e of evs) if (StoredEventCodec.is(e)) k++; return k; });
time('exact', () => { let k=0; for (const e of evs) if (isExactStoredEvent(e)) k++; return k; });
time('hash', () => { let k=0; for (const e of evs) if (computeEventHash(e) === e.hash) k++; return k; });
