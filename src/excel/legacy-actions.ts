/**
 * Making the add-in's layout, new or imported from the legacy meeting workbook, and «Synkroniser»
 * (planned first, written only once the pane confirmed). Also whether the open workbook has legacy
 * sheets beside the add-in's, read again only when the list of sheets changes.
 */
import { defaultModel } from "../core/model";
import type { AppActions } from "../app/app-state";
import { newStore } from "../grid/store";
import { t } from "../i18n";
import { Refusal, type Control } from "./action-control";
import { importLegacy, isOwnSheet, readLegacy, syncLegacy } from "./legacy";
import { planLegacySyncIn } from "./legacy-plan";

type LegacyActions = Pick<AppActions, "createWorkbook" | "importLegacy" | "planSync" | "cancelSync" | "syncLegacy">;

export function legacyActions(c: Control): LegacyActions & {
  /** Whether sheets other than the add-in's hold the legacy layout (read again only when the sheet list changes). */
  hasLegacy(sheets: string[]): Promise<boolean>;
  /** The next `hasLegacy` reads the workbook again. */
  forget(): void;
} {
  let known: { sheets: string; has: boolean } | undefined;
  return {
    hasLegacy: async (sheets) => {
      const key = sheets.join("\u0000");
      if (known?.sheets === key) return known.has;
      if (sheets.every(isOwnSheet)) {
        known = { sheets: key, has: false };
        return false;
      }
      const legacy = await c.host.run((ctx) => readLegacy(ctx));
      known = { sheets: key, has: legacy.legacy !== undefined };
      return known.has;
    },
    forget: () => {
      known = undefined;
    },

    createWorkbook: () =>
      c.act(async () => {
        const state = c.state();
        const model = state.status === "legacy" && state.model ? state.model : defaultModel();
        // The layout's creation is loaded when a layout is made, not with the pane.
        const { createLayout } = await import("./layout");
        const result = await c.host.run((ctx) =>
          createLayout(ctx, model, [], newStore(model), c.lang()),
        );
        if (!result.ok) return new Refusal(result.message);
        await c.refresh();
        return t(c.lang(), "excel.notice.created");
      }),

    importLegacy: () =>
      c.act(async () => {
        const result = await c.host.run((ctx) => importLegacy(ctx, c.lang()));
        if (!result.ok) return new Refusal(result.message);
        known = undefined;
        await c.refresh();
        return t(c.lang(), "excel.notice.imported", { count: result.count });
      }),

    planSync: () =>
      c.act(async () => {
        c.set({ syncPlan: undefined });
        const plan = await c.host.run((ctx) => planLegacySyncIn(ctx));
        if (!plan) return new Refusal(t(c.lang(), "excel.noLegacy"));
        if (plan.cells === 0) return t(c.lang(), "excel.notice.nothingToSync");
        c.set({ syncPlan: plan });
        return undefined;
      }),

    cancelSync: () => {
      c.set({ syncPlan: undefined });
      return Promise.resolve();
    },

    syncLegacy: () =>
      c.act(async () => {
        c.set({ syncPlan: undefined });
        const result = await c.host.run((ctx) => syncLegacy(ctx, c.lang(), () => c.clock()));
        if (!result.ok) return new Refusal(result.message ?? "");
        if (result.writes.length === 0) return t(c.lang(), "excel.notice.nothingToSync");
        return t(c.lang(), "excel.notice.synced", { count: result.writes.length });
      }),
  };
}
