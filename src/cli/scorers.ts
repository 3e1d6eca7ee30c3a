/**
 * `prio score` on a workbook with several scorers (a Vurderere sheet): the ranking above is the
 * combined one; this adds the scorers, the agreement of their rankings (Kendall's W), the cells
 * where they disagree, each scorer's own ranking and the notes. `--json` adds `"scorers"` and per
 * measure `"spread"`.
 */
import { rankLabel } from "../core/assess";
import { SEVERITY_ORDER } from "../core/findings";
import type { Model } from "../core/model";
import type { MeasureSpread, ScorersAnalysis } from "../core/scorers";
import type { ScorersRead } from "../grid/scorers-table";
import { criterionLabel, formatNumber, formatShort, severityLabel, type Lang } from "../i18n";
import { methodText, sc, scorerFindingMessage } from "../i18n/scorers";

const n2 = (lang: Lang, v: number | null) => (v === null ? "–" : formatNumber(lang, v, 2));

function agreementLine(a: ScorersAnalysis, lang: Lang): string {
  const g = a.agreement;
  if (g.w !== null)
    return sc(lang, "cliAgreement", { w: formatNumber(lang, g.w, 2), measures: g.measures.length });
  return sc(
    lang,
    g.reason === "few-scorers"
      ? "cliNoAgreementFewScorers"
      : g.reason === "all-tied"
        ? "cliNoAgreementAllTied"
        : "cliNoAgreementFewMeasures"
  );
}

/** The scorers section of the text report. */
export function scorersText(s: ScorersRead, model: Model, lang: Lang): string[] {
  const a = s.analysis;
  const out: string[] = [
    "",
    sc(lang, "cliHeading", { count: a.scorers.length, names: a.scorers.join(", ") }),
  ];
  out.push(
    sc(lang, "cliMethod", {
      method: methodText(lang, a.settings.method),
      threshold: formatShort(lang, a.settings.disagreement),
    })
  );
  out.push(agreementLine(a, lang));
  const flagged = a.spreads.flatMap((m) => m.cells.filter((c) => c.flagged).map((c) => ({ m, c })));
  const threshold = formatShort(lang, a.settings.disagreement);
  out.push(
    "",
    flagged.length
      ? sc(lang, "cliDisagreements", { threshold, count: flagged.length })
      : sc(lang, "cliNoDisagreements", { threshold })
  );
  for (const { m, c } of flagged) {
    out.push(
      `  ${sc(lang, "cliDisagreement", {
        cell: c.address ?? "",
        measure: m.name,
        criterion: criterionLabel(model, c.leafId, lang),
        values: c.values.map((v) => `${v.scorer} ${formatShort(lang, v.value)}`).join(", "),
        combined: n2(lang, c.combined),
        range: n2(lang, c.range),
        sd: n2(lang, c.sd),
      })}`
    );
  }
  out.push("", sc(lang, "cliRankings"));
  for (const r of a.rankings) {
    const ranked = r.assessment.measures.filter((m) => m.rank !== null);
    out.push(`  ${r.scorer}: ${ranked.map((m) => `${rankLabel(m)} ${m.name}`).join(" · ") || "–"}`);
  }
  const findings = [...a.findings].sort(
    (x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity)
  );
  if (findings.length) {
    out.push("", sc(lang, "cliFindings", { count: findings.length }));
    for (const f of findings)
      out.push(
        `  [${severityLabel(f.severity, lang)}] ${f.cell ? `${f.cell}: ` : ""}${scorerFindingMessage(f, lang, model)}`
      );
  }
  return out;
}

/** Per measure: null without scorer rows, else who scored it and every question's spread. */
export function spreadJson(s: MeasureSpread | undefined, model: Model, lang: Lang) {
  if (!s) return null;
  return {
    scorers: s.scorers,
    few: s.few,
    maxRange: s.maxRange,
    maxSd: s.maxSd,
    cells: s.cells.map((c) => ({
      criterion: criterionLabel(model, c.leafId, lang),
      criterionId: c.leafId,
      cell: c.address ?? null,
      combined: c.combined,
      sd: c.sd,
      range: c.range,
      flagged: c.flagged,
      values: c.values.map((v) => ({ scorer: v.scorer, value: v.value, cell: v.address ?? null })),
    })),
  };
}

export function scorersJson(s: ScorersRead, model: Model, lang: Lang) {
  const a = s.analysis;
  return {
    names: a.scorers,
    method: a.settings.method,
    disagreementRange: a.settings.disagreement,
    agreement: {
      w: a.agreement.w,
      measures: a.agreement.measures,
      scorers: a.agreement.scorers,
      reason: a.agreement.reason ?? null,
    },
    disagreements: a.spreads.flatMap((m) =>
      m.cells
        .filter((c) => c.flagged)
        .map((c) => ({
          id: m.measureId,
          name: m.name,
          criterion: criterionLabel(model, c.leafId, lang),
          cell: c.address ?? null,
          range: c.range,
          sd: c.sd,
          combined: c.combined,
        }))
    ),
    rankings: a.rankings.map((r) => ({
      scorer: r.scorer,
      measures: r.assessment.measures.map((m) => ({
        id: m.id,
        score: m.total,
        rank: m.rank,
        tied: m.tied,
      })),
    })),
    findings: a.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell ?? null,
      message: scorerFindingMessage(f, lang, model),
    })),
  };
}
