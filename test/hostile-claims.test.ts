/**
 * Untrusted keys never become prototypes: tokens signed by a trusted test key (and an introspection answer) whose
 * JSON carries `"__proto__"`, `"constructor"` and `"prototype"` keys, on every path that copies claims into
 * `custom_claims` (session JWTs, M2M tokens, local and network introspection).
 *
 * The payloads are written as JSON text: in an object literal `__proto__` sets the prototype and is not a key.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as jose from "jose"
import { KeyObject, sign } from "node:crypto"
import { IDP, M2M, Sessions, Stytch } from "../src/index.js"
import { expectFailure } from "./support.js"

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const BASE_URL = "https://example.test"
const KID = "jwk-test-hostile-1"
const NOW_S = 1_767_225_600
const { privateKey, publicKey } = await jose.generateKeyPair("RS256", { extractable: true })
const publicJwk = { ...(await jose.exportJWK(publicKey)), kid: KID, alg: "RS256", use: "sig" }

/** The hostile keys, as JSON text to splice into an object. */
const HOSTILE = `"__proto__":{"role":"admin"},"constructor":{"role":"admin"},"prototype":{"role":"admin"}`
const withHostile = (value: object) => `${JSON.stringify(value).slice(0, -1)},${HOSTILE}}`

/** Signs `payloadJson` (JSON text) as an RS256 JWT under the test key. */
const signJson = (payloadJson: string) => {
  const input = `${Buffer.from(JSON.stringify({ alg: "RS256", kid: KID, typ: "JWT" })).toString("base64url")}.${
    Buffer.from(payloadJson).toString("base64url")
  }`
  return `${input}.${sign("sha256", Buffer.from(input), KeyObject.from(privateKey)).toString("base64url")}`
}

const registered = {
  sub: "user-test-hostile",
  aud: [PROJECT_ID],
  iss: `stytch.com/${PROJECT_ID}`,
  iat: NOW_S,
  nbf: NOW_S,
  exp: NOW_S + 300
}

/** Serves the test key's JWKS, and `introspection` (JSON text) to introspection. */
const fakeLayer = (introspection = "{}") =>
  Stytch.layer({ projectId: PROJECT_ID, secret: "secret-test-hostile", baseUrl: BASE_URL }).pipe(
    Layer.orDie,
    Layer.provide(Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request, url) =>
        Effect.succeed(HttpClientResponse.fromWeb(
          request,
          new Response(
            url.pathname.endsWith("/oauth2/introspect")
              ? introspection
              : JSON.stringify({ keys: [publicJwk], request_id: "request-id-test-jwks", status_code: 200 }),
            { status: 200, headers: { "content-type": "application/json" } }
          )
        ))
      )
    ))
  )

/** The hostile keys are plain own data; none became the prototype. */
const assertInert = (custom: Record<string, unknown>) => {
  assert.strictEqual(Object.getPrototypeOf(custom), Object.prototype)
  assert.isUndefined((custom as { role?: unknown }).role)
  assert.deepStrictEqual(Object.keys(custom).sort(), ["__proto__", "constructor", "prototype", "tenant"])
  for (const key of ["__proto__", "constructor", "prototype"]) {
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(custom, key)?.value, { role: "admin" }, key)
  }
}

const Role = Schema.Struct({ role: Schema.String })

describe("hostile claim keys", () => {
  it.effect("session JWT: the hostile keys stay own keys of custom_claims; a claims schema sees no role", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime((NOW_S + 10) * 1000)
      const session_jwt = signJson(withHostile({
        ...registered,
        tenant: "acme",
        "https://stytch.com/session": {
          id: "session-test-hostile",
          started_at: "2026-01-01T00:00:00Z",
          last_accessed_at: "2026-01-01T00:00:00Z",
          expires_at: "2026-01-01T01:00:00Z",
          authentication_factors: [],
          roles: []
        }
      }))
      const sessions = yield* Sessions.Sessions
      const session = yield* sessions.authenticateJwtLocal({ session_jwt })
      assertInert(session.custom_claims as Record<string, unknown>)
      const error = yield* expectFailure(sessions.authenticateJwtLocalWithClaims({ session_jwt }, Role))
      assert.strictEqual(error._tag, "StytchClaimsError")
    }).pipe(Effect.provide(fakeLayer())))

  it.effect("M2M access token", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime((NOW_S + 10) * 1000)
      const access_token = signJson(withHostile({ ...registered, scope: "read:users", tenant: "acme" }))
      const result = yield* (yield* M2M.M2M).authenticateToken({ access_token })
      assertInert(result.custom_claims as Record<string, unknown>)
    }).pipe(Effect.provide(fakeLayer())))

  it.effect("introspectTokenLocal", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime((NOW_S + 10) * 1000)
      const token = signJson(withHostile({ ...registered, scope: "read:users", tenant: "acme" }))
      const claims = yield* (yield* IDP.IDP).introspectTokenLocal({ token })
      assertInert(claims.custom_claims as Record<string, unknown>)
    }).pipe(Effect.provide(fakeLayer())))

  it.effect("introspectTokenNetwork: the answer's extra keys", () =>
    Effect.gen(function*() {
      const claims = yield* (yield* IDP.IDP).introspectTokenNetwork({
        token: "t",
        client_id: "m2m-client-test-hostile",
        client_secret: Redacted.make("secret-of-the-hostile-client")
      })
      assertInert(claims.custom_claims as Record<string, unknown>)
    }).pipe(Effect.provide(fakeLayer(withHostile({
      active: true,
      request_id: "request-id-test-hostile",
      status_code: 200,
      ...registered,
      scope: "read:users",
      tenant: "acme"
    })))))
})
