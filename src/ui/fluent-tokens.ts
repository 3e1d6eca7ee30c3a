/**
 * Stands in for `@fluentui/tokens/lib/tokens.js` in the webpack build (webpack.config.js): Fluent's
 * `tokens` is an object of some 460 entries whose every value is `var(--<its name>)` (the z-index ones with a fallback) (30 KB of the
 * pane's initial JavaScript); this gives the same value for every token name, read by name as
 * makeStyles does. test/taskpane/fluent-tokens.test.ts checks it against Fluent's object.
 */
import type { Theme } from "@fluentui/react-components";

/** The first word of every token name (color…, spacing…, fontSize…, lineHeight…, …). */
const TOKEN = /^(border|color|curve|duration|font|line|shadow|spacing|stroke)[A-Z0-9]/;

/** The z-index tokens, whose values carry a fallback. */
const Z_INDEX: Record<string, string> = {
  zIndexBackground: "var(--zIndexBackground, 0)",
  zIndexContent: "var(--zIndexContent, 1)",
  zIndexOverlay: "var(--zIndexOverlay, 1000)",
  zIndexPopup: "var(--zIndexPopup, 2000)",
  zIndexMessages: "var(--zIndexMessages, 3000)",
  zIndexFloating: "var(--zIndexFloating, 4000)",
  zIndexPriority: "var(--zIndexPriority, 5000)",
  zIndexDebug: "var(--zIndexDebug, 6000)",
};

export const tokens = new Proxy({} as Record<keyof Theme, string>, {
  get: (_target, key) =>
    typeof key !== "string" ? undefined : TOKEN.test(key) ? `var(--${key})` : Object.prototype.hasOwnProperty.call(Z_INDEX, key) ? Z_INDEX[key] : undefined,
});
