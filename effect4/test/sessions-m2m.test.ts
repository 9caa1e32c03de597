/**
 * The hand-written services of the Effect 4 line against a stub HttpClient that records every request:
 * - Sessions: `authenticateJwt` verifies locally when it can and falls back to `sessions.authenticate` otherwise;
 *   the `*WithClaims` variants.
 * - M2M: `token` (OAuth2 form post without Basic auth, 429-only retries, OAuth2 and Stytch error bodies, the secret
 *   in no error), `authenticateToken` (local verification, scopes with `action:resource` and `*`).
 * - IDP: `introspectTokenNetwork` (form, active / inactive / malformed answers, retries) and `introspectTokenLocal`.
 * - Users: `searchAll` follows `next_cursor` as a Stream.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/testing/TestClock"
import { inspect } from "node:util"
import { IDP, M2M, Sessions, Stytch, Users } from "../src/index.js"
import { BASE_URL, makeJwtFixture, NOW_S, PROJECT_ID } from "./support/jwtCases.js"
import { userBody } from "./support/pipelineCases.js"
import { bodyText } from "./support/pipelineScenarios.js"
import {
  activeIntrospection,
  checkHides,
  CLIENT_ID,
  CLIENT_SECRET,
  introspectedClaims,
  oauthError,
  SECRET_PROBES,
  tokenBody
} from "./support/m2mCases.js"

const fixture = makeJwtFixture()
const SECRET = "secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"
const TOKEN_PATH = `/v1/public/${PROJECT_ID}/oauth2/token`
const INTROSPECT_PATH = `/v1/public/${PROJECT_ID}/oauth2/introspect`

// ---------------------------------------------------------------------------------------------------------------
// Stub HttpClient

interface Sent {
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
  readonly contentType: string | undefined
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })

/**
 * A client that serves the fixture's JWKS and answers every other request with `reply(sent, n)` (`n`: 1-based count
 * of the non-JWKS requests so far).
 */
const stub = (reply: (sent: Sent, n: number) => Response = () => json(404, { error_type: "not_found" })) => {
  const sent: Array<Sent> = []
  const client = HttpClient.make((request, url) =>
    Effect.sync(() => {
      if (url.pathname === `/v1/sessions/jwks/${PROJECT_ID}`) return HttpClientResponse.fromWeb(request, json(200, fixture.jwks))
      const entry: Sent = {
        method: request.method,
        path: url.pathname,
        headers: { ...request.headers },
        body: bodyText(request.body),
        contentType: request.body._tag === "Empty" ? undefined : request.body.contentType
      }
      sent.push(entry)
      return HttpClientResponse.fromWeb(request, reply(entry, sent.length))
    })
  )
  const layer = Stytch.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl: BASE_URL }).pipe(
    Layer.orDie,
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
  )
  return { sent, layer }
}

/** Runs `effect` in a fiber, moving the TestClock until it completes (retries sleep on it). */
const drive = <A, E, R>(effect: Effect.Effect<A, E, R>, maxMs = 120_000) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.forkChild(effect)
    for (let elapsed = 0; elapsed < maxMs && fiber.pollUnsafe() === undefined; elapsed += 100) {
      yield* TestClock.adjust("100 millis")
    }
    return yield* Fiber.await(fiber)
  })

const atNow = TestClock.setTime(NOW_S * 1000)

// ---------------------------------------------------------------------------------------------------------------
// Sessions

const { request_id: _, status_code: __, ...user } = userBody("user-test-11111111-2222-4333-8444-555555555555")

/** What `sessions.authenticate` answers: the session with fresh custom claims, and a new JWT. */
const authenticateAnswer = (session_jwt: string, custom_claims: Record<string, unknown>) => ({
  request_id: "request-id-test-authenticate",
  status_code: 200,
  session: {
    session_id: "session-test-11111111-2222-4333-8444-555555555555",
    user_id: user.user_id,
    authentication_factors: [{ type: "imported", delivery_method: "seeded" }],
    roles: [],
    started_at: "2026-01-01T00:00:00Z",
    expires_at: "2026-01-01T01:00:00Z",
    custom_claims
  },
  session_token: "session-token-test",
  session_jwt,
  user
})

describe("Sessions.authenticateJwt", () => {
  it.effect("a fresh JWT is verified locally, without calling sessions.authenticate", () => {
    const { layer, sent } = stub()
    return Effect.gen(function*() {
      yield* atNow
      const sessions = yield* Sessions.Sessions
      const token = fixture.valid()
      const result = yield* sessions.authenticateJwt({ session_jwt: token, max_token_age_seconds: 60 })
      assert.strictEqual(result.verified, "local")
      assert.strictEqual(result.session_jwt, token)
      assert.strictEqual(result.session.session_id, "session-test-11111111-2222-4333-8444-555555555555")
      assert.strictEqual(sent.length, 0)
    }).pipe(Effect.provide(layer))
  })

  it.effect("a stale or expired JWT falls back to sessions.authenticate, sending only the caller's fields", () => {
    const refreshed = fixture.valid({ iat: NOW_S + 31, nbf: NOW_S + 31, exp: NOW_S + 331 })
    const { layer, sent } = stub((s) =>
      s.path === "/v1/sessions/authenticate" ? json(200, authenticateAnswer(refreshed, { plan: "pro" })) : json(404, {})
    )
    return Effect.gen(function*() {
      yield* atNow
      const sessions = yield* Sessions.Sessions
      const token = fixture.valid()
      yield* TestClock.adjust("31 seconds")
      const result = yield* sessions.authenticateJwt({
        session_jwt: token,
        max_token_age_seconds: 30,
        session_duration_minutes: 60
      })
      assert.strictEqual(result.verified, "remote")
      assert.strictEqual(result.session_jwt, refreshed)
      assert.strictEqual(result.verified === "remote" ? result.response.session_token : undefined, "session-token-test")
      assert.strictEqual(sent.length, 1)
      assert.strictEqual(sent[0]!.method, "POST")
      assert.deepStrictEqual(JSON.parse(sent[0]!.body!), { session_jwt: token, session_duration_minutes: 60 })
      // The new JWT is fresh, so it verifies locally.
      const again = yield* sessions.authenticateJwt({ session_jwt: refreshed, max_token_age_seconds: 30 })
      assert.strictEqual(again.verified, "local")
      assert.strictEqual(sent.length, 1)
      // Expired: remote too.
      yield* TestClock.adjust("10 minutes")
      const expired = yield* sessions.authenticateJwt({ session_jwt: token })
      assert.strictEqual(expired.verified, "remote")
      assert.strictEqual(sent.length, 2)
    }).pipe(Effect.provide(layer))
  })

  it.effect("a remote failure is the API's typed error (SessionNotFound)", () => {
    const { layer } = stub(() =>
      json(404, {
        status_code: 404,
        request_id: "request-id-test-nf",
        error_type: "session_not_found",
        error_message: "Session could not be found."
      })
    )
    return Effect.gen(function*() {
      yield* atNow
      const sessions = yield* Sessions.Sessions
      const error = yield* Effect.flip(sessions.authenticateJwt({ session_jwt: fixture.valid(), max_token_age_seconds: 0 }))
      assert.strictEqual(error._tag, "SessionNotFound")
    }).pipe(Effect.provide(layer))
  })

  const Claims = Schema.Struct({ plan: Schema.Literals(["free", "pro"]), seats: Schema.Number })

  it.effect("*WithClaims decode the custom claims, locally and through the remote path", () => {
    const { layer } = stub(() => json(200, authenticateAnswer(fixture.valid(), { plan: "pro", seats: 5 })))
    return Effect.gen(function*() {
      yield* atNow
      const sessions = yield* Sessions.Sessions
      const token = fixture.valid({ plan: "pro", seats: 5 })
      const local = yield* sessions.authenticateJwtLocalWithClaims({ session_jwt: token }, Claims)
      assert.deepStrictEqual(local.custom_claims, { plan: "pro", seats: 5 })
      const either = yield* sessions.authenticateJwtWithClaims({ session_jwt: token }, Claims)
      assert.strictEqual(either.verified, "local")
      assert.deepStrictEqual(either.custom_claims, { plan: "pro", seats: 5 })
      const remote = yield* sessions.authenticateJwtWithClaims({ session_jwt: token, max_token_age_seconds: 0 }, Claims)
      assert.strictEqual(remote.verified, "remote")
      assert.deepStrictEqual(remote.custom_claims, { plan: "pro", seats: 5 })
      const bad = fixture.valid({ plan: "enterprise", seats: "many" })
      assert.strictEqual(
        (yield* Effect.flip(sessions.authenticateJwtLocalWithClaims({ session_jwt: bad }, Claims)))._tag,
        "StytchClaimsError"
      )
    }).pipe(Effect.provide(layer))
  })
})

// ---------------------------------------------------------------------------------------------------------------
// M2M

const credentials = { client_id: CLIENT_ID, client_secret: Redacted.make(CLIENT_SECRET) }
const token = (request: M2M.TokenRequest) => Effect.flatMap(M2M.M2M, (m2m) => m2m.token(request))

describe("M2M.token", () => {
  it.effect("POSTs a form to the public OAuth2 endpoint, without Basic auth; scope only when scopes are given", () => {
    const { layer, sent } = stub(() => json(200, { ...tokenBody, request_id: "r", status_code: 200 }))
    return Effect.gen(function*() {
      const answer = yield* token({ ...credentials, scopes: ["read:users", "write:users"] })
      assert.deepStrictEqual(answer, tokenBody)
      yield* token(credentials)
      yield* token({ ...credentials, scopes: [] })
      assert.strictEqual(sent.length, 3)
      const [first] = sent
      assert.strictEqual(first!.method, "POST")
      assert.strictEqual(first!.path, TOKEN_PATH)
      assert.strictEqual(first!.contentType, "application/x-www-form-urlencoded")
      assert.isUndefined(first!.headers["authorization"])
      assert.match(first!.headers["user-agent"]!, /^effect-stytch\//)
      assert.deepStrictEqual([...new URLSearchParams(first!.body).entries()], [
        ["grant_type", "client_credentials"],
        ["client_id", CLIENT_ID],
        ["client_secret", CLIENT_SECRET],
        ["scope", "read:users write:users"]
      ])
      for (const request of sent.slice(1)) assert.isFalse(new URLSearchParams(request.body).has("scope"))
    }).pipe(Effect.provide(layer))
  })

  it.effect("an OAuth2 error body becomes StytchOAuth2Error with every field kept", () => {
    const { layer } = stub(() => json(401, oauthError(401, "invalid_client")))
    return Effect.gen(function*() {
      const error = yield* Effect.flip(token(credentials))
      assert.strictEqual(error._tag, "StytchOAuth2Error")
      if (error._tag === "StytchOAuth2Error") {
        assert.strictEqual(error.error, "invalid_client")
        assert.strictEqual(error.error_description, "description of invalid_client")
        assert.strictEqual(error.status_code, 401)
        assert.strictEqual(error.request_id, "request-id-test-invalid_client")
      }
    }).pipe(Effect.provide(layer))
  })

  it.effect("429 is retried, 500 is not (a credential exchange is repeated only when not processed)", () =>
    Effect.gen(function*() {
      const limited = stub((_, n) => n === 1 ? json(429, oauthError(429, "too_many_requests")) : json(200, tokenBody))
      const exit = yield* drive(token(credentials).pipe(Effect.provide(limited.layer)))
      assert.isTrue(Exit.isSuccess(exit))
      assert.strictEqual(limited.sent.length, 2)
      const failing = stub(() => json(500, oauthError(500, "server_error")))
      const error = yield* drive(Effect.flip(token(credentials)).pipe(Effect.provide(failing.layer)))
      assert.strictEqual(failing.sent.length, 1)
      assert.strictEqual(Exit.isSuccess(error) ? error.value._tag : undefined, "StytchOAuth2Error")
    }))

  it.effect("a Stytch-style error body becomes its catalogued class; a non-JSON answer a StytchDecodeError", () =>
    Effect.gen(function*() {
      const stytch = stub(() =>
        json(400, { status_code: 400, request_id: "r", error_type: "invalid_client_id", error_message: "Bad." })
      )
      assert.strictEqual((yield* Effect.flip(token(credentials)).pipe(Effect.provide(stytch.layer)))._tag, "InvalidClientId")
      const html = stub(() => new Response("<html>bad gateway</html>", { status: 401 }))
      assert.strictEqual((yield* Effect.flip(token(credentials)).pipe(Effect.provide(html.layer)))._tag, "StytchDecodeError")
      const odd = stub(() => json(200, { unexpected: true }))
      assert.strictEqual((yield* Effect.flip(token(credentials)).pipe(Effect.provide(odd.layer)))._tag, "StytchDecodeError")
    }))

  it.effect("the client secret appears in no error; an invalid or unredacted request is refused before sending", () =>
    Effect.gen(function*() {
      for (const answer of SECRET_PROBES) {
        const { layer } = stub(answer)
        checkHides(yield* Effect.flip(token(credentials)).pipe(Effect.provide(layer)), CLIENT_SECRET)
      }
      const { layer, sent } = stub(() => json(200, tokenBody))
      const invalid = yield* Effect.flip(token({ ...credentials, client_id: 42 as unknown as string })).pipe(
        Effect.provide(layer)
      )
      assert.strictEqual(invalid._tag, "StytchRequestError")
      const plain = yield* Effect.flip(token({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET as any })).pipe(
        Effect.provide(layer)
      )
      assert.strictEqual(plain._tag, "StytchRequestError")
      assert.include(plain.message, "client_secret")
      assert.strictEqual(sent.length, 0)
      for (const error of [invalid, plain]) {
        for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
          assert.notInclude(text, CLIENT_SECRET)
        }
      }
    }))
})

/** An M2M access token as Stytch signs it: no typ requirement, scope a space-separated string. */
const accessToken = (claims: Record<string, unknown> = {}, key: "trusted" | "foreign" = "trusted") =>
  fixture.sign(
    { alg: "RS256", kid: fixture.kid, typ: "JWT" },
    {
      sub: CLIENT_ID,
      aud: [PROJECT_ID],
      iss: `stytch.com/${PROJECT_ID}`,
      iat: NOW_S,
      nbf: NOW_S,
      exp: NOW_S + 3600,
      scope: "read:users write:users",
      ...claims
    },
    key
  )

const authenticateToken = (request: M2M.AuthenticateTokenRequest) =>
  Effect.flatMap(M2M.M2M, (m2m) => m2m.authenticateToken(request))

describe("M2M.authenticateToken", () => {
  it.effect("a valid token gives its client id, scopes and custom claims (registered claims left out)", () =>
    Effect.gen(function*() {
      yield* atNow
      const result = yield* authenticateToken({ access_token: accessToken({ tenant: "acme", jti: "j" }) })
      assert.deepStrictEqual(result, {
        client_id: CLIENT_ID,
        scopes: ["read:users", "write:users"],
        custom_claims: { tenant: "acme" }
      })
    }).pipe(Effect.provide(stub().layer)))

  it.effect("each rejection reason is its typed error", () =>
    Effect.gen(function*() {
      yield* atNow
      const cases: Array<[string, string]> = [
        [accessToken({}, "foreign"), "StytchJwtInvalidSignature"],
        [accessToken({ aud: ["project-test-other"] }), "StytchJwtInvalidAudience"],
        [accessToken({ iss: "stytch.com/project-test-other" }), "StytchJwtInvalidIssuer"],
        [accessToken({ exp: NOW_S }), "StytchJwtExpired"],
        [accessToken({ sub: "" }), "StytchJwtMalformed"],
        [accessToken({ scope: ["read:users"] }), "StytchJwtMalformed"],
        [fixture.sign({ alg: "HS256", kid: fixture.kid }, {}), "StytchJwtUnsupportedAlgorithm"],
        ["not-a-jwt", "StytchJwtMalformed"]
      ]
      for (const [access_token, tag] of cases) {
        assert.strictEqual((yield* Effect.flip(authenticateToken({ access_token })))._tag, tag, tag)
      }
      const old = accessToken()
      yield* TestClock.adjust("61 seconds")
      assert.strictEqual(
        (yield* Effect.flip(authenticateToken({ access_token: old, max_token_age_seconds: 60 })))._tag,
        "StytchJwtTooOld"
      )
      yield* authenticateToken({ access_token: old, max_token_age_seconds: 120 })
    }).pipe(Effect.provide(stub().layer)))

  it.effect("required scopes: missing ones are listed; '*' grants every resource of its action only", () =>
    Effect.gen(function*() {
      yield* atNow
      const access_token = accessToken({ scope: "read:* write:users admin" })
      yield* authenticateToken({ access_token, required_scopes: ["read:users", "read:projects", "read", "write:users"] })
      yield* authenticateToken({ access_token, required_scopes: ["admin"] })
      const error = yield* Effect.flip(
        authenticateToken({ access_token, required_scopes: ["write:projects", "read:users", "delete:users", "admin:x"] })
      )
      assert.strictEqual(error._tag, "StytchM2MScopeError")
      if (error._tag === "StytchM2MScopeError") {
        assert.deepStrictEqual(error.missing_scopes, ["write:projects", "delete:users", "admin:x"])
        assert.strictEqual(error.client_id, CLIENT_ID)
      }
      // The same (cached) token asked for other scopes is checked again.
      assert.strictEqual(
        (yield* Effect.flip(authenticateToken({ access_token, required_scopes: ["write:*"] })))._tag,
        "StytchM2MScopeError"
      )
    }).pipe(Effect.provide(stub().layer)))
})

// ---------------------------------------------------------------------------------------------------------------
// IDP

const activeAnswer = activeIntrospection(CLIENT_ID)
const introspect = (request: IDP.IntrospectTokenRequest) =>
  Effect.flatMap(IDP.IDP, (idp) => idp.introspectTokenNetwork(request))
const introspectLocal = (request: IDP.IntrospectTokenLocalRequest) =>
  Effect.flatMap(IDP.IDP, (idp) => idp.introspectTokenLocal(request))

describe("IDP introspection", () => {
  it.effect("network: a form post without Basic auth; the claims of an active answer, extra fields custom", () => {
    const { layer, sent } = stub(() => json(200, activeAnswer))
    return Effect.gen(function*() {
      const claims = yield* introspect({ token: "the-token", ...credentials, token_type_hint: "access_token" })
      assert.deepStrictEqual(claims, introspectedClaims(CLIENT_ID))
      yield* introspect({ token: "t2", client_id: CLIENT_ID, client_secret: Redacted.make("") })
      assert.strictEqual(sent[0]!.path, INTROSPECT_PATH)
      assert.isUndefined(sent[0]!.headers["authorization"])
      assert.deepStrictEqual([...new URLSearchParams(sent[0]!.body).entries()], [
        ["token", "the-token"],
        ["client_id", CLIENT_ID],
        ["client_secret", CLIENT_SECRET],
        ["token_type_hint", "access_token"]
      ])
      // The optional fields only when non-empty.
      assert.deepStrictEqual([...new URLSearchParams(sent[1]!.body).keys()], ["token", "client_id"])
    }).pipe(Effect.provide(layer))
  })

  it.effect("network: inactive is StytchTokenInactive; an active answer without its claims a StytchDecodeError", () =>
    Effect.gen(function*() {
      const inactive = stub(() => json(200, { active: false, request_id: "request-id-test-inactive", status_code: 200 }))
      const error = yield* Effect.flip(introspect({ token: "t", ...credentials })).pipe(Effect.provide(inactive.layer))
      assert.strictEqual(error._tag, "StytchTokenInactive")
      assert.include(error.message, "request-id-test-inactive")
      const lax = stub(() => json(200, { active: true, request_id: "r" }))
      const decode = yield* Effect.flip(introspect({ token: "t", ...credentials })).pipe(Effect.provide(lax.layer))
      assert.strictEqual(decode._tag, "StytchDecodeError")
      assert.notInclude(inspect(decode, { depth: 10 }), CLIENT_SECRET)
    }))

  it.effect("network: a read, so a 503 is retried", () =>
    Effect.gen(function*() {
      const flaky = stub((_, n) =>
        n === 1
          ? json(503, { status_code: 503, request_id: "r", error_type: "unavailable", error_message: "" })
          : json(200, activeAnswer)
      )
      const exit = yield* drive(introspect({ token: "t", ...credentials }).pipe(Effect.provide(flaky.layer)))
      assert.isTrue(Exit.isSuccess(exit))
      assert.strictEqual(flaky.sent.length, 2)
    }))

  it.effect("local: the claims of a verified access token; nbf defaults to iat; each rejection typed", () =>
    Effect.gen(function*() {
      yield* atNow
      const claims = yield* introspectLocal({ token: accessToken({ nbf: undefined, tenant: "acme", jti: "j" }) })
      assert.deepStrictEqual(claims, introspectedClaims(CLIENT_ID, { scope: "read:users write:users", audience: [PROJECT_ID] }))
      const noTyp = fixture.sign({ alg: "RS256", kid: fixture.kid }, { sub: CLIENT_ID, aud: PROJECT_ID, iss: `stytch.com/${PROJECT_ID}`, iat: NOW_S, exp: NOW_S + 60 })
      const cases: Array<[string, string]> = [
        [noTyp, "StytchJwtMalformed"],
        [accessToken({ sub: undefined }), "StytchJwtMalformed"],
        [accessToken({ sub: 7 }), "StytchJwtMalformed"],
        [accessToken({ scope: 7 }), "StytchJwtMalformed"],
        [accessToken({ aud: "project-test-other" }), "StytchJwtInvalidAudience"],
        [accessToken({}, "foreign"), "StytchJwtInvalidSignature"],
        [accessToken({ exp: NOW_S - 1 }), "StytchJwtExpired"]
      ]
      for (const [token, tag] of cases) {
        assert.strictEqual((yield* Effect.flip(introspectLocal({ token })))._tag, tag, tag)
      }
    }).pipe(Effect.provide(stub().layer)))
})

// ---------------------------------------------------------------------------------------------------------------
// Users

describe("Users.searchAll", () => {
  it.effect("follows next_cursor page by page as a Stream, sending the cursor back", () => {
    const page = (ids: Array<string>, next_cursor?: string) =>
      json(200, {
        request_id: "r",
        status_code: 200,
        results: ids.map((user_id) => ({ ...user, user_id })),
        results_metadata: { total: 5, ...(next_cursor === undefined ? {} : { next_cursor }) }
      })
    const { layer, sent } = stub((_, n) => n === 1 ? page(["u1", "u2"], "c1") : n === 2 ? page(["u3", "u4"], "c2") : page(["u5"], ""))
    return Effect.gen(function*() {
      const users = yield* Users.Users
      const all = yield* Stream.runCollect(users.searchAll({ limit: 2 }))
      assert.deepStrictEqual(Array.from(all).map((u) => u.user_id), ["u1", "u2", "u3", "u4", "u5"])
      assert.deepStrictEqual(sent.map((s) => [s.path, JSON.parse(s.body!)]), [
        ["/v1/users/search", { limit: 2 }],
        ["/v1/users/search", { limit: 2, cursor: "c1" }],
        ["/v1/users/search", { limit: 2, cursor: "c2" }]
      ])
    }).pipe(Effect.provide(layer))
  })
})
