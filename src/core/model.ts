/**
 * The scoring model is data: a criteria tree with a weight on every node, the scale, per-leaf
 * direction, anchored scale descriptors, how the total is formed, and an optional tie-break.
 * The default model is the council's tree of 21 September 2022 (DESIGN §1) with equal weights.
 */

export interface Text {
  nb: string;
  en: string;
}

export type Direction = "higher-better" | "inverted";

/** An anchor on the scale: «10 = lite komplekst». */
export interface Descriptor {
  score: number;
  text: Text;
}

export interface CriterionNode {
  /** Stable id, dotted by convention ("nytte.pasient.sikkerhet"). */
  id: string;
  label: Text;
  /** A short label for column headers and tables. Falls back to label. */
  short?: Text;
  /** Relative weight among siblings. Finite and >= 0. */
  weight: number;
  /** Present (non-empty) on groups, absent on leaves. */
  children?: CriterionNode[];
  /** Leaves only: higher-better (default) or inverted (score = min + max - typed). */
  direction?: Direction;
  /** Leaves only: anchored descriptors of the scale. */
  descriptors?: Descriptor[];
  /** Other labels this node is known by in existing workbooks (matched after normalisation). */
  aliases?: string[];
}

/**
 * How the total is formed from the top-level groups:
 * - "sum": Σ wᵢ·vᵢ (the council's Måloppnåelse + Kostnader + Nytte, 0–30 with unit weights);
 * - "mean": Σ wᵢ·vᵢ / Σ wᵢ (on the scale itself, 0–10).
 */
export type TotalKind = "sum" | "mean";

export interface Scale {
  min: number;
  max: number;
}

export interface Model {
  /** Format version of the stored model. */
  version: 1;
  name: string;
  scale: Scale;
  total: TotalKind;
  criteria: CriterionNode[];
  /** Ordered group ids that break ties of equal totals (higher group value ranks first). */
  tieBreak: string[];
  /** Two totals closer than this (absolute, scaled by magnitude above 1) are equal. */
  tolerance: number;
  /**
   * A ranked measure with a top-level group where fewer than this share of the questions are
   * scored is ranked on few scores, a warning (0–1; absent means DEFAULT_COMPLETENESS).
   */
  completeness?: number;
}

export const DEFAULT_TOLERANCE = 1e-9;

/** Default of Model.completeness: every group has at least half its questions scored. */
export const DEFAULT_COMPLETENESS = 0.5;

export function completenessOf(model: Model): number {
  return model.completeness ?? DEFAULT_COMPLETENESS;
}

export function isGroup(node: CriterionNode): boolean {
  return Array.isArray(node.children) && node.children.length > 0;
}

/** All nodes depth-first, parents before children. */
export function allNodes(model: Model): CriterionNode[] {
  const out: CriterionNode[] = [];
  const walk = (nodes: CriterionNode[]): void => {
    for (const n of nodes) {
      out.push(n);
      if (n.children) walk(n.children);
    }
  };
  walk(model.criteria);
  return out;
}

/** Leaves in model order: the order of the scoring table's columns and of PRIO.SCORE's range. */
export function leaves(model: Model): CriterionNode[] {
  return allNodes(model).filter((n) => !isGroup(n));
}

export function groups(model: Model): CriterionNode[] {
  return allNodes(model).filter(isGroup);
}

export function findNode(model: Model, id: string): CriterionNode | undefined {
  return allNodes(model).find((n) => n.id === id);
}

/** Path from a top-level group down to the node (inclusive), or [] if absent. */
export function pathTo(model: Model, id: string): CriterionNode[] {
  const walk = (nodes: CriterionNode[], trail: CriterionNode[]): CriterionNode[] => {
    for (const n of nodes) {
      const here = [...trail, n];
      if (n.id === id) return here;
      if (n.children) {
        const found = walk(n.children, here);
        if (found.length) return found;
      }
    }
    return [];
  };
  return walk(model.criteria, []);
}

function sumWeights(nodes: CriterionNode[]): number {
  return nodes.reduce((s, n) => s + n.weight, 0);
}

/**
 * The share of the total that each leaf carries when every leaf has a value: the product of
 * w / Σ(sibling weights) along its path. Shares sum to 1 (when every group has a positive weight).
 */
export function impliedLeafWeights(model: Model): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (nodes: CriterionNode[], share: number): void => {
    const total = sumWeights(nodes);
    for (const n of nodes) {
      const s = total > 0 ? (share * n.weight) / total : 0;
      if (isGroup(n)) walk(n.children!, s);
      else out.set(n.id, s);
    }
  };
  walk(model.criteria, 1);
  return out;
}

/** The largest total a measure can reach (every leaf at the top of the scale). */
export function totalMax(model: Model): number {
  if (model.total === "mean") return model.scale.max;
  return sumWeights(model.criteria) * model.scale.max;
}

export function totalMin(model: Model): number {
  if (model.total === "mean") return model.scale.min;
  return sumWeights(model.criteria) * model.scale.min;
}

/** A deep copy with every weight set to 1. */
export function withEqualWeights(model: Model): Model {
  const reset = (nodes: CriterionNode[]): CriterionNode[] =>
    nodes.map((n) => ({ ...n, weight: 1, children: n.children ? reset(n.children) : undefined }));
  return { ...model, criteria: reset(model.criteria) };
}

/** A deep copy with one node's weight changed. */
export function withWeight(model: Model, id: string, weight: number): Model {
  const set = (nodes: CriterionNode[]): CriterionNode[] =>
    nodes.map((n) => ({
      ...n,
      weight: n.id === id ? weight : n.weight,
      children: n.children ? set(n.children) : undefined,
    }));
  return { ...model, criteria: set(model.criteria) };
}

const t = (nb: string, en: string): Text => ({ nb, en });

const degree = (): Descriptor[] => [
  { score: 0, text: t("I svært liten grad", "To a very small extent") },
  { score: 5, text: t("I noen grad", "To some extent") },
  { score: 10, text: t("I svært stor grad", "To a very large extent") },
];

const complexity = (): Descriptor[] => [
  { score: 0, text: t("Ekstremt komplekst", "Extremely complex") },
  { score: 5, text: t("Middels komplekst", "Moderately complex") },
  { score: 10, text: t("Lite komplekst", "Not very complex") },
];

const leaf = (id: string, label: Text, short: Text, descriptors: Descriptor[]): CriterionNode => ({
  id,
  label,
  short,
  weight: 1,
  direction: "higher-better",
  descriptors,
});

/** The council's criteria tree (DESIGN §1) with equal weights and total = M + K + N (0–30). */
export function defaultModel(): Model {
  return {
    version: 1,
    name: "Nasjonalt e-helseråd 2022",
    scale: { min: 0, max: 10 },
    total: "sum",
    tieBreak: [],
    tolerance: DEFAULT_TOLERANCE,
    completeness: DEFAULT_COMPLETENESS,
    criteria: [
      {
        id: "maal",
        label: t("Måloppnåelse", "Goal attainment"),
        weight: 1,
        children: [
          leaf(
            "maal.behov",
            t("I hvor stor grad realiseres informasjonsbehov/tjenester?", "To what extent are information needs/services realised?"),
            t("Informasjonsbehov", "Information needs"),
            degree(),
          ),
          leaf(
            "maal.prioritet",
            t("Samsvarer tiltaket med sektorens prioriteringer?", "Does the measure match the sector's priorities?"),
            t("Sektorens prioriteringer", "Sector priorities"),
            degree(),
          ),
        ],
      },
      {
        id: "kost",
        label: t("Kostnader", "Costs (complexity)"),
        weight: 1,
        children: [
          leaf(
            "kost.teknisk",
            t("I hvor stor grad er tiltaket teknisk komplekst?", "How technically complex is the measure?"),
            t("Teknisk kompleksitet", "Technical complexity"),
            complexity(),
          ),
          leaf(
            "kost.org",
            t("I hvor stor grad er tiltaket organisatorisk komplekst?", "How organisationally complex is the measure?"),
            t("Organisatorisk kompleksitet", "Organisational complexity"),
            complexity(),
          ),
          leaf("kost.juridisk", t("Juridisk utvikling", "Legal development"), t("Juridisk utvikling", "Legal development"), complexity()),
          leaf("kost.semantisk", t("Semantisk utvikling", "Semantic development"), t("Semantisk utvikling", "Semantic development"), complexity()),
        ],
      },
      {
        id: "nytte",
        label: t("Nytte", "Benefit"),
        weight: 1,
        children: [
          {
            id: "nytte.pasient",
            label: t("Pasient", "Patient"),
            weight: 1,
            children: [
              leaf(
                "nytte.pasient.sikkerhet",
                t("I hvor stor grad bidrar tiltaket til økt pasientsikkerhet?", "Contribution to patient safety"),
                t("Pasientsikkerhet", "Patient safety"),
                degree()
              ),
              leaf(
                "nytte.pasient.hverdag",
                t(
                  "I hvor stor grad bidrar tiltaket til en enklere hverdag for innbyggere/pasienter?",
                  "Contribution to an easier everyday life for citizens/patients",
                ),
                t("Enklere hverdag (innbyggere)", "Easier everyday life (citizens)"),
                degree()
              ),
            ],
          },
          {
            id: "nytte.hp",
            label: t("Helsepersonell", "Health personnel"),
            weight: 1,
            children: [
              leaf(
                "nytte.hp.arbeidshverdag",
                t("I hvor stor grad bidrar tiltaket til enklere arbeidshverdag?", "Contribution to an easier working day"),
                t("Enklere arbeidshverdag", "Easier working day"),
                degree(),
              ),
              leaf(
                "nytte.hp.beslutning",
                t("Tryggere på at beslutninger er riktige?", "More confident that decisions are right"),
                t("Tryggere beslutninger", "Safer decisions"),
                degree(),
              ),
            ],
          },
          leaf(
            "nytte.infra",
            t("Realisere sentral infrastruktur", "Realise central infrastructure"),
            t("Sentral infrastruktur", "Central infrastructure"),
            degree(),
          ),
        ],
      },
    ],
  };
}

/** JSON with object keys sorted, so two equal values give the same text however they were built. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
