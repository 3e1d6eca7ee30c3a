/**
 * The e2e run's one browser: started once before the first file and stopped after the last
 * (global-teardown.ts); each file's `launch()` (harness.ts) connects to it instead of starting a
 * Chromium of its own. Every file still gets its own browser contexts, so nothing carries over.
 */
import { launchServer, SHARED_BROWSER } from "./harness";

export default async function globalSetup(): Promise<void> {
  const server = await launchServer();
  (globalThis as { __prioBrowserServer?: unknown }).__prioBrowserServer = server;
  process.env[SHARED_BROWSER] = server.wsEndpoint();
}
