/**
 * M2M: register a machine client, exchange its id and secret for an access token, verify that token locally with
 * the scopes a route needs, rotate the secret, and remove the client.
 *
 *   npx tsx examples/m2m.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Console, Effect, Layer, Redacted } from "effect"
import { HttpTransport, M2M, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const m2m = yield* M2M.M2M

  const { m2m_client } = yield* m2m.clients.create({ client_name: "nightly-report", scopes: ["read:users"] })
  const client_id = m2m_client.client_id
  // Shown once: keep it Redacted from here on.
  const client_secret = Redacted.make(m2m_client.client_secret)

  const { access_token, expires_in } = yield* m2m.token({ client_id, client_secret, scopes: ["read:users"] })
  const verified = yield* m2m.authenticateToken({ access_token, required_scopes: ["read:users"] })

  // A token without the scope a route needs is refused locally, by its own tag.
  const denied = yield* m2m.authenticateToken({ access_token, required_scopes: ["write:users"] }).pipe(
    Effect.as([] as ReadonlyArray<string>),
    Effect.catchTag("StytchM2MScopeError", (error) => Effect.succeed(error.missing_scopes))
  )

  // Rotation: both secrets work between rotateStart and rotate.
  const { m2m_client: rotating } = yield* m2m.clients.secrets.rotateStart({ client_id })
  yield* m2m.token({ client_id, client_secret: Redacted.make(rotating.next_client_secret) })
  yield* m2m.clients.secrets.rotate({ client_id })

  const { m2m_clients } = yield* m2m.clients.search({ limit: 10 })
  yield* m2m.clients.delete({ client_id })
  return {
    client_id,
    expires_in,
    subject: verified.client_id,
    scopes: verified.scopes,
    denied,
    listed: m2m_clients.some((client) => client.client_id === client_id)
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
