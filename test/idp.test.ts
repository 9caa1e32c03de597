/**
 * IDP introspection: `idp.introspectTokenNetwork` (RFC 7662 form post) and `idp.introspectTokenLocal` (JWKS).
 *
 * - Against the in-process emulator, on M2M access tokens it issued: active, expired (TestClock), tampered, signed
 *   by another project's key, not an access token; the request on the wire; retries; typed errors without secrets.
 * - Against a fake HttpClient, for what the emulator cannot produce: tokens signed by a test key with a wrong
 *   audience, issuer or type, custom claims, and odd introspection answers.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it, layer } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as jose from "jose"
import { inspect } from "node:util"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { IDP, M2M, Stytch, Users } from "../src/index.js"
import { requestBody, uniqueEmail } from "./support.js"
import { activeIntrospection, introspectedClaims } from "../effect4/test/support/m2mCases.js"

// The emulator generates a 2048-bit RSA key on the first token: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

/** Every request the SDK sends to the emulator, as sent (after the pipeline has built it). */
const sent: Array<HttpClientRequest.HttpClientRequest> = []
const recorded = StytchEmulator.layerStytch({
  transformClient: HttpClient.tapRequest((request) => Effect.sync(() => void sent.push(request)))
})

/** A new M2M client and an access token for it. */
const issue = (scopes: Array<string> = ["read:users", "write:users"]) =>
  Effect.gen(function*() {
    const m2m = yield* M2M.M2M
    const { m2m_client: client } = yield* m2m.clients.create({ scopes })
    const { access_token } = yield* m2m.token({ client_id: client.client_id, client_secret: Redacted.make(client.client_secret) })
    return { client, token: access_token }
  })

/** Introspection over the network, authenticated as `client`. */
const network = (client: { client_id: string; client_secret: string }, token: string) =>
  Effect.flatMap(IDP.IDP, (idp) =>
    idp.introspectTokenNetwork({ token, client_id: client.client_id, client_secret: Redacted.make(client.client_secret) }))

const local = (token: string, options: Omit<IDP.IntrospectTokenLocalRequest, "token"> = {}) =>
  Effect.flatMap(IDP.IDP, (idp) => idp.introspectTokenLocal({ token, ...options }))

/** The same token with its payload changed and the original signature kept. */
const tamper = (token: string, patch: Record<string, unknown>) => {
  const [header, payload, signature] = token.split(".")
  const claims = { ...JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")), ...patch }
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`
}

layer(recorded)("IDP introspection of emulator-issued M2M tokens", (it) => {
  it.effect("an active token: network and local give the same claims", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const { client, token } = yield* issue()
      const iat = Math.floor((yield* Clock.currentTimeMillis) / 1000)
      const expected = {
        subject: client.client_id,
        scope: "read:users write:users",
        custom_claims: {},
        audience: [emulator.projectId],
        expires_at: iat + 3600,
        issued_at: iat,
        issuer: `stytch.com/${emulator.projectId}`,
        not_before: iat,
        token_type: "access_token"
      }
      assert.deepStrictEqual(yield* network(client, token), expected)
      assert.deepStrictEqual(yield* local(token), expected)
    }))

  it.effect("the network request: a form post without Basic auth; optional fields only when non-empty", () =>
    Effect.gen(function*() {
      const idp = yield* IDP.IDP
      const emulator = yield* StytchEmulator.StytchEmulator
      const { client, token } = yield* issue()
      const forms: Array<Array<string>> = []
      for (const token_type_hint of ["access_token", ""]) {
        sent.length = 0
        yield* idp.introspectTokenNetwork({
          token,
          client_id: client.client_id,
          client_secret: Redacted.make(client.client_secret),
          token_type_hint
        })
        assert.strictEqual(sent.length, 1)
        const [request] = sent
        assert.strictEqual(request!.method, "POST")
        assert.strictEqual(
          request!.url,
          `${StytchEmulator.inProcessBaseUrl}/v1/public/${emulator.projectId}/oauth2/introspect`
        )
        assert.isUndefined(request!.headers["authorization"])
        const contentType = request!.body._tag === "Empty" ? undefined : request!.body.contentType
        assert.strictEqual(contentType, "application/x-www-form-urlencoded")
        forms.push([...new URLSearchParams(requestBody(request!)).keys()])
      }
      assert.deepStrictEqual(forms, [
        ["token", "client_id", "client_secret", "token_type_hint"],
        ["token", "client_id", "client_secret"]
      ])
    }))

  it.effect("an expired token (TestClock): inactive over the network, StytchJwtExpired locally", () =>
    Effect.gen(function*() {
      const { client, token } = yield* issue()
      yield* TestClock.adjust("3599 seconds")
      assert.strictEqual((yield* network(client, token)).subject, client.client_id)
      yield* TestClock.adjust("1 second")
      const inactive = yield* network(client, token).pipe(Effect.flip)
      assert.strictEqual(inactive._tag, "StytchTokenInactive")
      if (inactive._tag === "StytchTokenInactive") assert.match(inactive.request_id, /^request-id-test-/)
      const expired = yield* local(token).pipe(Effect.flip)
      assert.strictEqual(expired._tag, "StytchJwtExpired")
      // Within the clock tolerance it still verifies locally.
      assert.strictEqual((yield* local(token, { clock_tolerance_seconds: 5 })).subject, client.client_id)
    }))

  it.effect("a tampered token (scope widened, signature kept): inactive / StytchJwtInvalidSignature", () =>
    Effect.gen(function*() {
      const { client, token } = yield* issue(["read:users"])
      const forged = tamper(token, { scope: "read:users admin:*" })
      const inactive = yield* network(client, forged).pipe(Effect.flip)
      assert.strictEqual(inactive._tag, "StytchTokenInactive")
      const invalid = yield* local(forged).pipe(Effect.flip)
      assert.strictEqual(invalid._tag, "StytchJwtInvalidSignature")
      const garbage = yield* local("not.a.jwt").pipe(Effect.flip)
      assert.strictEqual(garbage._tag, "StytchJwtMalformed")
      assert.strictEqual((yield* network(client, "not-a-jwt").pipe(Effect.flip))._tag, "StytchTokenInactive")
    }))

  it.effect("a token of another project (unknown kid, wrong audience): inactive / StytchJwtUnknownKey", () =>
    Effect.gen(function*() {
      const { client } = yield* issue()
      // A second emulator, for another project: its own signing key, its own audience.
      const other = yield* StytchEmulator.make({ projectId: "project-test-99999999-0000-4000-8000-000000000000" })
      const auth = `Basic ${Buffer.from(`${other.projectId}:${Redacted.value(other.secret)}`).toString("base64")}`
      const created = JSON.parse((yield* other.handle({
        method: "POST",
        url: "/v1/m2m/clients",
        headers: { authorization: auth, "content-type": "application/json" },
        body: JSON.stringify({ scopes: ["read:users"] })
      })).body).m2m_client
      const foreign = JSON.parse((yield* other.handle({
        method: "POST",
        url: `/v1/public/${other.projectId}/oauth2/token`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: created.client_id,
          client_secret: created.client_secret
        }).toString()
      })).body).access_token as string
      assert.strictEqual(jose.decodeJwt(foreign).aud?.[0], other.projectId)
      assert.strictEqual((yield* network(client, foreign).pipe(Effect.flip))._tag, "StytchTokenInactive")
      assert.strictEqual((yield* local(foreign).pipe(Effect.flip))._tag, "StytchJwtUnknownKey")
    }))

  it.effect("a session JWT is not an access token: inactive over the network", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const users = yield* Users.Users
      const { client } = yield* issue()
      const { user_id } = yield* users.create({ email: uniqueEmail("idp") })
      const { session_jwt } = yield* emulator.seedSession({ user_id })
      assert.strictEqual((yield* network(client, session_jwt).pipe(Effect.flip))._tag, "StytchTokenInactive")
    }))

  it.effect("wrong client credentials: StytchOAuth2Error invalid_client; neither secret nor token in any error", () =>
    Effect.gen(function*() {
      const idp = yield* IDP.IDP
      const { client, token } = yield* issue()
      const wrong = `${client.client_secret}-wrong`
      const errors = [
        yield* idp.introspectTokenNetwork({ token, client_id: client.client_id, client_secret: Redacted.make(wrong) })
          .pipe(Effect.flip),
        // No secret: this emulator's clients are confidential.
        yield* idp.introspectTokenNetwork({ token, client_id: client.client_id }).pipe(Effect.flip),
        yield* network(client, tamper(token, { scope: "x" })).pipe(Effect.flip),
        // An invalid request is reported by path and sends nothing.
        yield* idp.introspectTokenNetwork({ token, client_id: 42 as unknown as string, client_secret: Redacted.make(wrong) })
          .pipe(Effect.flip)
      ]
      assert.deepStrictEqual(errors.map((e) => e._tag), [
        "StytchOAuth2Error",
        "StytchOAuth2Error",
        "StytchTokenInactive",
        "StytchRequestError"
      ])
      const first = errors[0]!
      if (first._tag === "StytchOAuth2Error") {
        assert.strictEqual(first.error, "invalid_client")
        assert.strictEqual(first.status_code, 401)
      }
      for (const error of errors) {
        for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error)]) {
          assert.notInclude(text, wrong)
          assert.notInclude(text, client.client_secret)
          assert.notInclude(text, token.split(".")[2]!)
        }
      }
    }))

  it.effect("introspection is a read: a 503 is retried (m2m.token's is not)", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const { client, token } = yield* issue()
      // `Retry-After: 0` makes the retry immediate, so the TestClock need not move.
      yield* emulator.failNext({ status: 503, retryAfter: "0", pathPrefix: "/v1/public/" })
      const claims = yield* network(client, token)
      assert.strictEqual(claims.subject, client.client_id)
      yield* emulator.failNext({ status: 503, pathPrefix: "/v1/public/" })
      const m2m = yield* M2M.M2M
      const error = yield* m2m.token({ client_id: client.client_id, client_secret: Redacted.make(client.client_secret) })
        .pipe(Effect.flip)
      assert.strictEqual(error._tag, "ServiceUnavailable")
    }))
})

// ---------------------------------------------------------------------------------------------------------------
// A fake HttpClient: the JWKS of a test key, and canned introspection answers

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const BASE_URL = "https://example.test"
const KID = "jwk-test-idp-1"
const NOW_S = 1_767_225_600 // 2026-01-01T00:00:00Z
const { privateKey, publicKey } = await jose.generateKeyPair("RS256", { extractable: true })
const publicJwk = { ...(await jose.exportJWK(publicKey)), kid: KID, alg: "RS256", use: "sig" }

/** Answers the JWKS from the test key, and introspection with `introspection` (status 200). */
const fakeLayer = (introspection: unknown = { active: false, request_id: "r", status_code: 200 }) =>
  Stytch.layer({ projectId: PROJECT_ID, secret: "secret-test-idp", baseUrl: BASE_URL }).pipe(
    Layer.orDie,
    Layer.provide(Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request, url) =>
        Effect.succeed(HttpClientResponse.fromWeb(
          request,
          Response.json(
            url.pathname.endsWith("/oauth2/introspect")
              ? introspection
              : { keys: [publicJwk], request_id: "request-id-test-jwks", status_code: 200 }
          )
        ))
      )
    ))
  )

const sign = (options: { claims?: jose.JWTPayload; audience?: string; issuer?: string; typ?: string } = {}) =>
  Effect.promise(() =>
    new jose.SignJWT({ scope: "read:users", ...options.claims })
      .setProtectedHeader({ alg: "RS256", kid: KID, ...(options.typ === "" ? {} : { typ: options.typ ?? "JWT" }) })
      .setSubject("m2m-client-test-fake")
      .setIssuer(options.issuer ?? `stytch.com/${PROJECT_ID}`)
      .setAudience([options.audience ?? PROJECT_ID])
      .setIssuedAt(NOW_S)
      .setExpirationTime(NOW_S + 3600)
      .sign(privateKey)
  )

describe("introspectTokenLocal with a test key", () => {
  it.effect("custom claims are passed through; registered claims are not; nbf defaults to iat", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime((NOW_S + 10) * 1000)
      const token = yield* sign({ claims: { tenant: "acme", level: 3, jti: "jti-1" } })
      const claims = yield* local(token).pipe(Effect.provide(fakeLayer()))
      assert.deepStrictEqual(claims.custom_claims, { tenant: "acme", level: 3 })
      assert.strictEqual(claims.not_before, NOW_S)
      assert.strictEqual(claims.issuer, `stytch.com/${PROJECT_ID}`)
    }))

  it.effect("wrong audience, wrong issuer, missing typ, too old, HS256: each its typed error", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime((NOW_S + 10) * 1000)
      const hs256 = yield* Effect.promise(() =>
        new jose.SignJWT({ scope: "read:users" }).setProtectedHeader({ alg: "HS256", kid: KID, typ: "JWT" })
          .sign(new TextEncoder().encode("a-shared-secret-of-at-least-32-bytes!"))
      )
      const cases: Array<[string, Omit<IDP.IntrospectTokenLocalRequest, "token">, string]> = [
        [yield* sign({ audience: "project-test-someone-else" }), {}, "StytchJwtInvalidAudience"],
        [yield* sign({ issuer: "stytch.com/project-test-someone-else" }), {}, "StytchJwtInvalidIssuer"],
        [yield* sign({ typ: "" }), {}, "StytchJwtMalformed"],
        [yield* sign(), { max_token_age_seconds: 5 }, "StytchJwtTooOld"],
        [hs256, {}, "StytchJwtUnsupportedAlgorithm"]
      ]
      const tags = []
      for (const [token, options] of cases) {
        tags.push((yield* local(token, options).pipe(Effect.provide(fakeLayer()), Effect.flip))._tag)
      }
      assert.deepStrictEqual(tags, cases.map(([, , tag]) => tag))
    }))
})

describe("introspectTokenNetwork with canned answers", () => {
  const client = { client_id: "m2m-client-test-fake", client_secret: "secret-of-the-fake-client-0123456789" }

  it.effect("client_secret must be Redacted: a plain string (untyped caller) is refused, unechoed", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flatMap(IDP.IDP, (idp) =>
        idp.introspectTokenNetwork({ token: "t", client_id: client.client_id, client_secret: client.client_secret as any })
      ).pipe(Effect.provide(fakeLayer()), Effect.flip)
      assert.strictEqual(error._tag, "StytchRequestError")
      assert.include(error.message, "client_secret")
      assert.notInclude(inspect(error, { depth: 10 }), client.client_secret)
    }))

  it.effect("an active answer: custom claims are the answer's extra fields; a string aud is kept", () =>
    Effect.gen(function*() {
      const claims = yield* network(client, "t").pipe(
        Effect.provide(fakeLayer(activeIntrospection(client.client_id, { nbf: NOW_S })))
      )
      assert.deepStrictEqual(claims, introspectedClaims(client.client_id))
    }))

  it.effect("an active answer without the claims is a StytchDecodeError, not an inactive token", () =>
    Effect.gen(function*() {
      const error = yield* network(client, "t").pipe(
        Effect.provide(fakeLayer({ active: true, request_id: "request-id-test-2", status_code: 200 })),
        Effect.flip
      )
      assert.strictEqual(error._tag, "StytchDecodeError")
      if (error._tag === "StytchDecodeError") assert.strictEqual(error.request_id, "request-id-test-2")
      assert.notInclude(inspect(error, { depth: 10 }), client.client_secret)
    }))
})
