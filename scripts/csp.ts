/**
 * The Content-Security-Policy of every page the add-in ships (taskpane.html, which also hosts the
 * ribbon commands and the custom functions in the shared runtime) and of the preview's pages. It
 * is written into each page as <meta http-equiv="Content-Security-Policy">, so it holds wherever
 * the files are hosted, whatever headers the host sends.
 *
 * Only the add-in's own files, and office.js from Office's CDN (which loads its host-specific
 * scripts from the same origin). No network connections of the add-in's own: connect-src 'self'
 * (the preview fetches its example workbook from its own folder; the add-in fetches nothing). The
 * development server's hot reload needs a WebSocket to localhost, in development builds only.
 * WebAssembly may be compiled ('wasm-unsafe-eval'): the selection's solver is HiGHS as .wasm.
 * Styles may be inline: the pages carry a <style> block and Fluent UI inserts its rules at run time.
 */

/** Where office.js and its host scripts come from. */
export const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";

export interface CspOptions {
  /** The page loads office.js from the CDN (the add-in's page; not the preview, which has a local stub). */
  office: boolean;
  /** A development build served by webpack-dev-server (hot reload over a WebSocket). */
  dev: boolean;
  /** The page frames one of its own pages (the preview frames the task pane). */
  frames?: boolean;
}

export function contentSecurityPolicy(o: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'none'"],
    // 'wasm-unsafe-eval' lets the page compile WebAssembly (the HiGHS solver behind Utvalg, loaded
    // from the add-in's own folder); it allows no JavaScript eval.
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...(o.office ? [OFFICE_ORIGIN] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(o.dev ? ["ws://localhost:*", "wss://localhost:*"] : [])],
    ["frame-src", o.frames ? "'self'" : "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'none'"],
    ["object-src", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
