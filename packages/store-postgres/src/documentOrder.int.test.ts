import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { compareKeys } from '@strive/eventlog/adapter';
import { describePg } from './pgSuite.js';

describePg('projection documents in key order', ({ store }) => {
  it('lists keys that share their first 200+ characters in code point order, across pages', async () => {
    const s = store();
    const long = 'x'.repeat(250);
    const cjk = '龍'.repeat(300);
    const tails = ['a', 'b', '😀', '\uff01', 'aa', '', 'Z'];
    const keys = [
      ...Array.from({ length: 1_400 }, (_, i) => `${long}${(i * 7919) % 1_400}`),
      ...tails.map((t) => `${long}${t}`),
      ...tails.map((t) => `${cjk}${t}`.slice(0, 1_000)),
      'a',
      'x',
    ];
    const upserts = keys.map((key, n) => ({ key, value: { n } }));
    const r = await s.commitProjection({
      projection: 'p',
      expectedCheckpoint: 0,
      checkpoint: 1,
      upserts,
      deletes: [],
    });
    expect(E.isRight(r)).toBe(true);
    const listed: string[] = [];
    for await (const d of s.readDocuments('p')) listed.push(d.key);
    expect(listed).toEqual([...new Set(keys)].sort(compareKeys));
  });
});
