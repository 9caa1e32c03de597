/**
 * The shared JWT case table (test/support/jwtCases.ts, also run by the Effect 4 suite) through the Effect 3 line's
 * `Sessions.authenticateJwtLocal`, on both signature backends, against a fake JWKS endpoint serving the table's keys.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import { afterAll, beforeAll } from "vitest"
import { Sessions, Stytch } from "../src/index.js"
import { activeBackend, backend } from "../src/internal/jwt.js"
import { BASE_URL, JWT_CASES, makeJwtFixture, NOW_S, PROJECT_ID, tagOf } from "./support/jwtCases.js"

const fixture = makeJwtFixture()

const layer = (jwksFetches: { count: number }) =>
  Stytch.layer({ projectId: PROJECT_ID, secret: "secret-test-jwt-cases", baseUrl: BASE_URL }).pipe(
    Layer.orDie,
    Layer.provide(Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) =>
        Effect.sync(() => {
          jwksFetches.count++
          return HttpClientResponse.fromWeb(
            request,
            new Response(JSON.stringify(fixture.jwks), { status: 200, headers: { "content-type": "application/json" } })
          )
        })
      )
    ))
  )

describe.each(["node", "webcrypto"] as const)("the shared JWT cases (%s signature backend)", (which) => {
  const before = backend.current
  beforeAll(() => {
    backend.current = which
  })
  afterAll(() => {
    backend.current = before
  })

  it.effect("every case gives its expected answer", () => {
    const fetches = { count: 0 }
    return Effect.gen(function*() {
      assert.strictEqual(activeBackend(), which)
      yield* TestClock.setTime(NOW_S * 1000)
      const sessions = yield* Sessions.Sessions
      for (const c of JWT_CASES) {
        const result = yield* Effect.either(sessions.authenticateJwtLocal({ session_jwt: c.token(fixture), ...c.options }))
        if (c.expected === "valid") {
          assert.strictEqual(result._tag, "Right", `${c.name}: ${result._tag === "Left" ? result.left.message : ""}`)
        } else {
          assert.strictEqual(result._tag, "Left", c.name)
          if (result._tag === "Left") assert.include(c.expected.map(tagOf), result.left._tag, c.name)
        }
      }
      // The unknown kids each asked for a refetch; the rate limit allowed one at this instant (plus the first fetch).
      assert.strictEqual(fetches.count, 2)
    }).pipe(Effect.provide(layer(fetches)))
  })
})
