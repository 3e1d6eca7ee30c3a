/**
 * @jest-environment jsdom
 */
// FLIP reordering of the presenter rows: rows that moved are animated back from their old place;
// nothing moves when the reader asked for reduced motion.
import { measure, play } from "../../src/presenter/flip";

function list(order: string[]): HTMLElement {
  const ol = document.createElement("ol");
  for (const id of order) {
    const li = document.createElement("li");
    li.dataset.flipId = id;
    ol.appendChild(li);
  }
  return ol;
}

/** jsdom has no layout: each row sits 40 px below the one before. */
function layOut(ol: HTMLElement): void {
  Array.from(ol.children).forEach((li, i) => Object.defineProperty(li, "offsetTop", { configurable: true, get: () => i * 40 }));
}

function setReducedMotion(reduce: boolean): void {
  (window as unknown as { matchMedia: (q: string) => { matches: boolean } }).matchMedia = (q: string) => ({ matches: reduce && q === "(prefers-reduced-motion: reduce)" });
}

test("rows that changed place are animated, the others are left alone", () => {
  setReducedMotion(false);
  const ol = list(["a", "b", "c"]);
  layOut(ol);
  const before = measure(ol);
  expect([...before.entries()]).toEqual([
    ["a", 0],
    ["b", 40],
    ["c", 80],
  ]);
  // b and a swap.
  ol.insertBefore(ol.children[1], ol.children[0]);
  layOut(ol);
  expect(play(ol, before)).toBe(2);
  const byId = (id: string) => ol.querySelector<HTMLElement>(`[data-flip-id="${id}"]`)!;
  expect(byId("a").style.transition).toBe("transform 450ms ease-in-out");
  expect(byId("b").style.transition).toBe("transform 450ms ease-in-out");
  expect(byId("c").style.transition).toBe("");
  expect(byId("a").style.transform).toBe("");
});

test("with prefers-reduced-motion nothing is animated", () => {
  setReducedMotion(true);
  const ol = list(["a", "b"]);
  layOut(ol);
  const before = measure(ol);
  ol.insertBefore(ol.children[1], ol.children[0]);
  layOut(ol);
  expect(play(ol, before)).toBe(0);
  for (const li of Array.from(ol.children) as HTMLElement[]) expect(li.style.transition).toBe("");
});

test("a new row has no old place and is not animated", () => {
  setReducedMotion(false);
  const ol = list(["a"]);
  layOut(ol);
  const before = measure(ol);
  const li = document.createElement("li");
  li.dataset.flipId = "n";
  ol.insertBefore(li, ol.firstChild);
  layOut(ol);
  expect(play(ol, before)).toBe(1); // only a moved (down 40 px)
  expect(li.style.transition).toBe("");
});
