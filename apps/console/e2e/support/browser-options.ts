import type { BrowserContextOptions, LaunchOptions } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); `CHROMIUM_PATH` for another build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, as root, and silent: the machines have no network beyond the package registries. */
export const LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * A desk in a Chinese bank: the seed's institutions and borrowers are all in Asia/Shanghai, so
 * the times the tests type and read are the same wall-clock times the API judges.
 */
export const CONTEXT_OPTIONS: BrowserContextOptions = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
};
