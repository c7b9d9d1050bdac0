import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/runCli.js';
import { browserAvailable, launchChromium } from './chromium.js';

// The HTML report of a generated campaign larger than every bound of the page (600 subjects, 64
// commended, ~4,200 events; scaled to fit CI), opened in headless Chromium: the page's markup stays
// bounded while the log grows, every chart and statechart renders, the long tables page and search,
// and the page opens in time comparable to the example's (the absolute goals live in `pnpm bench`).

const GENERATE = ['--orgs', '150', '--members-per-org', '3', '--evaluators', '3', '--seed', '3'];
const EXAMPLE = join(ROOT, 'examples', 'data', 'zhengzhou-2010.commands.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'strive-big-html-'));
const big = join(dir, 'big.html');
const small = join(dir, 'small.html');

/** The page without its `<script>` elements: the markup a person reads. */
const markupOf = (page: string): string => page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

const build = async (commands: string, db: string, file: string): Promise<void> => {
  await runCli(['run', commands, '--db', db]);
  const wrote = await runCli(['report', '--db', db, '--html', file]);
  expect(wrote.code, wrote.stderr).toBe(0);
};

/** Milliseconds from navigation until the statecharts (drawn last) are done. */
const openTimed = async (page: Page, file: string): Promise<number> => {
  const start = performance.now();
  await page.goto(pathToFileURL(file).href, { timeout: 120_000 });
  await page.waitForSelector('body[data-diagrams]', { timeout: 120_000 });
  return performance.now() - start;
};

describe.runIf(browserAvailable())('report --html of a campaign larger than the page', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let events = 0;
  let bigMs = 0;
  let smallMs = 0;

  beforeAll(async () => {
    const generated = await runCli(['generate', ...GENERATE]);
    expect(generated.code, generated.stderr).toBe(0);
    const commands = join(dir, 'big.commands.jsonl');
    writeFileSync(commands, generated.stdout);
    const [launched] = await Promise.all([
      launchChromium(),
      build(commands, join(dir, 'big.db'), big),
      build(EXAMPLE, join(dir, 'small.db'), small),
    ]);
    browser = launched;
    const verified: unknown = JSON.parse(
      (await runCli(['verify', '--db', join(dir, 'big.db'), '--json'])).stdout,
    );
    events =
      typeof verified === 'object' && verified !== null && 'events' in verified
        ? Number(verified.events)
        : 0;
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    smallMs = await openTimed(page, small);
    bigMs = await openTimed(page, big);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its markup bounded: rows per table, honour entries and timelines capped, compact rows beside', () => {
    const text = readFileSync(big, 'utf8');
    const markup = markupOf(text);
    const rows = (markup.match(/<tr\b/g) ?? []).length;
    console.log(
      `big report page: ${events} events, ${Math.round(statSync(big).size / 1024)} KiB (markup ${Math.round(markup.length / 1024)} KiB, ${rows} table rows); opened in ${Math.round(bigMs)} ms, the example's in ${Math.round(smallMs)} ms`,
    );
    expect(events).toBeGreaterThan(4_000);
    expect(statSync(big).size).toBeLessThan(15 * 1024 * 1024);
    // 600 subjects, their ~4,000 timeline rows and 64 commended would be far more in full.
    expect(rows).toBeLessThan(1_000);
    expect(markup.length).toBeLessThan(1024 * 1024);
    expect((markup.match(/class="honour-entry"/g) ?? []).length).toBe(50);
    expect((markup.match(/<details class="stream"/g) ?? []).length).toBe(51);
  });

  it('renders every chart and statechart with no error, in time comparable to the example page', async () => {
    expect(problems).toEqual([]);
    await expect(page.getAttribute('body', 'data-diagrams')).resolves.toBe('rendered');
    await expect(page.locator('canvas:not([data-rendered])').count()).resolves.toBe(0);
    await expect(page.locator('canvas').count()).resolves.toBe(5);
    // The libraries dominate both pages; a page that grew with the log took minutes, not a multiple.
    expect(bigMs).toBeLessThan(Math.max(3 * smallMs, smallMs + 10_000));
  });

  it('pages and searches a long table from its compact rows', async () => {
    const paged = page.locator('[data-paged]');
    await expect(page.locator('[data-paging="ready"]').count()).resolves.toBe(await paged.count());
    const members = page.locator('figure[data-kind="member"] [data-paged]');
    await expect(members.getAttribute('data-rows')).resolves.toBe('450');
    const firstCell = members.locator('tbody tr:first-child td:first-child');
    const first = await firstCell.textContent();
    await members.locator('button', { hasText: 'next' }).click();
    await expect(members.locator('tbody tr').count()).resolves.toBe(100);
    await expect(firstCell.textContent()).resolves.not.toBe(first);
    await expect(members.locator('.paged-status').textContent()).resolves.toMatch(
      /^rows 101–200 of 450$/,
    );
    await members.locator('input[type="search"]').fill('m-150-3');
    await expect(members.locator('tbody tr').count()).resolves.toBe(1);
    await expect(firstCell.textContent()).resolves.toContain('m-150-3');
    await expect(members.locator('.paged-status').textContent()).resolves.toMatch(
      /1 of 1 matching \(450 in all\)/,
    );
  });
});
