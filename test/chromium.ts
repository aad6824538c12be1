/**
 * Debian's Chromium and the flags it needs on these machines (no sandbox as root; no background
 * connections, which the closed network refuses), shared by Playwright and the benchmark.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
