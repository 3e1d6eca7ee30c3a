/** The Modell view's buttons around what-if: start it, and «Tilbakestill til like vekter» with a confirm first. */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowReset20Regular, Beaker20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";
import { wp } from "../../i18n/whatif";

const useStyles = makeStyles({
  confirm: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function WhatIfStart({ lang, busy, onStart }: { lang: Lang; busy: boolean; onStart: () => void }) {
  return (
    <Button icon={<Beaker20Regular />} disabled={busy} title={wp(lang, "whatif.startHint")} data-testid="whatif-start" onClick={onStart}>
      {wp(lang, "whatif.start")}
    </Button>
  );
}

/** «Tilbakestill til like vekter»: asks first; only «Ja, like vekter» resets (the controller logs the old weights). */
export function ResetWeights({ lang, busy, onReset }: { lang: Lang; busy: boolean; onReset: () => void }) {
  const s = useStyles();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button icon={<ArrowReset20Regular />} onClick={() => setAsking(true)} disabled={busy} title={tp(lang, "model.resetHint")} data-testid="reset-weights">
        {tp(lang, "model.reset")}
      </Button>
    );
  }
  return (
    <div className={s.confirm} role="alertdialog" aria-label={tp(lang, "model.reset")} data-testid="reset-confirm">
      <Caption1>{wp(lang, "whatif.resetConfirm")}</Caption1>
      <Button
        appearance="primary"
        size="small"
        disabled={busy}
        data-testid="reset-yes"
        onClick={() => {
          setAsking(false);
          onReset();
        }}
      >
        {wp(lang, "whatif.resetYes")}
      </Button>
      <Button size="small" data-testid="reset-no" onClick={() => setAsking(false)}>
        {wp(lang, "whatif.resetNo")}
      </Button>
    </div>
  );
}
