/**
 * The chart beside Rangering (bound to the table's columns, so a recompute usually has nothing to
 * do): sync 2 looks it up (src/excel/chart-probe.ts); it is made again when absent, when the
 * Rangering table is rebuilt in this batch or its series no longer match the groups, or retitled
 * in the workbook's language. The code that makes one (src/excel/chart.ts) loads only then (asked for
 * in prepare, awaited in write, so the assessment is shown meanwhile). After
 * ranking.ts in the list: the chart is made after the table it is bound to.
 */
import { SHEETS, TABLES } from "../../grid/layout";
import { chartWork, probeRankingChart, retitleRankingChart } from "../chart-probe";
import type { Capability } from "./capability";

export const chart: Capability = {
  id: "chart",
  read: (context, found) => {
    if (!found.list.tables.includes(TABLES.ranking) || !found.has(SHEETS.ranking)) return undefined;
    const sheetName = found.exact(SHEETS.ranking);
    const probe = probeRankingChart(context.workbook.worksheets.getItem(sheetName));
    let todo: "make" | "title" | "none" = "none";
    // Asked for in prepare, awaited in write: the pane shows the ranking (before the writes) without waiting for it.
    let code: Promise<typeof import("../chart")> | undefined;
    return {
      prepare: ({ read, lang, rankingRebuilt }) => {
        todo = chartWork(probe, read.model, lang, rankingRebuilt === true);
        if (todo === "make") (code = import("../chart")).catch(() => undefined);
      },
      write: async (context, { read, lang }) => {
        if (code) (await code).remakeRankingChart(context.workbook.worksheets.getItem(sheetName), probe, read.model, lang, read.assessment.measures.length);
        else if (todo === "title") retitleRankingChart(probe, lang);
      },
    };
  },
};
