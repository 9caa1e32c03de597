/** Node, Bun and Deno: the target from the environment, the report as one JSON line on stdout. */
import { runMain } from "../../effect4/test/runtimes/entries.js"
import { run } from "./app.js"

await runMain(run)
