/** How jest turns the tests' TypeScript into JavaScript (@swc/jest, both configs): TypeScript and JSX as tsconfig.json sets them (ES2020, CommonJS, the automatic JSX runtime). */
module.exports = {
  jsc: {
    parser: { syntax: "typescript", tsx: true },
    target: "es2020",
    // Class fields assigned as tsc assigns them for ES2020 (useDefineForClassFields is off there).
    transform: { react: { runtime: "automatic" }, useDefineForClassFields: false },
  },
  module: { type: "commonjs" },
  sourceMaps: "inline",
};

