/**
 * Impersonation: a support agent signs in as a user with a token issued from the Stytch Dashboard. The session it
 * starts names the impersonator in its authentication factor, so your app can show a banner and audit it.
 *
 *   IMPERSONATION_TOKEN=<token from the dashboard> npx tsx examples/impersonation.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Config, Console, Effect, Layer, Redacted } from "effect"
import { HttpTransport, Impersonation, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const impersonation = yield* Impersonation.Impersonation
  const token = yield* Config.redacted("IMPERSONATION_TOKEN")

  const signedIn = yield* impersonation.authenticate({ impersonation_token: Redacted.value(token) })
  const factors = signedIn.session?.authentication_factors ?? []
  return {
    user_id: signedIn.user_id,
    session_id: signedIn.session?.session_id,
    impersonated: factors.some((factor) => factor.type === "impersonated"),
    expires_at: signedIn.session?.expires_at
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
