import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing). */
const CHROMIUM = '/usr/bin/chromium';

/** Whether the run must have a browser: in CI a missing Chromium fails instead of skipping. */
const BROWSER_REQUIRED = process.env['CI'] === 'true' || process.env['CI'] === '1';

/** Whether browser tests can run here; says so in one line when they skip. Does I/O. */
export const browserAvailable = (): boolean => {
  const here = existsSync(CHROMIUM);
  if (!here && !BROWSER_REQUIRED)
    console.log(`skipping browser tests: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return here || BROWSER_REQUIRED;
};

/** Launches headless Chromium with no network side channels. Does I/O. */
export const launchChromium = (): Promise<Browser> => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing; CI installs it in .ci/run (apt-get install -y chromium)`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};
