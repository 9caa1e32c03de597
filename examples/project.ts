/**
 * Project: the project's usage counters (users, M2M clients).
 *
 *   npx tsx examples/project.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Console, Effect, Layer } from "effect"
import { HttpTransport, Project, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const project = yield* Project.Project
  const { project_id, metrics } = yield* project.metrics()
  return { project_id, counts: Object.fromEntries(metrics.map((metric) => [metric.metric_type, metric.count])) }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
