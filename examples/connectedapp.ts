/**
 * Connected Apps: register a third-party OAuth client of your project, find it, rename it, rotate its secret, and
 * delete it.
 *
 *   npx tsx examples/connectedapp.ts
 *
 * Configured from the environment: STYTCH_PROJECT_ID, STYTCH_SECRET (and STYTCH_BASE_URL for another host).
 */
import { Console, Effect, Layer, Redacted } from "effect"
import { ConnectedApp, HttpTransport, Stytch } from "effect-stytch"

export const program = Effect.gen(function*() {
  const connectedApp = yield* ConnectedApp.ConnectedApp

  const { connected_app: created } = yield* connectedApp.clients.create({
    client_type: "third_party",
    client_name: "Calendar sync",
    redirect_urls: ["https://calendar.example.net/callback"]
  })
  const client_id = created.client_id
  // A confidential client's secret is shown once, here.
  const secret = created.client_secret === undefined ? undefined : Redacted.make(created.client_secret)

  yield* connectedApp.clients.update({ client_id, client_name: "Calendar sync (beta)" })
  const { connected_app: current } = yield* connectedApp.clients.get({ client_id })
  const { connected_apps } = yield* connectedApp.clients.search({ limit: 100 })

  // Both secrets work between rotateStart and rotate.
  yield* connectedApp.clients.secrets.rotateStart({ client_id })
  const { connected_app: rotated } = yield* connectedApp.clients.secrets.rotate({ client_id })

  yield* connectedApp.clients.delete({ client_id })
  return {
    client_id,
    hasSecret: secret !== undefined,
    name: current.client_name,
    redirect_urls: current.redirect_urls,
    listed: connected_apps.some((app) => app.client_id === client_id),
    secretChanged: rotated.client_secret_last_four !== created.client_secret_last_four
  }
})

// The transport, in one line: HttpTransport.layer (node:http where it exists, else fetch) or any other HttpClient.
const StytchLive = Stytch.layerFromEnv.pipe(Layer.provide(HttpTransport.layer))

if (process.argv[1] === import.meta.filename) {
  program.pipe(Effect.tap(Console.log), Effect.provide(StytchLive), Effect.runPromise)
}
