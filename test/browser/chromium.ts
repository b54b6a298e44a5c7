/**
 * Debian's Chromium (or `CHROMIUM_PATH`), launched the same way by every browser test: no sandbox (a
 * container has none to give), no GPU, and none of the browser's own traffic (updates, sync, QUIC probes),
 * so a test that watches requests sees only the page's.
 */
import { chromium, type Browser } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
