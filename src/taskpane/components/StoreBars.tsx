/**
 * The store's state in the pane: a damaged store offers its rebuild (data-testid store-damaged,
 * repair-store), and on the Modell tab the workbook's language for the text the add-in writes
 * into sheets can be changed (data-testid workbook-lang, a native <select>).
 */
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../i18n";
import type { AppState } from "../../app/app-state";
import type { ViewActions } from "./actions";
import { NO_TITLE } from "../../ui/message-bar";

const useStyles = makeStyles({
  bars: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  lang: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  setting: { paddingTop: tokens.spacingVerticalL },
});

/** Above the views: the offer to rebuild a damaged store. */
export function StoreBars({ state, actions }: { state: AppState; actions: Pick<ViewActions, "repairStore"> }) {
  const s = useStyles();
  if (state.status !== "ready" || !state.storeDamaged) return null;
  const lang = state.lang;
  return (
    <div className={s.bars}>
      {state.storeDamaged && (
        <MessageBar intent="warning" layout="multiline" data-testid="store-damaged" aria-labelledby={NO_TITLE}>
          <MessageBarBody>{t(lang, "excel.repair.explain")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={state.busy} onClick={() => actions.repairStore()} data-testid="repair-store">
              {t(lang, "excel.repair.button")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

/** On the Modell tab: the workbook's language for the text the add-in writes into sheets. */
export function WorkbookLangSetting({ state, actions }: { state: AppState; actions: Pick<ViewActions, "setWorkbookLang"> }) {
  const s = useStyles();
  if (state.status !== "ready" || !state.workbookLang) return null;
  const lang = state.lang;
  return (
    <div className={s.setting}>
      {state.workbookLang && (
        <label className={s.lang}>
          <Caption1>{t(lang, "excel.workbookLang.label")}</Caption1>
          <select
            data-testid="workbook-lang"
            value={state.workbookLang}
            disabled={state.busy}
            onChange={(e) => actions.setWorkbookLang(e.target.value as Lang)}
          >
            <option value="nb">{t(lang, "excel.lang.nb")}</option>
            <option value="en">{t(lang, "excel.lang.en")}</option>
          </select>
        </label>
      )}
    </div>
  );
}
