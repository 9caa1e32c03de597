/**
 * The two local M2M helpers against fake HttpClients:
 * - `m2m.token`: request shape (form body, no Basic auth), decoding, OAuth2 errors, 429-only retries, and that the
 *   client secret never leaks into an error.
 * - `m2m.authenticateToken`: tokens signed here with a key served by a fake JWKS endpoint; claims, scopes, and every
 *   rejection reason.
 *
 * Every test builds its own fake client. `it.effect` runs on the TestClock: calls that sleep are forked and the
 * clock is moved by hand.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as jose from "jose"
import { inspect } from "node:util"
import { M2M, Stytch, StytchError } from "../src/index.js"
import { drive, requestBody } from "./support.js"
import { checkHides, CLIENT_ID, CLIENT_SECRET, oauthError, SECRET_PROBES, tokenBody } from "../effect4/test/support/m2mCases.js"

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const SECRET = "secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"
const BASE_URL = "https://example.test"
const TOKEN_URL = `${BASE_URL}/v1/public/${PROJECT_ID}/oauth2/token`
const JWKS_URL = `${BASE_URL}/v1/sessions/jwks/${PROJECT_ID}`

// ---------------------------------------------------------------------------------------------------------------
// Fake HttpClient

interface Sent {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
  readonly contentType: string | undefined
}


/** A fake client answering attempt `n` (1-based) with `reply(n, sent)`, recording every request. */
const fake = (reply: (attempt: number, sent: Sent) => Response) => {
  const sent: Array<Sent> = []
  const client = HttpClient.make((request, url) =>
    Effect.sync(() => {
      const entry: Sent = {
        method: request.method,
        url: url.toString(),
        headers: { ...request.headers },
        body: requestBody(request),
        contentType: request.body._tag === "Empty" ? undefined : request.body.contentType
      }
      sent.push(entry)
      return HttpClientResponse.fromWeb(request, reply(sent.length, entry))
    })
  )
  return { sent, client }
}

const withClient = (client: HttpClient.HttpClient) =>
  Effect.provide(
    Stytch.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl: BASE_URL }).pipe(
      Layer.orDie,
      Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
    )
  )

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })


const token = (request: M2M.TokenRequest) => Effect.flatMap(M2M.M2M, (m2m) => m2m.token(request))

// ---------------------------------------------------------------------------------------------------------------
// m2m.token

describe("m2m.token", () => {
  it.effect("POSTs a form to the public OAuth2 endpoint, without Basic auth", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, { ...tokenBody, request_id: "r", status_code: 200 }))
      yield* token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET), scopes: ["read:users", "write:users"] })
        .pipe(withClient(client))
      assert.strictEqual(sent.length, 1)
      const [request] = sent
      assert.strictEqual(request!.method, "POST")
      assert.strictEqual(request!.url, TOKEN_URL)
      assert.strictEqual(request!.contentType, "application/x-www-form-urlencoded")
      assert.isUndefined(request!.headers["authorization"])
      assert.match(request!.headers["user-agent"]!, /^effect-stytch\//)
      const form = new URLSearchParams(request!.body)
      assert.deepStrictEqual([...form.entries()], [
        ["grant_type", "client_credentials"],
        ["client_id", CLIENT_ID],
        ["client_secret", CLIENT_SECRET],
        ["scope", "read:users write:users"]
      ])
    }))

  it.effect("omits scope when no scopes (or an empty list) are given", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, tokenBody))
      yield* token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(withClient(client))
      yield* token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET), scopes: [] }).pipe(withClient(client))
      assert.strictEqual(sent.length, 2)
      for (const request of sent) assert.isFalse(new URLSearchParams(request.body).has("scope"))
    }))

  it.effect("decodes the token answer", () =>
    Effect.gen(function*() {
      const { client } = fake(() => json(200, { ...tokenBody, request_id: "request-id-test-1", status_code: 200 }))
      const response = yield* token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(withClient(client))
      assert.deepStrictEqual(response, tokenBody)
    }))

  it.effect("an OAuth2 error body becomes StytchOAuth2Error with every field kept", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(401, oauthError(401, "invalid_client")))
      const error = yield* token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(
        withClient(client),
        Effect.flip
      )
      assert.strictEqual(sent.length, 1) // a 401 is not retried
      assert.strictEqual(error._tag, "StytchOAuth2Error")
      if (error._tag !== "StytchOAuth2Error") return
      assert.deepStrictEqual(
        {
          error: error.error,
          error_description: error.error_description,
          error_uri: error.error_uri,
          status_code: error.status_code,
          request_id: error.request_id
        },
        oauthError(401, "invalid_client")
      )
      assert.include(error.message, "invalid_client")
      assert.isTrue(StytchError.isStytchError(error))
    }))

  it.effect("429 is retried, then the token is returned", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) => n === 1 ? json(429, oauthError(429, "too_many_requests")) : json(200, tokenBody))
      const exit = yield* drive(token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(withClient(client)))
      assert.strictEqual(sent.length, 2)
      assert.deepStrictEqual(exit._tag === "Success" ? exit.value : undefined, tokenBody)
    }))

  it.effect("500 is not retried (credential exchange: 429 only)", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(500, oauthError(500, "server_error")))
      const exit = yield* drive(
        token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(withClient(client), Effect.flip)
      )
      assert.strictEqual(sent.length, 1)
      assert.strictEqual(exit._tag === "Success" ? exit.value._tag : undefined, "StytchOAuth2Error")
    }))

  it.effect("the client secret appears in no error: message, JSON, inspect", () =>
    Effect.gen(function*() {
      for (const answer of SECRET_PROBES) {
        const { client } = fake(answer)
        const error = yield* token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(
          withClient(client),
          Effect.flip
        )
        checkHides(error, CLIENT_SECRET)
      }
      // An invalid request is reported by path, without the value.
      const { client, sent } = fake(() => json(200, tokenBody))
      const invalid = yield* token({ client_id: 42 as unknown as string, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(
        withClient(client),
        Effect.flip
      )
      assert.strictEqual(invalid._tag, "StytchRequestError")
      assert.strictEqual(sent.length, 0)
      assert.notInclude(inspect(invalid, { depth: 10 }), CLIENT_SECRET)
    }))

  it.effect("client_secret must be Redacted: a plain string (untyped caller) is refused before sending, unechoed", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, tokenBody))
      const error = yield* token({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET as any }).pipe(
        withClient(client),
        Effect.flip
      )
      assert.strictEqual(error._tag, "StytchRequestError")
      assert.include(error.message, "client_secret")
      assert.strictEqual(sent.length, 0)
      for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
        assert.notInclude(text, CLIENT_SECRET)
      }
    }))

  it.effect("a Stytch-style error body (no OAuth2 fields) still becomes its catalogued class", () =>
    Effect.gen(function*() {
      const { client } = fake(() =>
        json(429, {
          status_code: 429,
          request_id: "request-id-test-rl",
          error_type: "too_many_requests",
          error_message: "Too many requests.",
          error_url: "https://stytch.com/docs/api/errors/429"
        })
      )
      const exit = yield* drive(
        token({ client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }).pipe(withClient(client), Effect.flip)
      )
      assert.strictEqual(exit._tag === "Success" ? exit.value._tag : undefined, "TooManyRequests")
    }))
})

// ---------------------------------------------------------------------------------------------------------------
// m2m.authenticateToken

const KID = "jwk-test-m2m-1"
const { privateKey, publicKey } = await jose.generateKeyPair("RS256", { extractable: true })
const other = await jose.generateKeyPair("RS256", { extractable: true })
const publicJwk = { ...(await jose.exportJWK(publicKey)), kid: KID, alg: "RS256", use: "sig" }

/** A realistic "now", so iat/exp are ordinary timestamps. */
const NOW_S = 1_767_225_600 // 2026-01-01T00:00:00Z

const jwksClient = () =>
  fake((_, request) =>
    request.method === "GET" && request.url === JWKS_URL
      ? json(200, { keys: [publicJwk], request_id: "request-id-test-jwks", status_code: 200 })
      : json(404, { status_code: 404, request_id: "r", error_type: "not_found", error_message: "", error_url: "" })
  )

interface Sign {
  readonly claims?: jose.JWTPayload
  readonly audience?: string
  readonly issuedAt?: number
  readonly expiresAt?: number
  readonly key?: jose.CryptoKey
}
const sign = (options: Sign = {}) =>
  Effect.promise(() =>
    new jose.SignJWT({ scope: "read:users write:users", ...options.claims })
      .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
      .setSubject(CLIENT_ID)
      .setIssuer(`stytch.com/${PROJECT_ID}`)
      .setAudience([options.audience ?? PROJECT_ID])
      .setIssuedAt(options.issuedAt ?? NOW_S)
      .setNotBefore(options.issuedAt ?? NOW_S)
      .setExpirationTime(options.expiresAt ?? NOW_S + 3600)
      .sign(options.key ?? privateKey)
  )

const authenticate = (request: M2M.AuthenticateTokenRequest) =>
  Effect.flatMap(M2M.M2M, (m2m) => m2m.authenticateToken(request))

/** Sets the TestClock to NOW_S plus `offset` seconds. */
const at = (offset = 0) => TestClock.setTime((NOW_S + offset) * 1000)

describe("m2m.authenticateToken", () => {
  it.effect("a valid token gives its client id, scopes and custom claims", () =>
    Effect.gen(function*() {
      yield* at(10)
      const { client, sent } = jwksClient()
      const access_token = yield* sign({ claims: { tenant: "acme", level: 3, jti: "jti-1" } })
      const result = yield* authenticate({ access_token, required_scopes: ["read:users"] }).pipe(withClient(client))
      assert.deepStrictEqual(result, {
        client_id: CLIENT_ID,
        scopes: ["read:users", "write:users"],
        custom_claims: { tenant: "acme", level: 3 }
      })
      // Only the JWKS was fetched, with the project's Basic auth (it is a JSON API call).
      assert.deepStrictEqual(sent.map((s) => `${s.method} ${s.url}`), [`GET ${JWKS_URL}`])
      assert.match(sent[0]!.headers["authorization"] ?? "", /^Basic /)
    }))

  it.effect("an expired token fails with StytchJwtExpired", () =>
    Effect.gen(function*() {
      const { client } = jwksClient()
      const access_token = yield* sign()
      yield* at(3600 + 1)
      const error = yield* authenticate({ access_token }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag, "StytchJwtExpired")
      // ...but within the clock tolerance it still verifies.
      const ok = yield* authenticate({ access_token, clock_tolerance_seconds: 5 }).pipe(withClient(client))
      assert.strictEqual(ok.client_id, CLIENT_ID)
    }))

  it.effect("a token signed by another key fails with StytchJwtInvalidSignature", () =>
    Effect.gen(function*() {
      yield* at(10)
      const { client } = jwksClient()
      const access_token = yield* sign({ key: other.privateKey })
      const error = yield* authenticate({ access_token }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag, "StytchJwtInvalidSignature")
    }))

  it.effect("a token for another project fails with StytchJwtInvalidAudience", () =>
    Effect.gen(function*() {
      yield* at(10)
      const { client } = jwksClient()
      const access_token = yield* sign({ audience: "project-test-someone-else" })
      const error = yield* authenticate({ access_token }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag, "StytchJwtInvalidAudience")
    }))

  it.effect("a missing required scope fails with StytchM2MScopeError listing what is missing", () =>
    Effect.gen(function*() {
      yield* at(10)
      const { client } = jwksClient()
      const access_token = yield* sign()
      const error = yield* authenticate({
        access_token,
        required_scopes: ["read:users", "delete:users", "read:books"]
      }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag, "StytchM2MScopeError")
      if (error._tag !== "StytchM2MScopeError") return
      assert.deepStrictEqual(error.missing_scopes, ["delete:users", "read:books"])
      assert.strictEqual(error.client_id, CLIENT_ID)
      assert.isTrue(StytchError.isStytchError(error))
    }))

  it.effect("a '*' resource grants every resource of its action, and only of its action", () =>
    Effect.gen(function*() {
      yield* at(10)
      const { client } = jwksClient()
      const access_token = yield* sign({ claims: { scope: "read:* write_users" } })
      const ok = yield* authenticate({ access_token, required_scopes: ["read:users", "read:books", "write_users"] })
        .pipe(withClient(client))
      assert.deepStrictEqual(ok.scopes, ["read:*", "write_users"])
      const error = yield* authenticate({ access_token, required_scopes: ["write:users"] }).pipe(
        withClient(client),
        Effect.flip
      )
      assert.strictEqual(error._tag, "StytchM2MScopeError")
    }))

  it.effect("max_token_age_seconds: 0 makes every token too old; a larger bound is checked against iat", () =>
    Effect.gen(function*() {
      yield* at(10)
      const { client } = jwksClient()
      const access_token = yield* sign()
      const error = yield* authenticate({ access_token, max_token_age_seconds: 0 }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag, "StytchJwtTooOld")
      const young = yield* authenticate({ access_token, max_token_age_seconds: 60 }).pipe(withClient(client))
      assert.strictEqual(young.client_id, CLIENT_ID)
      const old = yield* authenticate({ access_token, max_token_age_seconds: 10 }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(old._tag, "StytchJwtTooOld")
    }))

  it.effect("non-RS256 and non-JWT inputs are rejected before any key lookup", () =>
    Effect.gen(function*() {
      yield* at(10)
      const { client, sent } = jwksClient()
      const hs = yield* Effect.promise(() =>
        new jose.SignJWT({ scope: "read:users" }).setProtectedHeader({ alg: "HS256", kid: KID }).setSubject(CLIENT_ID)
          .sign(new TextEncoder().encode("a-shared-secret-of-at-least-32-bytes!"))
      )
      const alg = yield* authenticate({ access_token: hs }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(alg._tag, "StytchJwtUnsupportedAlgorithm")
      const garbage = yield* authenticate({ access_token: "not-a-jwt" }).pipe(withClient(client), Effect.flip)
      assert.strictEqual(garbage._tag, "StytchJwtMalformed")
      assert.strictEqual(sent.length, 0)
    }))
})
