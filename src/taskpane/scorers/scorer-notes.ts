/**
 * The scorers' notes (disagreements, measures scored by few, bad rows on Vurderere) as Funn items:
 * their messages live with the scorers' strings, which load only when a workbook has scorers.
 */
import { useEffect, useState } from "react";
import type { Severity } from "../../core/findings";
import type { Model } from "../../core/model";
import type { ScorerFinding } from "../../core/scorers";
import type { Lang } from "../../i18n";

/** A note shown in Funn beside the workbook's findings, its message already in the language. */
export interface OtherFinding {
  code: string;
  severity: Severity;
  cell?: string;
  measureId?: string;
  text: string;
}

type Catalog = typeof import("../../i18n/scorers");

export function useScorerNotes(findings: ScorerFinding[] | undefined, lang: Lang, model: Model | undefined): OtherFinding[] {
  const [catalog, setCatalog] = useState<Catalog | undefined>(undefined);
  const wanted = (findings?.length ?? 0) > 0;
  useEffect(() => {
    if (!wanted || catalog) return;
    let live = true;
    void import("../../i18n/scorers").then((m) => live && setCatalog(m)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted, catalog]);
  if (!findings || !catalog) return [];
  return findings.map((f) => ({ code: f.code, severity: f.severity, cell: f.cell, measureId: f.measureId, text: catalog.scorerFindingMessage(f, lang, model) }));
}
