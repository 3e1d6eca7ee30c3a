/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The presenter's page «Hvor sikker er minimumslisten» (issue 20): offered only with a result, its
// own view beside the ranking, the minimum list then the challengers under their caption, each row
// with its share printed and its label as a word; 15 rows a page; back to the ranking.
import "./setup";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Presenter } from "../../src/presenter/Presenter";
import { fundingPages } from "../../src/presenter/pages";
import type { PresenterFunding, PresenterMessage } from "../../src/presenter/protocol";

afterEach(cleanup);

function message(funding?: PresenterFunding): PresenterMessage {
  return {
    kind: "ranking",
    lang: "nb",
    title: "Rangering",
    captions: { rank: "Plass", measure: "Tiltak", total: "Score", segment: "Segment", move: "Endring" },
    rows: Array.from({ length: 5 }, (_, i) => ({ id: `T${i + 1}`, rank: String(i + 1), name: `Tiltak ${i + 1}`, total: `${30 - i}`, bar: 1 - i / 5 })),
    ...(funding ? { funding } : {}),
  };
}

function funding(minimum: number, challengers: number): PresenterFunding {
  const row = (i: number, now: boolean) => ({
    id: `T${i + 1}`,
    name: `Tiltak ${i + 1}`,
    now,
    share: now ? 1 - i / 100 : 0.3,
    shareText: now ? `${100 - i}\u00a0%` : "30\u00a0%",
    selectedText: "100\u00a0%",
    robust: (now ? "core" : "borderline") as "core" | "borderline",
    robustText: now ? "kjerne" : "grense",
    label: `Tiltak ${i + 1}: på minimumslisten`,
  });
  return {
    title: "Hvor sikker er minimumslisten",
    lead: "200 trekk (frø 7).",
    views: { ranking: "Rangering", funding: "Minimumslisten" },
    captions: { measure: "Tiltak", share: "På listen", selected: "Med i alt", robust: "Robusthet", minimum: "På minimumslisten nå", challengers: "Nærmest å komme inn" },
    rows: [...Array.from({ length: minimum }, (_, i) => row(i, true)), ...Array.from({ length: challengers }, (_, i) => row(minimum + i, false))],
  };
}

test("pages of 15 rows", () => {
  expect(fundingPages(18)).toEqual([
    { kind: "funding", from: 0, to: 15 },
    { kind: "funding", from: 15, to: 18 },
  ]);
});

test("without a result no switch; with one, the page shows the minimum list, then the challengers, each share printed and its label a word", () => {
  const { rerender } = render(<Presenter message={message()} waiting="" />);
  expect(screen.queryByTestId("presenter-view-funding")).toBeNull();
  rerender(<Presenter message={message(funding(4, 2))} waiting="" />);
  fireEvent.click(screen.getByTestId("presenter-view-funding"));
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Hvor sikker er minimumslisten");
  expect(screen.getByTestId("presenter-list").closest("[role=table]")!.hasAttribute("hidden")).toBe(true);
  const rows = screen.getAllByTestId("presenter-funding-row");
  expect(rows.map((r) => [r.getAttribute("data-measure-id"), r.querySelector(".fund-pct")!.textContent, r.querySelector(".fund-robust")!.textContent])).toEqual([
    ["T1", "100\u00a0%", "kjerne"],
    ["T2", "99\u00a0%", "kjerne"],
    ["T3", "98\u00a0%", "kjerne"],
    ["T4", "97\u00a0%", "kjerne"],
    ["T5", "30\u00a0%", "grense"],
    ["T6", "30\u00a0%", "grense"],
  ]);
  // The challengers under their own caption, after the minimum list.
  const challengers = screen.getByTestId("presenter-funding-challengers");
  expect(challengers.querySelector("th")!.textContent).toBe("Nærmest å komme inn");
  expect(Array.from(challengers.querySelectorAll('[data-testid="presenter-funding-row"]')).map((r) => r.getAttribute("data-measure-id"))).toEqual(["T5", "T6"]);
  expect(screen.getByTestId("presenter-funding").querySelector(".lead")!.textContent).toBe("200 trekk (frø 7).");
  // Back to the ranking.
  fireEvent.click(screen.getByTestId("presenter-view-ranking"));
  expect(screen.queryByTestId("presenter-funding")).toBeNull();
  expect(screen.getByTestId("presenter-list").closest("[role=table]")!.hasAttribute("hidden")).toBe(false);
});

test("18 rows: two pages, «1–15 av 18» then «16–18 av 18», turned by the clicker", () => {
  render(<Presenter message={message(funding(16, 2))} waiting="" />);
  fireEvent.click(screen.getByTestId("presenter-view-funding"));
  expect(screen.getAllByTestId("presenter-funding-row")).toHaveLength(15);
  expect(screen.getByTestId("presenter-page").textContent).toBe("1–15 av 18");
  act(() => void fireEvent.keyDown(window, { key: "PageDown" }));
  expect(screen.getByTestId("presenter-page").textContent).toBe("16–18 av 18");
  expect(screen.getAllByTestId("presenter-funding-row").map((r) => r.getAttribute("data-measure-id"))).toEqual(["T16", "T17", "T18"]);
  expect(screen.getByTestId("presenter-funding-challengers")).toBeTruthy();
});
