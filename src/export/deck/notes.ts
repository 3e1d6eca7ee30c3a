/** The speaker notes every slide carries: the model, its weights, the tie rule, the cut or the selection's frames. */
import { isGroup, totalMax, type CriterionNode, type Model } from "../../core/model";
import { formatShort, type Lang } from "../../i18n";
import { ex } from "../../i18n/export";
import type { SelectionSplit } from "../selection-split";

export const mnok = (lang: Lang, hundredths: number) => `${formatShort(lang, hundredths / 100)} MNOK`;

function weightLines(model: Model, lang: Lang): string[] {
  const out: string[] = [];
  const walk = (nodes: CriterionNode[], depth: number) => {
    for (const n of nodes) {
      const inverted = !isGroup(n) && n.direction === "inverted" ? ` ${ex(lang, "notes.inverted")}` : "";
      out.push(`${"  ".repeat(depth)}- ${n.label[lang]}: ${formatShort(lang, n.weight, 3)}${inverted}`);
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(model.criteria, 0);
  return out;
}

/** The model's tolerance in words: «en milliarddel» for 1e-9 (a power of ten with a name), else the number in the locale. */
export function toleranceWords(tolerance: number, lang: Lang): string {
  const k = -Math.log10(tolerance);
  const named = {
    3: "notes.part.3",
    6: "notes.part.6",
    9: "notes.part.9",
    12: "notes.part.12",
  } as const;
  const rounded = Math.round(k);
  if (Math.abs(k - rounded) < 1e-9 && rounded in named) return ex(lang, named[rounded as keyof typeof named]);
  return formatShort(lang, tolerance, 15);
}

export function modelNotes(model: Model, lang: Lang, top: number | null, split: SelectionSplit | null = null): string {
  const formula = model.criteria.map((g) => `${formatShort(lang, g.weight, 3)} × ${g.label[lang]}`).join(" + ");
  const lines = [
    ex(lang, "notes.model", {
      name: model.name,
      min: formatShort(lang, model.scale.min),
      max: formatShort(lang, model.scale.max),
    }),
    ex(lang, model.total === "mean" ? "notes.totalMean" : "notes.totalSum", {
      formula,
      max: formatShort(lang, totalMax(model)),
    }),
    ex(lang, "notes.groups"),
    ...weightLines(model, lang),
    model.tieBreak.length
      ? ex(lang, "notes.tieBreak", {
          groups: model.tieBreak.map((id) => model.criteria.find((g) => g.id === id)?.label[lang] ?? id).join(", "),
        })
      : ex(lang, "notes.noTieBreak", { tolerance: toleranceWords(model.tolerance, lang) }),
  ];
  if (top !== null) lines.push(ex(lang, "notes.cut", { count: top }));
  if (split) {
    lines.push(
      split.minimum === null
        ? ex(lang, "notes.splitOnly", { budget: mnok(lang, split.budget) })
        : ex(lang, "notes.split", {
            minimum: mnok(lang, split.minimum),
            budget: mnok(lang, split.budget),
          })
    );
  }
  lines.push(ex(lang, "notes.source"));
  return lines.join("\n");
}
