/**
 * `node --import ./without-package.mjs` with WITHOUT_PACKAGE=<name>: importing that package fails
 * as it does after npm skipped an optional package whose install (a native build) failed.
 */
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

// Module hooks run on their own thread, which loads this file again: register only once.
if (isMainThread) register(import.meta.url, { data: process.env.WITHOUT_PACKAGE });

let missing;

export function initialize(name) {
  missing = name;
}

export async function resolve(specifier, context, nextResolve) {
  if (missing && (specifier === missing || specifier.startsWith(`${missing}/`))) {
    throw Object.assign(new Error(`Cannot find package '${missing}' imported from ${context.parentURL}`), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return nextResolve(specifier, context);
}
