/**
 * Custom functions metadata per language. functions.json is generated from the JSDoc of
 * src/functions/functions.ts by custom-functions-metadata (the same generator the webpack plugin
 * runs); functions.nb-NO.json is that file with the descriptions from src/i18n/functions.ts and the
 * same ids and names, so =PRIO.SCORE and =PRIO.RANK read the same in every language.
 *
 * Used by webpack.config.js (after the metadata plugin emits functions.json) and by the tests.
 */
import path from "node:path";
import type { Lang } from "../src/i18n/format";
import { functionsMetadataText, type FunctionId } from "../src/i18n/functions";

/** The file of the bokmål metadata, next to functions.json (the manifest's nb-NO override points here). */
export const NB_METADATA_FILE = "functions.nb-NO.json";

/** The functions source the metadata is generated from. */
export const FUNCTIONS_SOURCE = path.resolve(__dirname, "..", "src", "functions", "functions.ts");

/** The parts of custom-functions-metadata's output this file reads (the generator is a dependency of the plugin, not ours). */
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

interface GenerateResult {
  metadataJson: string;
  errors: string[];
}

interface Metadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

const isFunctionId = (id: string): id is FunctionId => id in functionsMetadataText.nb;

/**
 * functions.json with the descriptions of `lang`. Throws when a function or parameter has no
 * translation, or the table names one that does not exist, so a build cannot ship half-translated.
 */
export function localizeFunctionsMetadata(json: string, lang: Lang): string {
  const metadata = JSON.parse(json) as Metadata;
  const table = functionsMetadataText[lang];
  const problems: string[] = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table))
    if (!ids.has(id)) problems.push(`${lang}: ${id} is translated but is not a custom function`);
  const functions = metadata.functions.map((f) => {
    if (!isFunctionId(f.id)) {
      problems.push(`${lang}: no description for ${f.id}`);
      return f;
    }
    const text = table[f.id];
    const names = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(text.parameters))
      if (!names.has(name)) problems.push(`${lang}: ${f.id} has no parameter ${name}`);
    return {
      ...f,
      description: text.description,
      parameters: f.parameters.map((p) => {
        const d = text.parameters[p.name];
        if (d === undefined) problems.push(`${lang}: no description for ${f.id}(${p.name})`);
        return d === undefined ? p : { ...p, description: d };
      }),
    };
  });
  if (problems.length > 0) throw new Error(`custom functions metadata: ${problems.join("; ")}`);
  return JSON.stringify({ ...metadata, functions }, null, 4);
}

/** Runs the metadata generator the webpack plugin uses (resolved through the plugin, as webpack does). */
export async function generateFunctionsJson(input: string = FUNCTIONS_SOURCE): Promise<string> {
  const pluginDir = path.dirname(require.resolve("custom-functions-metadata-plugin/package.json"));
  const generator = require(
    require.resolve("custom-functions-metadata", { paths: [pluginDir] })
  ) as {
    generateCustomFunctionsMetadata(
      input: string | string[],
      wantConsoleOutput?: boolean
    ): Promise<GenerateResult>;
  };
  const result = await generator.generateCustomFunctionsMetadata([input], false);
  if (result.errors.length > 0)
    throw new Error(`custom functions metadata: ${result.errors.join("; ")}`);
  return result.metadataJson;
}
