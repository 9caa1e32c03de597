/**
 * The aggregate layers of src/Stytch.ts: the `Stytch.Stytch` service beside the per-area tags, and
 * `Stytch.layerServices` over a `StytchHttp` and a `JwksCache` the user provides.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { JwksCache, Sessions, Stytch, StytchConfig, StytchHttp, Users } from "../src/index.js"
import { expectFailure, userBody } from "./support.js"

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const options = { projectId: PROJECT_ID, secret: "secret-test-aggregate" }

const client = HttpClient.make((request) =>
  Effect.succeed(HttpClientResponse.fromWeb(
    request,
    new Response(JSON.stringify(userBody("user-test-aggregate")), {
      status: 200,
      headers: { "content-type": "application/json" }
    })
  ))
)
const withClient = Layer.succeed(HttpClient.HttpClient, client)

describe("Stytch.Stytch", () => {
  it.effect("Stytch.layer provides the aggregate service, holding the same instances as the per-area tags", () =>
    Effect.gen(function*() {
      const stytch = yield* Stytch.Stytch
      assert.strictEqual(stytch.users, yield* Users.Users)
      assert.strictEqual(stytch.sessions, yield* Sessions.Sessions)
      assert.strictEqual(Object.keys(stytch).length, 17)
      const user = yield* stytch.users.get({ user_id: "user-test-aggregate" })
      assert.strictEqual(user.user_id, "user-test-aggregate")
    }).pipe(Effect.provide(Stytch.layer(options).pipe(Layer.provide(withClient), Layer.orDie))))
})

describe("Stytch.layerServices", () => {
  it.effect("builds every service over the StytchHttp and JwksCache the user provides", () =>
    Effect.gen(function*() {
      let lookups = 0
      const cache = JwksCache.JwksCache.of({
        key: () => Effect.sync(() => void lookups++),
        knownKey: () => undefined,
        version: () => 0,
        invalidate: Effect.void
      })
      const layer = Stytch.layerServices.pipe(
        Layer.provide(Layer.succeed(JwksCache.JwksCache, cache)),
        Layer.provide(StytchHttp.layer),
        Layer.provide(StytchConfig.layer(options)),
        Layer.provide(withClient),
        Layer.orDie
      )
      const context = yield* Effect.scoped(Layer.build(layer))
      const stytch = Context.get(context, Stytch.Stytch)
      const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: "k", typ: "JWT" })).toString("base64url")
      const error = yield* expectFailure(stytch.sessions.authenticateJwtLocal({ session_jwt: `${header}.e30.c2ln` }))
      // The user's cache answered the key lookup.
      assert.strictEqual(error._tag, "StytchJwtUnknownKey")
      assert.strictEqual(lookups, 1)
    }))
})
