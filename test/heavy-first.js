/**
 * Jest's test order with the heaviest files first (test/heavy-suites.json, the slowest files of a
 * CI run, heaviest first), so that on a fresh clone, where jest has no timings of its own yet, no
 * long file starts last and keeps one worker busy alone at the end. The rest keep jest's order.
 */
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;
const HEAVY = require("./heavy-suites.json");

class HeavyFirst extends Sequencer {
  sort(tests) {
    const rank = new Map([...HEAVY.unit, ...HEAVY.browser].map((file, i) => [file, i]));
    const key = (t) => rank.get(path.relative(t.context.config.rootDir, t.path).split(path.sep).join("/")) ?? Infinity;
    // Array.prototype.sort is stable: the files not listed stay in jest's own order.
    return [...super.sort(tests)].sort((a, b) => key(a) - key(b));
  }
}

module.exports = HeavyFirst;
