/** Where to ask for help: the reports' organisations and an operator's contacts. */
export { HelpDirectory, HelpDirectoryError, BUNDLED_DIRECTORY_PATH } from "./directory.js";
export type { HelpEntry } from "./directory.js";
export { NEEDS, needsIn } from "./needs.js";
export type { Need } from "./needs.js";
