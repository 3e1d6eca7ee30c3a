/** Bokmål: the users' first language. Every user-visible string lives here and in en.ts. */
import { QUESTION_TEXT, type ChecklistQuestion } from "../core/checklist";
import type { ModelProblemCode } from "../core/model-validate";
import { CHECKLIST_COLUMNS, type ChecklistColumn } from "../grid/layout";
import { fewScoresList, type FindingMessages, type ModelProblemMessages } from "./catalog";
import { formatPercent } from "./format";

const NB_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

export const nbFindings: FindingMessages = {
  "cell-text": (p, h) =>
    `${h.q(p.raw)} i ${h.crit(p.criterion)} er tekst, ikke en score, og er ikke regnet med (${p.measure}). ` +
    (p.suggestion !== undefined
      ? `Skriv ${h.short(p.suggestion)} som et tall.`
      : `Skriv en score fra ${h.short(p.min)} til ${h.short(p.max)}, eller tøm cellen og legg teksten i en kommentar.`),
  "cell-boolean": (p, h) =>
    `${p.raw} i ${h.crit(p.criterion)} er en sannhetsverdi, ikke en score, og er ikke regnet med (${p.measure}). Skriv en score fra ${h.short(p.min)} til ${h.short(p.max)}.`,
  "cell-error": (p, h) =>
    `Feilverdien ${p.raw} står der det skal være en score for ${h.crit(p.criterion)}, og er ikke regnet med (${p.measure}). Rett formelen eller skriv en score fra ${h.short(p.min)} til ${h.short(p.max)}.`,
  "cell-out-of-scale": (p, h) =>
    p.day !== undefined
      ? `I ${h.crit(p.criterion)} (${p.measure}): ${p.day}.${p.month} ble lest som datoen ${p.day}. ${NB_MONTHS[Number(p.month) - 1]}; skriv ${p.day},${p.month}. Excel gjør et tall med punktum til en dato; scoren er ikke regnet med.`
      : `${h.short(Number(p.raw))} i ${h.crit(p.criterion)} er utenfor skalaen ${h.short(p.min)}–${h.short(p.max)} og er ikke regnet med (${p.measure}). Skriv en score fra ${h.short(p.min)} til ${h.short(p.max)}.`,
  "cell-not-finite": (p, h) =>
    `${p.raw} i ${h.crit(p.criterion)} er ikke et endelig tall og er ikke regnet med (${p.measure}). Skriv en score fra ${h.short(p.min)} til ${h.short(p.max)}.`,
  "missing-scores": (p, h) =>
    `${p.measure} mangler score for ${h.crit(p.criteria)}. Gruppene regnes som snittet av spørsmålene som har score; fyll inn de tomme cellene for en fullstendig vurdering.`,
  "few-scores": (p, h) =>
    `${p.measure} er rangert på få scorer: ${fewScoresList(p, h, "av")} ${Array.isArray(p.groups) && p.groups.length === 1 ? "har" : "har hver"} færre enn ${formatPercent("nb", Number(p.threshold), 0)} av spørsmålene besvart. Totalen kan endre seg mye når resten fylles inn; fyll inn de tomme cellene, eller endre grensen (Minste andel besvart) på arket Modell.`,
  "no-total": (p, h) =>
    `${p.measure} har ingen total fordi ${h.crit(p.groups)} ikke har noen score. Fyll inn minst én score under ${h.crit(p.groups)}.`,
  tie: (p, h) => `${h.list(p.names)} har lik total (${h.n(p.total)}) og deler plass ${p.rank}.`,
  "model-invalid": (p, h) =>
    `Modellen på arket Modell kan ikke brukes, så den siste gyldige modellen gjelder: ${nbModelProblems[p.problem as ModelProblemCode]({ at: String(p.at ?? ""), detail: String(p.detail ?? "") }, h)} Rett cellen, så tas modellen i bruk igjen.`,
  "store-damaged": (p) =>
    `Tilleggets lagrede data i arbeidsboken er skadet (${p.detail}). De er beholdt urørt, og modellen på arket Modell brukes.`,
  "round-damaged": (p) =>
    `${p.name ? `Runden «${p.name}»` : "En lagret runde"} er skadet og ble ikke lest (${p.detail}). De andre rundene er lest. Slett den under Runder hvis den ikke trengs.`,
  "rounds-register-damaged": (p) =>
    `Oversikten over de lagrede rundene er skadet (${p.detail}) og brukes ikke. Rundene leses hver for seg; pilene viser endring siden forrige beregning til du lagrer en runde eller velger et grunnlag under Runder.`,
  "store-newer": (p) =>
    `Tilleggets lagrede data i arbeidsboken er skrevet av en nyere versjon av tillegget (format ${p.format}). Tabellene er lest slik de står, uten de lagrede dataene; oppdater tillegget før du endrer arbeidsboken med det.`,
  "legacy-formula": (p, h) =>
    p.formula === ""
      ? p.empty
        ? `${h.crit(p.node)} er tom, men modellen gir ${h.short(p.correct)} (${p.measure}). Velg «Synkroniser» for å skrive formelen, eller skriv den selv.`
        : `${h.crit(p.node)} viser ${h.short(p.shown)} skrevet inn som et tall, ikke en formel, men modellen gir ${h.short(p.correct)} (${p.measure}). Velg «Synkroniser» for å skrive formelen, eller rett den selv.`
      : `${h.crit(p.node)} ${p.uncalculated ? "vil vise" : "viser"} ${h.short(p.shown)}, men modellen gir ${h.short(p.correct)} (${p.measure}). Formelen er =${p.formula}` +
    (p.sum ? `; den summerer der modellen tar snittet` : "") +
    (p.mean ? `; den tar snittet der modellen summerer` : "") +
    (Array.isArray(p.leftOut) && p.leftOut.length ? `; den utelater ${h.crit(p.leftOut)}` : "") +
    (Array.isArray(p.twice) && p.twice.length ? `; den teller ${h.crit(p.twice)} to ganger` : "") +
    (Array.isArray(p.extra) && p.extra.length ? `; den tar med ${h.crit(p.extra)}, som ikke hører til her` : "") +
    (Array.isArray(p.upstream) && p.upstream.length
      ? p.sum || p.mean || (Array.isArray(p.leftOut) && p.leftOut.length) || (Array.isArray(p.twice) && p.twice.length) || (Array.isArray(p.extra) && p.extra.length)
        ? `; den bygger også på ${h.crit(p.upstream)}, som ${p.uncalculated ? "vil vise" : "viser"} feil verdi`
        : `; formelen er riktig, men den bygger på ${h.crit(p.upstream)}, som ${p.uncalculated ? "vil vise" : "viser"} feil verdi`
      : "") +
    `. Velg «Synkroniser» for å skrive riktig formel, eller rett den selv.`,
  "legacy-not-calculated": (p) =>
    `${p.count === 1 ? "1 formelcelle" : `${p.count} formelceller`} (den første er ${p.first}) er ikke beregnet – åpne og lagre i Excel. Filen er lagret av et program som ikke regner ut formler (for eksempel Python med openpyxl), så den har ingen lagret verdi i dem. Det som kan regnes ut fra formlene selv, er kontrollert; resten blir kontrollert når filen er åpnet og lagret i Excel.`,
  "legacy-sheet-empty": (p) =>
    `Arket ${p.sheet} har verken verdier eller formler i gruppe- og Score-radene (${p.cells} ${p.cells === 1 ? "tom celle" : "tomme celler"} for ${p.measures} tiltak), så det viser ingen totaler. Velg «Synkroniser» for å skrive formlene, eller skriv dem selv.`,
  "legacy-error-value": (p, h) =>
    `${h.crit(p.node)} ${p.uncalculated ? "vil vise" : "viser"} ${p.error} (${p.measure}). ` +
    (p.correct !== null
      ? `Modellen gir ${h.short(p.correct)}.`
      : p.node === "total"
        ? `Tiltaket har ingen total fordi ${h.crit(p.groups)} ikke har noen score. Fyll inn scorene.`
        : `Ingen av spørsmålene under ${h.crit(p.node)} har score, så det finnes ingen verdi å vise. Fyll inn scorene.`),
  "legacy-rank-stale": (p) => `Rangering viser ${p.shown}, men ${p.measure} er nummer ${p.correct} etter scorene. Tallet er utdatert.`,
  "legacy-rank-missing": (p) => `Rangering er tom, men ${p.measure} er nummer ${p.correct} etter scorene.`,
  "missing-row": (p, h) =>
    `Arket ${p.sheet} har ingen rad for ${h.crit(p.criteria)}; spørsmålet regnes som tomt for tiltakene på arket. Legg til raden med spørsmålsteksten fra modellen.`,
  "unmatched-row": (p, h) =>
    `Raden ${h.q(p.label)} passer ikke med noe spørsmål i modellen og er ikke regnet med. Bruk spørsmålsteksten fra modellen, eller legg spørsmålet til i modellen.`,
  "duplicate-row": (p, h) => `${h.q(p.label)} står to ganger på arket; bare den første raden (${p.first}) er regnet med.`,
  "unnamed-measure": (p, h) =>
    `Kolonnen har scorer, men ingen overskrift; den er regnet med som ${h.q(p.name)}. Skriv navnet på tiltaket i overskriften.`,
  "summary-score": (p, h) => `Samlet ${p.uncalculated ? "vil vise" : "viser"} score ${h.short(p.shown)} for ${h.q(p.name)}, men riktig total er ${h.n(p.correct)}.`,
  "summary-rank": (p, h) =>
    p.correct === null
      ? `Samlet viser plass ${p.shown} for ${h.q(p.name)}, men tiltaket har ingen total og skal ikke rangeres.`
      : `Samlet viser plass ${p.shown} for ${h.q(p.name)}, men riktig plass er ${p.correct}${p.tied ? " (delt)" : ""}.`,
  "summary-tie": (p, h) =>
    `${h.list(p.names)} har lik total (${h.n(p.total)}), men Samlet viser dem som nummer ${h.list(p.shown)} uten å si at de står likt. De deler plass ${p.rank}.`,
  "summary-unmatched": (p, h) =>
    `${h.q(p.name)} i Samlet finnes ikke blant tiltakene på arkene.` +
    (p.suggestion ? ` Mente du ${h.q(p.suggestion)} (${p.suggestionCell})? Bruk samme navn begge steder.` : " Fjern raden eller legg til tiltaket."),
  "summary-name": (p, h) =>
    `${h.q(p.name)} i Samlet heter ${h.q(p.measure)} på arket (${p.measureCell}). Bruk samme navn begge steder.`,
  "summary-missing": (p, h) =>
    p.rank === null
      ? `${h.q(p.measure)} står ikke i Samlet.`
      : `${h.q(p.measure)} har total ${h.n(p.total)} og plass ${p.rank}, men står ikke i Samlet.`,
  "summary-typed": () =>
    `Samlet har skrevne kopier av scorene, ikke formler som henter dem fra arkene; kopiene oppdateres ikke når en score endres.`,
  "table-duplicate-id": (p, h) => `ID ${h.q(p.id)} brukes av flere rader (${h.list(p.rows)}). Gi hver rad en egen ID.`,
  "table-missing-id": (p, h) => `Raden for ${h.q(p.name)} har ingen ID. Velg «Oppdater» så får den en ny ID.`,
  "table-missing-name": () => `Raden har scorer, men ingen navn på tiltaket. Skriv navnet i kolonnen Tiltak.`,
  "table-error-value": (p, h) =>
    `Feilverdien ${p.raw} står i kolonnen ${h.q(p.column)} (${p.measure}). Tillegget lar cellen stå som den er og bruker den ikke; skriv det som skal stå der, eller rett formelen.`,
  "table-rows-outside": (p, h) =>
    p.where === "below"
      ? `${p.count === 1 ? `Rad ${p.row}` : `${h.n(p.count, 0)} rader fra rad ${p.row} (til rad ${p.last})`} under tabellen på arket ${p.sheet} ser ut som tiltak, men er utenfor tabellen og er ikke med. ` +
        (p.extend ? `Velg ${h.q(`Utvid tabellen til rad ${p.last}`)} under Funn i tillegget så tas de med, eller flytt dem bort hvis de ikke hører til.` : `Flytt dem inn i tabellen (det står noe mellom tabellen og dem), eller flytt dem bort hvis de ikke hører til.`)
      : `${p.count === 1 ? `Rad ${p.row}` : `${h.n(p.count, 0)} rader fra rad ${p.row}`} til høyre for tabellen på arket ${p.sheet} ser ut som tiltak, men er utenfor tabellen og er ikke med. Flytt dem inn under tabellen, eller flytt dem bort hvis de ikke hører til.`,
  "table-missing-column": (p, h) =>
    `Tabellen mangler kolonnen for ${h.crit(p.criteria)}; spørsmålet regnes som tomt for alle tiltak. Legg til kolonnen eller velg «Oppdater oppsett».`,
  "table-unknown-column": (p, h) => `Kolonnen ${h.q(p.header)} passer ikke med noe spørsmål i modellen og er ikke regnet med.`,
  "table-duplicate-column": (p, h) => `${h.crit(p.criteria)} har to kolonner; bare den første (${p.first}) er regnet med.`,
  "checklist-answer": (p, h) =>
    `${h.q(p.raw)} er ikke et svar på ${h.q(QUESTION_TEXT[p.question as ChecklistQuestion]?.nb ?? p.question)} (${p.measure}). Skriv Ja eller Nei, eller la cellen stå tom til spørsmålet er vurdert.`,
  "checklist-only-scoring": (p, h) =>
    `${h.q(p.name)} (${p.id}) står i Vurdering, men ikke i Sjekkliste. Legg tiltaket til i Sjekkliste igjen, eller fjern det fra Vurdering.`,
  "checklist-only-checklist": (p, h) =>
    `${h.q(p.name)} (${p.id}) står i Sjekkliste, men ikke i Vurdering. Legg tiltaket til i Vurdering igjen, eller fjern det fra Sjekkliste.`,
  "checklist-name-conflict": (p, h) =>
    `${p.id} heter ${h.q(p.scoringName)} i Vurdering og ${h.q(p.checklistName)} i Sjekkliste, og begge er endret. Skriv samme navn begge steder.`,
  "checklist-actor-conflict": (p, h) =>
    `Aktøren for ${p.id} er ${h.q(p.scoringActor)} i Vurdering og ${h.q(p.checklistActor)} i Sjekkliste, og begge er endret. Skriv samme aktør begge steder.`,
  "near-duplicate": (p, h) =>
    `${h.q(p.name)} (${p.id}) og ${h.q(p.otherName)} (${p.otherId}) ser ut som samme tiltak. Slå dem sammen hvis de er det, eller gi dem navn som skiller dem.`,
  "portfolio-value": (p, h) =>
    `${h.q(p.raw)} er ikke en gyldig verdi i kolonnen ${CHECKLIST_COLUMNS[p.column as ChecklistColumn] ?? p.column} (${p.measure}). ` +
    ({ status: "Skriv rød, gul eller grønn.", risk: "Skriv rød, gul eller grønn.", goal: "Skriv et hovedmål fra 1 til 5.", sdg: "Skriv bærekraftsmålenes numre (1–17), for eksempel 3, 9.", budget: "Skriv budsjettet i millioner kroner som et tall." } as Record<string, string>)[String(p.column)],
  "portfolio-budget": (p) => `${p.measure} har budsjett, men budsjett følges bare opp for tiltak i Samstyre.`,
};

export const nbModelProblems: ModelProblemMessages = {
  shape: (p) => `feltet ${p.at} har feil form (${p.detail}).`,
  "newer-version": (p) =>
    `den er lagret av en nyere versjon av tillegget (format ${p.detail}). Oppdater tillegget; ingenting er endret i arbeidsboken.`,
  scale: (p) => `skalaen ${p.detail} er ugyldig; minste verdi må være lavere enn største.`,
  "duplicate-id": (p) => `ID-en ${p.at} brukes to ganger.`,
  weight: (p, h) => `vekten ${h.q(p.detail)} for ${h.crit(p.at)} er ikke et tall fra 0 til 1 000 000. Skriv et tall, for eksempel 1 eller 1,5.`,
  "group-without-weight": (p, h) => `${p.at === "criteria" ? "toppnivået" : h.crit(p.at)} har ingen underpunkter med vekt over 0.`,
  "no-criteria": () => `den har ingen kriterier.`,
  "tie-break-unknown": (p) => `uavgjort-regelen nevner ${p.at}, som ikke er en gruppe i modellen.`,
  "descriptor-outside-scale": (p, h) => `beskrivelsen for ${p.detail} på ${h.crit(p.at)} ligger utenfor skalaen.`,
  completeness: (p) => `minste andel besvart ${p.detail} er ugyldig; bruk en andel fra 0 til 1, for eksempel 0,5.`,
  tolerance: (p) => `toleransen ${p.detail} er ugyldig; bruk et lite tall som 0,000000001.`,
};

export const nbSeverity = { error: "Feil", warning: "Advarsel", info: "Merknad" } as const;
