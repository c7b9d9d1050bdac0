import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createCampaignEngine } from '@strive/campaign';
import { createMemoryEventStore, type EventStore } from '@strive/eventlog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCliError } from '../CliError.js';
import { reportHtml } from '../commands/reportHtml.js';
import type { Io } from '../Io.js';

// The example campaign with hostile text in a title, a name, an objection and its finding: the page
// shows it all as text and nothing of it becomes markup or script.
const EXAMPLE = new URL('../../../../examples/data/zhengzhou-2010.commands.jsonl', import.meta.url);
const HOSTILE = {
  title: '</script><script>alert("title")</script>',
  name: '<img src=x onerror=alert(1)>Jianshe',
  reason: '<b onmouseover="x()">closed at weekends</b>',
  finding: "opens on Saturdays' onload='y()",
};

const hostile = (line: string): unknown => {
  const c: unknown = JSON.parse(line);
  if (typeof c !== 'object' || c === null || !('type' in c)) return c;
  if (c.type === 'LaunchCampaign') return { ...c, title: HOSTILE.title };
  if (c.type === 'EnrollOrganization' && 'orgId' in c && c.orgId === 'o1')
    return { ...c, name: HOSTILE.name };
  if (c.type === 'FileObjection' && 'objectionId' in c && c.objectionId === 'ob-1')
    return { ...c, reason: HOSTILE.reason };
  if (c.type === 'ResolveObjection' && 'objectionId' in c && c.objectionId === 'ob-1')
    return { ...c, finding: HOSTILE.finding };
  return c;
};

const dir = mkdtempSync(join(tmpdir(), 'strive-page-'));
const out: string[] = [];
const io: Io = {
  out: (t) => void out.push(t),
  outFlowing: (t) => Promise.resolve(void out.push(t)),
  err: () => undefined,
  stdin: new PassThrough(),
  errIsTTY: false,
  env: {},
  now: () => new Date('2026-01-01T00:00:00Z'),
};
let store: EventStore;
let page = '';

beforeAll(async () => {
  store = createMemoryEventStore();
  const engine = createCampaignEngine(store);
  const lines = readFileSync(EXAMPLE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  for (const line of lines) await engine.handle(hostile(line));
  const file = join(dir, 'report.html');
  expect(await reportHtml(store, io, { file, json: false, source: ':memory:' })).toBe(0);
  page = readFileSync(file, 'utf8');
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The page without the contents of its script elements, white space collapsed. */
const markup = (): string =>
  page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>').replace(/\s+/g, ' ');
/** The start tags of the page (escaped text has no `<`, so these are all the elements there are). */
const tags = (): string[] => markup().match(/<[a-z][^>]*>/gi) ?? [];

describe('reportHtml', () => {
  it('shows hostile text escaped and never as markup', () => {
    for (const text of Object.values(HOSTILE)) expect(page).not.toContain(text);
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;Jianshe');
    expect(page).toContain('&lt;b onmouseover=&quot;x()&quot;&gt;closed at weekends&lt;/b&gt;');
    expect(page).toContain('opens on Saturdays&#39; onload=&#39;y()');
    expect(tags().filter((t) => /^<(img|b|iframe)\b|\son\w+=/i.test(t))).toEqual([]);
  });

  it('is one file: five script elements (data, three libraries, its own), nothing loaded', () => {
    expect(page.match(/<script\b/gi)?.length).toBe(5);
    expect(page.match(/<\/script/gi)?.length).toBe(5);
    expect(tags().filter((t) => /\s(src|href|action)=|^<(link|img|iframe)\b/i.test(t))).toEqual([]);
    expect(markup()).not.toMatch(/@import|url\(/i);
    expect(page).toContain("default-src 'none'");
  });

  it('lists the honour roll with its verdicts and the objection with its finding', () => {
    expect(markup().match(/class="honour-entry"/g)?.length).toBe(3);
    for (const rule of ['evaluation.quorum', 'notice.period', 'notice.objection'])
      expect(page).toContain(`<code>${rule}</code>`);
    expect(markup()).toMatch(/ob-1<\/strong> filed 2011-01-06 09:00:00\+08:00 by public p300/);
    expect(markup()).toContain('not upheld 2011-01-11 09:00:00+08:00; finding:');
  });

  it('gives the verify result and the head hash, and says what it wrote', async () => {
    const head = await store.head();
    expect(page).toContain(`data-head-hash="${head.hash}"`);
    expect(page).toContain('data-verified="true"');
    expect(page).toContain('data-derived="equal"');
    expect(out.join('')).toMatch(
      new RegExp(
        `^wrote .*report\\.html \\(\\d+ KiB\\): 1 campaign, 12 subjects, 3 commended; chain ok, ${head.globalPosition} events, \\d+ snapshots and \\d+ read-model documents equal to the log, head ${head.hash}\\n$`,
      ),
    );
  });

  it('refuses --json and a path whose folder is missing, writing nothing', async () => {
    const missing = join(dir, 'no-such-folder', 'r.html');
    const failure = async (json: boolean, file: string): Promise<unknown> =>
      reportHtml(store, io, { file, json, source: ':memory:' }).catch((e: unknown) => e);
    const both = await failure(true, join(dir, 'x.html'));
    expect(isCliError(both) && both.message).toBe('--html writes a page; leave out --json');
    const noFolder = await failure(false, missing);
    expect(isCliError(noFolder) && noFolder.exitCode).toBe(2);
    expect(existsSync(missing) || existsSync(join(dir, 'x.html'))).toBe(false);
    expect(isCliError(await failure(false, dir))).toBe(true);
  });
});
