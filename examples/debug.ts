/**
 * Debug: which project the configured credentials belong to (a start-up check that the secret is right).
 *
 *   npx tsx examples/debug.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Console, Effect, Layer } from "effect"
import { HttpTransport, Debug, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const debug = yield* Debug.Debug
  const { project_id, name } = yield* debug.whoami().pipe(
    // Wrong credentials are a typed failure too.
    Effect.catchTag("UnauthorizedCredentials", () => Effect.dieMessage("STYTCH_PROJECT_ID / STYTCH_SECRET are wrong"))
  )
  return { project_id, name }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
