/**
 * IDP: check an access token presented to your API, offline against the project's keys or by asking Stytch's
 * RFC 7662 introspection endpoint. Here the token is an M2M client's, so the example makes one first.
 *
 *   npx tsx examples/idp.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Console, Effect, Layer, Redacted } from "effect"
import { HttpTransport, IDP, M2M, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const idp = yield* IDP.IDP
  const m2m = yield* M2M.M2M

  const { m2m_client } = yield* m2m.clients.create({ client_name: "reporting-api", scopes: ["read:invoices"] })
  const client_id = m2m_client.client_id
  const client_secret = Redacted.make(m2m_client.client_secret)
  const { access_token } = yield* m2m.token({ client_id, client_secret })

  // Offline: signature, issuer, audience and expiry, with the cached JWKS.
  const local = yield* idp.introspectTokenLocal({ token: access_token, max_token_age_seconds: 3600 })
  // Online: Stytch also knows whether the token was revoked.
  const remote = yield* idp.introspectTokenNetwork({ token: access_token, client_id, client_secret })

  // Anything that is not an active token is a typed failure.
  const garbage = yield* idp.introspectTokenNetwork({ token: "not-a-token", client_id, client_secret }).pipe(
    Effect.as("active"),
    Effect.catchTag("StytchTokenInactive", () => Effect.succeed("inactive"))
  )

  yield* m2m.clients.delete({ client_id })
  return { subject: local.subject, scope: local.scope, sameSubject: remote.subject === local.subject, garbage }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
