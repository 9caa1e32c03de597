/** workerd: the target from the worker's text bindings, the report as the JSON answer to any request. */
import { worker } from "../../effect4/test/runtimes/entries.js"
import { run } from "./app.js"

export default worker(run)
