/** Node, Bun and Deno: the target from the environment, the report as one JSON line on stdout. */
import { run } from "./app.js"
import { runMain } from "./entries.js"

await runMain(run)
