/**
 * What-if in the preview, clocked inside the pane: a weight's slider is moved (its range input set
 * and an `input` event dispatched, as a drag does) and the clock runs until the what-if list shows
 * the ranking for that weight (`data-weights` on the list names the tried weights it shows) —
 * `domMs` — and until the next frame after it (`frameMs`, the list on screen). Used by `npm run bench`.
 */
import type { Frame } from "playwright-core";

/** Opens Modell → What-if in the pane (the presenter may be open or not). */
export async function openWhatIf(frame: Frame): Promise<void> {
  await frame.$eval('[data-testid="tab-model"]', (el) => (el as HTMLElement).click());
  await frame.waitForSelector('[data-testid="whatif-start"]', { timeout: 60000 });
  await frame.$eval('[data-testid="whatif-start"]', (el) => (el as HTMLElement).click());
  await frame.waitForSelector('[data-testid="whatif-ranking"] li', { timeout: 60000 });
}

/**
 * Moves node `id`'s slider to `value` and times the re-ranked list. A string, not a function, is
 * evaluated, so that no transpiler helper ends up in the page.
 */
export async function sliderLatency(frame: Frame, id: string, value: number): Promise<{ domMs: number; frameMs: number; rows: number }> {
  const script = `new Promise((resolve, reject) => {
    const host = document.querySelector('[data-testid="whatif-slider-${id}"]');
    const input = host && (host.tagName === "INPUT" ? host : host.querySelector('input[type="range"]'));
    if (!input) { reject(new Error("no slider for ${id}")); return; }
    const want = "${id}=${value}";
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    let t0 = 0;
    let done = false;
    const observer = new MutationObserver(() => check());
    const check = () => {
      const list = document.querySelector('[data-testid="whatif-ranking"]');
      if (done || !list || list.getAttribute("data-weights") !== want) return;
      done = true;
      const dom = performance.now() - t0;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve({ domMs: dom, frameMs: performance.now() - t0, rows: list.children.length }), 0));
    };
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-weights"] });
    t0 = performance.now();
    setValue.call(input, "${value}");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    check();
  })`;
  return (await frame.evaluate(script)) as { domMs: number; frameMs: number; rows: number };
}
