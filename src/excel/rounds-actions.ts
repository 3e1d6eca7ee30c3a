/**
 * The task pane's rounds actions over the controller (loaded on first use, with src/excel/rounds.ts
 * and the rounds' strings): each is one action of the controller (busy, notice, a refusal as a
 * warning); a write is followed by a recompute (the Endring column, the baseline) and the rounds
 * read again for the Runder view.
 */
import { finding } from "../core/findings";
import { rp } from "../i18n/rounds";
import type { RoundActions } from "../app/app-state";
import { Refusal, type Control } from "./action-control";
import { chooseBaseline, deleteRound, importRound, loadRounds, saveRound, type RoundsOutcome } from "./rounds";

/** What the actions need of the controller. */
export type RoundsControl = Pick<Control, "act" | "set" | "refresh" | "host" | "lang" | "clock">;

export function roundActions(c: RoundsControl): RoundActions {
  const load = async (): Promise<Refusal | undefined> => {
    const read = await c.host.run((ctx) => loadRounds(ctx, c.lang()));
    if (!read.ok) return new Refusal(read.message);
    const meta = read.value.meta;
    c.set({
      rounds: {
        rounds: read.value.rounds.map((x) => x.round),
        findings: read.value.problems.map((p) => finding("round-damaged", "warning", { name: p.name ?? "", detail: p.detail }, { cell: p.cell })),
        pinned: meta.kind === "ok" ? meta.meta.pinned : null,
      },
    });
    return undefined;
  };
  const write = <T>(work: (ctx: Excel.RequestContext, at: Date) => Promise<RoundsOutcome<T>>, notice: (value: T) => string) =>
    c.act(async () => {
      const done = await c.host.run((ctx) => work(ctx, c.clock()));
      if (!done.ok) return new Refusal(done.message);
      await c.refresh();
      return (await load()) ?? notice(done.value);
    });
  return {
    load: () => c.act(load),
    save: (name) => write((ctx, at) => saveRound(ctx, name, c.lang(), at), (r) => rp(c.lang(), "rounds.saved", { name: r.name, n: r.measures.length })),
    remove: (roundId) => write((ctx, at) => deleteRound(ctx, roundId, c.lang(), at), (name) => rp(c.lang(), "rounds.deleted", { name })),
    choose: (roundId) =>
      write(
        (ctx) => chooseBaseline(ctx, roundId, c.lang()),
        (name) => (name === null ? rp(c.lang(), "rounds.baselineDefaultSet") : rp(c.lang(), "rounds.baselineSet", { name })),
      ),
    importFile: (file, name) =>
      write(
        (ctx, at) => importRound(ctx, file, name, c.lang(), at),
        (r) => rp(c.lang(), "rounds.imported", { file: file.name, name: r.name, n: r.measures.length }),
      ),
  };
}
