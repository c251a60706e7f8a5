/** The benchmark runs (npm run bench): a load run through the real bot, and fault runs. */
export { runLoad } from "./load.js";
export { runFaults } from "./faults.js";
export { runBotFaults } from "./bot-faults.js";
export { measureColdStarts, type ColdStart } from "./cold-start.js";
