// ESLint 9 flat config for `npm run lint` (office-addin-lint 3 picks up ./eslint.config.mjs instead of
// its built-in one). Starts from eslint-plugin-office-addins' React preset, as the Office templates
// do, and adapts it to a strict-TypeScript code base.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The preset's TypeScript block (parser, Office rules, prettier) only lists .js/.ts files; the
// task pane is .tsx, so the same block is applied to it as well.
const officeBlock = officeAddins.configs.recommended.find(
  (c) => c.rules && c.rules["office-addins/load-object-before-read"]
);

export default [
  { ignores: ["dist/**", "lib/**", "coverage/**", "test-results/**", "node_modules/**"] },
  ...officeAddins.configs.react,
  { ...officeBlock, files: ["**/*.tsx"] },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // tsc --noEmit checks every name; ESLint's no-undef knows neither the Office/Excel/CustomFunctions
      // globals nor TypeScript's (JSX, NodeJS, DOM lib types), and would need /* global */ comments everywhere.
      "no-undef": "off",
      // `_name` marks an intentionally unused binding; `{ drop, ...rest }` picks the rest.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    settings: { react: { version: "detect" } },
    rules: {
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") and TypeScript props.
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    // The preset pins ecmaVersion 6, which rejects async functions and object spread in plain JS.
    languageOptions: { ecmaVersion: "latest" },
    rules: {
      // Formatting is `npm run prettier`'s job (office-addin-prettier-config, see package.json). Most of
      // the code base is not prettier-formatted yet, so as a lint error this would flag nearly every file.
      "prettier/prettier": "off",
    },
  },
  {
    // The in-memory workbook and the preview page are not Office.js callers: their getCell() and
    // values are plain objects, which the Office load/sync rules would misread as proxies.
    files: ["src/sim/**", "src/preview/**"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
  {
    // Node scripts and config in CommonJS.
    files: ["webpack.config.js", "webpack.preview.js", "jest.config.js", "jest.e2e.config.js", "jest.swc.js", "test/heavy-first.js", "bin/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        console: "readonly",
      },
    },
  },
];
