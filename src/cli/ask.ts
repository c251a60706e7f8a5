/**
 * npm run ask -- "question"                 the answer for a person
 * npm run ask -- --json "question"          one JSON object (contract in README)
 * npm run ask -- --jsonl < questions.jsonl  one JSON line per input line, in order
 * npm run ask -- --help                     every flag
 */
import { runCommand } from "./args.js";
import { runAsk } from "./ask-command.js";

runCommand("ask", () => runAsk(process.argv.slice(2), { stdin: process.stdin, out: (line) => console.log(line), err: (line) => console.error(line) }));
