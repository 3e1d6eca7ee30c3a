/** End-to-end tests: the preview build (dist-preview/, `npm run build:preview`) in Debian's Chromium via playwright-core. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", require("./swc.config.js").jest],
  },
  testTimeout: 120000,
  // Two files at a time: a browser test mostly waits (on Chromium, LibreOffice, the page), and in
  // npm test it runs beside the unit tests, whose CPU it fills the gaps of.
  maxWorkers: 2,
  testSequencer: "<rootDir>/test/heavy-first.js",
  // One Chromium for the whole run (each file connects to it): see test/e2e/global-setup.ts.
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
};
