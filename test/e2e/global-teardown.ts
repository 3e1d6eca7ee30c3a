/** Stops the e2e run's one browser (global-setup.ts). */
import type { BrowserServer } from "playwright-core";

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __prioBrowserServer?: BrowserServer }).__prioBrowserServer?.close();
}
