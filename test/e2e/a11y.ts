/**
 * Accessibility checks for the browser tests: axe-core (WCAG 2.0/2.1 A and AA rules) run inside a
 * frame's document, and the contrast of the text axe cannot judge itself (text over a translucent
 * fill, a bar, an overlap) measured here from the computed colours. axe is evaluated through the
 * DevTools protocol, so the pages' Content-Security-Policy is left as it is.
 */
import { readFileSync } from "fs";
import type { Frame, Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
  any: { id: string; message: string; data?: unknown }[];
}
export interface AxeRule {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}
/** A text whose contrast the test measured where axe could not. */
export interface Measured {
  target: string;
  text: string;
  fg: string;
  bg: string;
  ratio: number;
  /** The ratio the text needs: 4.5, or 3 for large text (24 px, or 18.66 px bold). */
  needs: number;
}
export interface Audit {
  /** Every violation, as «rule (impact): target — summary» lines (empty when none). */
  violations: string[];
  /** Incomplete results other than colour contrast and {@link Audit.modal}, as «rule: target» lines. */
  incomplete: string[];
  /**
   * aria-hidden-focus left undecided by axe while a modal dialog is open: the page behind it
   * (hidden from screen readers by the dialog) and Fluent's focus sentinels (tabster's
   * `data-tabster-dummy`, which pass the focus on the moment they get it). Whether the focus can
   * reach them is decided by the test that opened the dialog, with the keyboard.
   */
  modal: string[];
  /** The contrast axe left incomplete, measured here; each must reach `needs`. */
  measured: Measured[];
}

/** Runs axe in the frame's document (WCAG 2.0/2.1 A and AA) and measures what it leaves incomplete in contrast. */
export async function audit(frame: Frame | Page): Promise<Audit> {
  // Colours are measured at rest: a button's colour transition half-way would be measured as it is.
  await frame.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 10000 },
  );
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await frame.evaluate(AXE_SOURCE);
  const result = await frame.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeRule[]; incomplete: AxeRule[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] });
    const slim = (rules: AxeRule[]) =>
      rules.map((x) => ({ id: x.id, impact: x.impact, help: x.help, nodes: x.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160), failureSummary: n.failureSummary, any: n.any.map((a) => ({ id: a.id, message: a.message })) })) }));
    return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
  }, WCAG_TAGS);
  const contrast = result.incomplete.filter((r) => r.id === "color-contrast");
  const targets = contrast.flatMap((r) => r.nodes.map((n) => n.target[0]));
  const others = result.incomplete.filter((r) => r.id !== "color-contrast").flatMap((r) => r.nodes.map((n) => ({ rule: r.id, target: n.target[0], line: `${r.id}: ${n.target.join(" ")} — ${n.any.map((a) => a.message).join("; ")}` })));
  const behind = await frame.evaluate(
    (xs) =>
      xs.map(({ rule, target }) => {
        const el = document.querySelector(target);
        const dialog = document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]');
        if (rule !== "aria-hidden-focus" || !el || !dialog) return false;
        if (el.hasAttribute("data-tabster-dummy")) return true;
        return el.getAttribute("aria-hidden") === "true" && !el.contains(dialog) && !dialog.contains(el);
      }),
    others.map(({ rule, target }) => ({ rule, target })),
  );
  return {
    violations: result.violations.flatMap((r) => r.nodes.map((n) => `${r.id} (${r.impact}): ${n.target.join(" ")} — ${n.html} — ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`)),
    incomplete: others.filter((_, i) => !behind[i]).map((x) => x.line),
    modal: others.filter((_, i) => behind[i]).map((x) => x.line),
    measured: await measureContrast(frame, targets),
  };
}

/**
 * The contrast of each element's own text against what is behind it, from computed colours: the
 * text colour (with its alpha and the opacity of its ancestors) over the backgrounds of the element
 * and its ancestors blended down to the page's white. A background image or gradient on the way is
 * measured at its every colour stop, and the worst stop counts.
 */
export async function measureContrast(frame: Frame | Page, selectors: string[]): Promise<Measured[]> {
  return frame.evaluate((sels) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA[] => {
      const out: RGBA[] = [];
      for (const m of c.matchAll(/rgba?\(([^)]+)\)/g)) {
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        out.push([p[0], p[1], p[2], p.length > 3 ? p[3] : 1]);
      }
      return out;
    };
    const over = (top: RGBA, below: RGBA): RGBA => {
      const a = top[3] + below[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      return [0, 1, 2].map((i) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a).concat(a) as RGBA;
    };
    const lum = (c: RGBA) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const hex = (c: RGBA) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
    const out: { target: string; text: string; fg: string; bg: string; ratio: number; needs: number }[] = [];
    for (const sel of sels) {
      const el = document.querySelector(sel) as HTMLElement | null;
      if (!el) continue;
      const cs = getComputedStyle(el);
      // The backgrounds from the element down to the root: each a list of candidate colours (a gradient's stops).
      const layers: RGBA[][] = [];
      let opacity = 1;
      for (let e: HTMLElement | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        opacity *= Number(s.opacity);
        const stops = s.backgroundImage !== "none" ? parse(s.backgroundImage) : [];
        const colour = parse(s.backgroundColor)[0];
        if (stops.length) layers.push(stops.map((st) => over(st, colour)));
        else if (colour && colour[3] > 0) layers.push([colour]);
      }
      let candidates: RGBA[] = [[255, 255, 255, 1]];
      for (const layer of layers.reverse()) candidates = layer.flatMap((c) => candidates.map((b) => over(c, b)));
      const fg0 = parse(cs.color)[0];
      const size = parseFloat(cs.fontSize);
      const bold = Number(cs.fontWeight) >= 700;
      const needs = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      let worst = { ratio: Infinity, fg: "", bg: "" };
      for (const bg of candidates) {
        const fg = over([fg0[0], fg0[1], fg0[2], fg0[3] * opacity], bg);
        const r = ratio(fg, bg);
        if (r < worst.ratio) worst = { ratio: r, fg: hex(fg), bg: hex(bg) };
      }
      out.push({ target: sel, text: (el.textContent ?? "").trim().slice(0, 40), fg: worst.fg, bg: worst.bg, ratio: Math.round(worst.ratio * 100) / 100, needs });
    }
    return out;
  }, selectors);
}

/** The measured texts below the contrast they need, as lines (empty when all reach it). */
export function lowContrast(a: Audit): string[] {
  return a.measured.filter((m) => m.ratio < m.needs).map((m) => `${m.target} «${m.text}» ${m.fg} on ${m.bg}: ${m.ratio}:1 < ${m.needs}:1`);
}
