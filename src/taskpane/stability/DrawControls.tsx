/**
 * The Stabilitet view's choice of how weights and scores are drawn: weights ±x %, on the simplex
 * around the weights now (a share spread freely), or as now; scores ±spread on the scale, or as
 * now. A bad number is named in a plain message (draw-settings.ts reads and checks the fields);
 * good ones are explained exactly (i18n/stability.ts `drawModel`: each weight times its own uniform
 * factor, each score plus its own uniform amount, clamped, blanks left out).
 *
 * data-testid: stability-weights (select), stability-weight-spread, stability-radius,
 * stability-scores (select), stability-score-spread, stability-settings-error (data-field),
 * stability-draw-model (what is drawn, in words).
 */
import { Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../i18n";
import { drawModel, st } from "../../i18n/stability";
import { readFields, type DrawField, type DrawFields } from "./draw-settings";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  select: { height: "32px", minWidth: "9em", maxWidth: "100%", fontSize: tokens.fontSizeBase300 },
  number: { width: "6em" },
  error: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, margin: 0 },
});

const ERROR_KEY = { weightSpread: "pane.error.weightSpread", radius: "pane.error.radius", scoreSpread: "pane.error.scoreSpread" } as const;

export function DrawControls({ fields, onChange, bad, lang }: { fields: DrawFields; onChange: (f: DrawFields) => void; bad: DrawField | null; lang: Lang }) {
  const s = useStyles();
  const set = <K extends keyof DrawFields>(key: K, value: DrawFields[K]) => onChange({ ...fields, [key]: value });
  // What exactly is drawn with these settings, in the README's words.
  const reading = readFields(fields);
  const number = (key: DrawField, label: string, testid: string) => (
    <Field label={label} validationState={bad === key ? "error" : "none"}>
      <Input className={s.number} inputMode="decimal" value={fields[key]} onChange={(_, d) => set(key, d.value)} data-testid={testid} aria-invalid={bad === key} />
    </Field>
  );
  return (
    <>
      <div className={s.row}>
        <Field label={st(lang, "pane.weights")}>
          {/* A native <select> takes the field's id and label through the render function (Fluent passes them only to its own controls). */}
          {(field) => (
            <select {...field} className={s.select} value={fields.weights} onChange={(e) => set("weights", e.target.value as DrawFields["weights"])} data-testid="stability-weights">
              <option value="relative">{st(lang, "pane.weightsRelative")}</option>
              <option value="simplex">{st(lang, "pane.weightsSimplex")}</option>
              <option value="none">{st(lang, "pane.weightsNone")}</option>
            </select>
          )}
        </Field>
        {fields.weights === "relative" && number("weightSpread", st(lang, "pane.weightSpread"), "stability-weight-spread")}
        {fields.weights === "simplex" && number("radius", st(lang, "pane.radius"), "stability-radius")}
        <Field label={st(lang, "pane.scores")}>
          {(field) => (
            <select {...field} className={s.select} value={fields.scores} onChange={(e) => set("scores", e.target.value as DrawFields["scores"])} data-testid="stability-scores">
              <option value="uniform">{st(lang, "pane.scoresUniform")}</option>
              <option value="none">{st(lang, "pane.scoresNone")}</option>
            </select>
          )}
        </Field>
        {fields.scores === "uniform" && number("scoreSpread", st(lang, "pane.scoreSpread"), "stability-score-spread")}
      </div>
      {fields.weights === "simplex" && (
        <Caption1 as="p" className={s.hint}>
          {st(lang, "pane.radiusHint")}
        </Caption1>
      )}
      {reading.ok && (
        <Caption1 as="p" className={s.hint} data-testid="stability-draw-model">
          {drawModel(lang, reading.weights, reading.scores).join(" ")}
        </Caption1>
      )}
      {bad && (
        <Caption1 as="p" role="alert" className={s.error} data-testid="stability-settings-error" data-field={bad}>
          {st(lang, ERROR_KEY[bad])}
        </Caption1>
      )}
    </>
  );
}
