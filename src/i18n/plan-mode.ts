/**
 * The Utvalg tab's switch between one frame and the plan by steps, in bokmål and English: in the
 * pane's first chunk (SelectionTab.tsx), so kept apart from the plan's strings (./plan.ts).
 */
import type { Lang } from "./format";

const UI = {
  nb: { paneSingle: "Én ramme", paneSteps: "Etter steg", paneModeLabel: "Vis utvalget" },
  en: { paneSingle: "One frame", paneSteps: "By step", paneModeLabel: "Show the selection" },
} as const;

export function pt(lang: Lang, key: keyof (typeof UI)["nb"]): string {
  return UI[lang][key];
}
