/** The Modell view's buttons around what-if: start it, and «Tilbakestill til like vekter» with a confirm first. */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowReset20Regular, Beaker20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type Ref } from "react";
import type { Lang } from "../../i18n";
import { mtp } from "../../i18n/model-pane";
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

/** Focusable while the workbook is busy (a disabled button would drop the keyboard's focus to the page after «Bruk»). */
export function WhatIfStart({ lang, busy, onStart, buttonRef }: { lang: Lang; busy: boolean; onStart: () => void; buttonRef?: Ref<HTMLButtonElement> }) {
  return (
    <Button ref={buttonRef} icon={<Beaker20Regular />} disabledFocusable={busy} title={wp(lang, "whatif.startHint")} data-testid="whatif-start" onClick={onStart}>
      {wp(lang, "whatif.start")}
    </Button>
  );
}

/** «Tilbakestill til like vekter»: asks first; only «Ja, like vekter» resets (the controller logs the old weights). */
export function ResetWeights({ lang, busy, onReset }: { lang: Lang; busy: boolean; onReset: () => void }) {
  const s = useStyles();
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  // Asking moves the focus to the question; its answer brings it back to the button.
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus.current) button.current?.focus();
    returnFocus.current = false;
  }, [asking]);
  const answer = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  if (!asking) {
    return (
      <Button ref={button} icon={<ArrowReset20Regular />} onClick={() => setAsking(true)} disabledFocusable={busy} title={mtp(lang, "model.resetHint")} data-testid="reset-weights">
        {mtp(lang, "model.reset")}
      </Button>
    );
  }
  return (
    <div className={s.confirm} role="alertdialog" aria-label={mtp(lang, "model.reset")} data-testid="reset-confirm" onKeyDown={(e) => e.key === "Escape" && answer()}>
      <Caption1>{wp(lang, "whatif.resetConfirm")}</Caption1>
      <Button
        ref={yes}
        appearance="primary"
        size="small"
        disabled={busy}
        data-testid="reset-yes"
        onClick={() => {
          answer();
          onReset();
        }}
      >
        {wp(lang, "whatif.resetYes")}
      </Button>
      <Button size="small" data-testid="reset-no" onClick={answer}>
        {wp(lang, "whatif.resetNo")}
      </Button>
    </div>
  );
}
