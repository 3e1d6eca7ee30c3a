/**
 * How the TypeScript becomes JavaScript, one setting for every tool: TypeScript and JSX as
 * tsconfig.json sets them (ES2020, the automatic JSX runtime). Type-checking is `npm run typecheck`.
 *   jest     (@swc/jest, both configs): CommonJS, inline source maps
 *   webpack  (swc-loader, the pane and the preview): ES modules, so webpack can tree-shake; source maps
 */
const jsc = {
  parser: { syntax: "typescript", tsx: true },
  target: "es2020",
  // Class fields assigned as tsc assigns them for ES2020 (useDefineForClassFields is off there).
  transform: { react: { runtime: "automatic" }, useDefineForClassFields: false },
};

module.exports = {
  jest: { jsc, module: { type: "commonjs" }, sourceMaps: "inline" },
  webpack: { jsc, module: { type: "es6" }, sourceMaps: true },
};
