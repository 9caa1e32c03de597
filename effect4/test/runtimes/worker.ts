/** workerd: the target from the worker's text bindings, the report as the JSON answer to any request. */
import { run } from "./app.js"
import { worker } from "./entries.js"

export default worker(run)
