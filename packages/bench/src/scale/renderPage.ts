import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's Chromium, as test/html uses it. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Seconds from navigation until an HTML report's statecharts (drawn last, after every chart) are done,
 * in headless Chromium, `runs` times in one browser; throws on a page error. Does I/O.
 */
export const renderSeconds = async (file: string, runs: number): Promise<number[]> => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const seconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const start = process.hrtime.bigint();
      await page.goto(pathToFileURL(file).href, { timeout: 180_000 });
      await page.waitForSelector('body[data-diagrams="rendered"]', { timeout: 180_000 });
      seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
      await page.close();
      if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
    }
    return seconds;
  } finally {
    await browser.close();
  }
};
