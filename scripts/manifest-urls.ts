/**
 * Where the add-in is served from. manifest.xml is written for the dev server; a production build
 * (webpack.config.js, CopyWebpackPlugin transform) rewrites it for the deployment, like the Office
 * templates' urlDev → urlProd replacement, with the base URL taken from PRIO_BASE_URL.
 */

/** The dev server (`npm run dev-server`, `npm start`); the URLs written in manifest.xml. */
export const DEV_BASE_URL = "https://localhost:3000/";

/** The production site when PRIO_BASE_URL is not set. Also the SupportUrl/AppDomain origin in manifest.xml. */
export const DEFAULT_PROD_BASE_URL = "https://prioritering.example.org/";

/** The environment variable that sets the production base URL (https, ending in /). */
export const BASE_URL_ENV = "PRIO_BASE_URL";

/** The production base URL from the environment, checked: absolute https, with a trailing slash added. */
export function productionBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = (env[BASE_URL_ENV] ?? "").trim();
  if (raw === "") return DEFAULT_PROD_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${BASE_URL_ENV} is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `${BASE_URL_ENV} must be an https URL (Office loads add-ins over https only): ${raw}`
    );
  if (url.search || url.hash)
    throw new Error(`${BASE_URL_ENV} must not have a query or fragment: ${raw}`);
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return base;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The manifest for a deployment at `baseUrl`: dev-server URLs and the default production site
 * become `baseUrl`; an <AppDomain> naming the default site becomes the new origin.
 */
export function rewriteManifestUrls(xml: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  const defaultOrigin = new URL(DEFAULT_PROD_BASE_URL).origin;
  // One pass, so a base URL below the default site is not rewritten twice.
  return xml
    .replace(
      new RegExp(`${escape(DEV_BASE_URL)}|${escape(DEFAULT_PROD_BASE_URL)}`, "g"),
      () => baseUrl
    )
    .replace(
      new RegExp(`(<AppDomain>\\s*)${escape(defaultOrigin)}/?(\\s*</AppDomain>)`, "g"),
      (_, open: string, close: string) => `${open}${origin}${close}`
    );
}
