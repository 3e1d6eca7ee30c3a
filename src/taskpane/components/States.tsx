/** The states without a scoring table: loading, empty, legacy (banner above the read-only views), error. */
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise20Regular, ArrowImport20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import type { Lang } from "../../i18n";
import { tp } from "../../i18n/taskpane";
import type { ViewActions } from "./actions";

const useStyles = makeStyles({
  centre: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
  },
  loading: { padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}` },
  body: { color: tokens.colorNeutralForeground2 },
  banner: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  errorText: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

export function LoadingState({ lang }: { lang: Lang }) {
  const s = useStyles();
  return (
    <div className={s.loading} data-testid="state-loading">
      <Spinner size="small" label={tp(lang, "loading.label")} />
    </div>
  );
}

export function EmptyState({ lang, busy, actions }: { lang: Lang; busy: boolean; actions: Pick<ViewActions, "createWorkbook"> }) {
  const s = useStyles();
  return (
    <div className={s.centre} data-testid="state-empty">
      <Text as="h2" size={500} weight="semibold">
        {tp(lang, "empty.title")}
      </Text>
      <Text className={s.body}>{tp(lang, "empty.body")}</Text>
      <Button appearance="primary" icon={<TableAdd20Regular />} disabled={busy} onClick={() => actions.createWorkbook()} data-testid="create-workbook">
        {tp(lang, "empty.create")}
      </Button>
    </div>
  );
}

export function LegacyBanner({ lang, busy, actions }: { lang: Lang; busy: boolean; actions: Pick<ViewActions, "createWorkbook" | "importLegacy"> }) {
  const s = useStyles();
  return (
    <div className={s.banner} data-testid="state-legacy" role="region" aria-label={tp(lang, "legacy.title")}>
      <Text as="h2" size={400} weight="semibold">
        {tp(lang, "legacy.title")}
      </Text>
      <Text size={200} className={s.body}>
        {tp(lang, "legacy.body")}
      </Text>
      <div className={s.buttons}>
        <Button appearance="primary" icon={<ArrowImport20Regular />} disabled={busy} onClick={() => actions.importLegacy()} data-testid="import-legacy">
          {tp(lang, "legacy.import")}
        </Button>
        <Button icon={<TableAdd20Regular />} disabled={busy} onClick={() => actions.createWorkbook()} data-testid="create-workbook">
          {tp(lang, "legacy.createEmpty")}
        </Button>
      </div>
    </div>
  );
}

export function ErrorState({ lang, message, busy, actions }: { lang: Lang; message: string | undefined; busy: boolean; actions: Pick<ViewActions, "recalc"> }) {
  const s = useStyles();
  return (
    <div className={s.centre} data-testid="state-error" role="alert">
      <Text as="h2" size={500} weight="semibold">
        {tp(lang, "error.title")}
      </Text>
      {message && (
        <Text className={s.errorText} data-testid="error-message">
          {message}
        </Text>
      )}
      <Button appearance="primary" icon={<ArrowClockwise20Regular />} disabled={busy} onClick={() => actions.recalc()} data-testid="retry">
        {tp(lang, "error.retry")}
      </Button>
    </div>
  );
}
