/** Unit and adapter tests (jest; SWC strips the types). Browser end-to-end tests run separately (npm run test:e2e). */
const os = require("os");

const SWC = require("./jest.swc.js");

module.exports = {
  // Two workers per core: many files wait part of their time (the CLI as a child process, LibreOffice,
  // timers), and in npm test the browser tests run beside them; with a worker per core the CPU sat
  // idle a third of the time (2-core CI machine: 505 s of CPU in 298 s alone with 4 workers).
  maxWorkers: 2 * Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length),
  testSequencer: "<rootDir>/test/heavy-first.js",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // SWC only strips the types (as ts-jest did with isolatedModules) and hoists jest.mock; the types
  // are checked once, by `npm run typecheck`. A cold run transforms every file once: SWC does it in
  // a fraction of ts-jest's time.
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", SWC],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Several suites start the real CLI as a child process; 5 s is too short on a loaded 2-core CI
  // machine. A hang still fails: this is a ceiling, not a speed target (those live in npm run bench).
  testTimeout: 30000,
};
