/**
 * Local verification of session JWTs (`authenticateJwtLocal`, `authenticateJwt`, the `*WithClaims` variants) and the
 * JWKS cache, against the in-process emulator.
 *
 * Each test builds its own SDK + emulator (so JWKS fetch counts and the TestClock start from zero), with a
 * `transformClient` that records every request and can append extra public keys to the JWKS answer: tokens signed
 * by such a key have a valid signature, so issuer, audience and time checks can be tested on their own.
 */
import { assert, describe, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Exit from "effect/Exit"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as jose from "jose"
import { afterAll, beforeAll, vi } from "vitest"
import { generateKeyPairSync, KeyObject, randomUUID, sign as sign_ } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { Sessions, Stytch, Users } from "../src/index.js"
import { activeBackend, backend } from "../src/internal/jwt.js"
import { expectFailure } from "./support.js"

// Each emulator generates a 2048-bit RSA signing key: slow on a busy machine, so allow more than the 5 s default.
vi.setConfig({ testTimeout: 30_000 })

// ---------------------------------------------------------------------------------------------------------------
// Harness

interface Harness {
  /** `METHOD /path` of every request the SDK sent, in order. */
  readonly requests: Array<string>
  /** Public keys appended to every successful JWKS answer. */
  readonly extraKeys: Array<jose.JWK>
  /** While set, JWKS requests are sent (and counted) but their answers never arrive. */
  hangJwks: boolean
  /** Hanging JWKS requests that were interrupted. */
  interrupted: number
}
class TestHarness extends Context.Tag("test/JwtHarness")<TestHarness, Harness>() {}

const JWKS_PATH = "/v1/sessions/jwks/"
const isJwks = (r: string) => r.startsWith(`GET ${JWKS_PATH}`)

const makeLayer = (options: Pick<Stytch.Options, "jwks"> = {}) =>
  Layer.unwrapEffect(Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const harness: Harness = { requests: [], extraKeys: [], hangJwks: false, interrupted: 0 }
    const transformClient = (client: HttpClient.HttpClient) =>
      client.pipe(
        HttpClient.tapRequest((request) =>
          Effect.sync(() => harness.requests.push(`${request.method} ${new URL(request.url).pathname}`))
        ),
        HttpClient.transformResponse(Effect.flatMap((response) => {
          const path = new URL(response.request.url).pathname
          if (harness.hangJwks && path.startsWith(JWKS_PATH)) {
            return Effect.onInterrupt(Effect.never, () => Effect.sync(() => harness.interrupted++))
          }
          if (!path.startsWith(JWKS_PATH) || response.status !== 200 || harness.extraKeys.length === 0) {
            return Effect.succeed(response)
          }
          return Effect.map(response.json, (body: any) =>
            HttpClientResponse.fromWeb(
              response.request,
              new Response(JSON.stringify({ ...body, keys: [...body.keys, ...harness.extraKeys] }), {
                status: 200,
                headers: { "content-type": "application/json" }
              })
            ))
        }))
      )
    return Stytch.layer({
      ...options,
      projectId: emulator.projectId,
      secret: emulator.secret,
      baseUrl: StytchEmulator.inProcessBaseUrl,
      fraudBaseUrl: StytchEmulator.inProcessBaseUrl,
      transformClient
    }).pipe(Layer.merge(Layer.succeed(TestHarness, harness)))
  })).pipe(Layer.provideMerge(StytchEmulator.layer()))

/** Runs a test on a fresh emulator + SDK. */
const fresh = <A, E>(
  effect: Effect.Effect<A, E, Stytch.Provided | StytchEmulator.StytchEmulator | TestHarness>,
  options?: Pick<Stytch.Options, "jwks">
) => Effect.provide(effect, makeLayer(options))

const jwksFetches = Effect.map(TestHarness, (h) => h.requests.filter(isJwks).length)
const authenticateCalls = Effect.map(TestHarness, (h) => h.requests.filter((r) => r === "POST /v1/sessions/authenticate").length)

/** A user and a seeded session. */
const seeded = (custom_claims?: Record<string, unknown>) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const user = yield* (yield* Users.Users).create({ email: `jwt-${randomUUID().slice(0, 8)}@example.test` })
    const session = yield* emulator.seedSession({ user_id: user.user_id, custom_claims })
    return { ...session, user_id: user.user_id }
  })

/**
 * One RSA key pair that is not the emulator's, generated once for the whole file (RSA generation is slow). Each test
 * decides whether the JWKS it sees trusts it (`trustedForgeKey`) or not (an attacker's key).
 */
const foreignKeyPair = jose.generateKeyPair("RS256", { extractable: true })
const foreignKey = Effect.promise(() => foreignKeyPair)

/** The foreign key, with its public half served by this test's JWKS (see the harness). */
const trustedForgeKey = Effect.gen(function*() {
  const harness = yield* TestHarness
  const { privateKey, publicKey } = yield* foreignKey
  const kid = `jwk-test-forge-${randomUUID()}`
  const jwk = yield* Effect.promise(() => jose.exportJWK(publicKey))
  harness.extraKeys.push({ ...jwk, kid, alg: "RS256", use: "sig" })
  return { privateKey, kid }
})

/** Claims shaped like a Stytch session JWT, issued now, overridable. */
const stytchClaims = (user_id: string, overrides: Record<string, unknown> = {}) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
    const iso = (s: number) => new Date(s * 1000).toISOString().replace(".000Z", "Z")
    return {
      sub: user_id,
      aud: [emulator.projectId],
      iss: `stytch.com/${emulator.projectId}`,
      iat: now,
      nbf: now,
      exp: now + 300,
      "https://stytch.com/session": {
        id: `session-test-${randomUUID()}`,
        started_at: iso(now),
        last_accessed_at: iso(now),
        expires_at: iso(now + 3600),
        attributes: { ip_address: "", user_agent: "" },
        authentication_factors: [{ type: "imported", delivery_method: "seeded", last_authenticated_at: iso(now) }],
        roles: []
      },
      ...overrides
    }
  })

const sign = (claims: Record<string, unknown>, key: jose.CryptoKey | Uint8Array, header: jose.JWTHeaderParameters) =>
  Effect.promise(() => new jose.SignJWT(claims as jose.JWTPayload).setProtectedHeader(header).sign(key))

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

/** Moves the TestClock in small steps so that retries sleeping inside a forked fiber get to run. */
const advance = (millis: number, step = 250) =>
  Effect.gen(function*() {
    for (let t = 0; t < millis; t += step) {
      yield* TestClock.adjust(step)
      yield* Effect.yieldNow()
    }
  })

// ---------------------------------------------------------------------------------------------------------------

// Node's synchronous crypto verifies where the runtime has it, jose's compactVerify on WebCrypto elsewhere: every
// case below runs against both.
describe.each(["node", "webcrypto"] as const)("authenticateJwtLocal (%s signature backend)", (which) => {
  const before = backend.current
  beforeAll(() => {
    backend.current = which
  })
  afterAll(() => {
    backend.current = before
  })

  it("runs on the backend it names (Node has node:crypto, so both are reachable here)", () => {
    assert.strictEqual(activeBackend(), which)
  })

  it.effect("a valid JWT verifies locally and returns its session, factors and custom claims", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded({ plan: "pro", org: { id: 7 } })
      const session = yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
      assert.strictEqual(session.session_id, s.session_id)
      assert.strictEqual(session.user_id, s.user_id)
      assert.deepStrictEqual(session.authentication_factors.map((f) => [f.type, f.delivery_method]), [[
        "imported",
        "seeded"
      ]])
      assert.deepStrictEqual(session.custom_claims, { plan: "pro", org: { id: 7 } })
      // The session's own expiry (60 minutes), not the JWT's 5.
      assert.strictEqual(Date.parse(session.expires_at!), 60 * 60_000)
      // Verified against the JWKS: exactly one fetch, and no call to sessions.authenticate.
      assert.strictEqual(yield* jwksFetches, 1)
      assert.strictEqual(yield* authenticateCalls, 0)
    })))

  it.effect("an expired JWT fails StytchJwtExpired; clock_tolerance_seconds lets it pass", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      yield* TestClock.adjust("301 seconds")
      const error = yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt }).pipe(Effect.flip)
      assert.strictEqual(error._tag, "StytchJwtExpired")
      const tolerated = yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt, clock_tolerance_seconds: 60 })
      assert.strictEqual(tolerated.session_id, s.session_id)
    })))

  it.effect("max_token_age_seconds: 0 is always too old; 60 fails after 61 s and passes after 30 s", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      const zero = yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt, max_token_age_seconds: 0 })
        .pipe(Effect.flip)
      assert.strictEqual(zero._tag, "StytchJwtTooOld")
      yield* TestClock.adjust("30 seconds")
      yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt, max_token_age_seconds: 60 })
      yield* TestClock.adjust("31 seconds")
      const old = yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt, max_token_age_seconds: 60 })
        .pipe(Effect.flip)
      assert.strictEqual(old._tag, "StytchJwtTooOld")
    })))

  describe("attacks, each rejected with a typed error", () => {
    it.effect("alg none", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const s = yield* seeded()
        const payload = jose.decodeJwt(s.session_jwt)
        const none = `${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`
        const error = yield* sessions.authenticateJwtLocal({ session_jwt: none }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "StytchJwtUnsupportedAlgorithm")
        const unsecured = new jose.UnsecuredJWT(payload).encode()
        assert.strictEqual((yield* sessions.authenticateJwtLocal({ session_jwt: unsecured }).pipe(Effect.flip))._tag, "StytchJwtUnsupportedAlgorithm")
      })))

    it.effect("HS256 signed with the public key's bytes (algorithm confusion)", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const emulator = yield* StytchEmulator.StytchEmulator
        const s = yield* seeded()
        const { keys } = yield* sessions.getJWKS({ project_id: emulator.projectId })
        const publicKey = yield* Effect.promise(() => jose.importJWK({ kty: keys[0]!.kty, n: keys[0]!.n, e: keys[0]!.e }, "RS256", { extractable: true }))
        const pem = yield* Effect.promise(() => jose.exportSPKI(publicKey as jose.CryptoKey))
        const forged = yield* sign(
          jose.decodeJwt(s.session_jwt),
          new TextEncoder().encode(pem),
          { alg: "HS256", kid: keys[0]!.kid, typ: "JWT" }
        )
        const error = yield* sessions.authenticateJwtLocal({ session_jwt: forged }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "StytchJwtUnsupportedAlgorithm")
      })))

    it.effect("RS256 signed by an unrelated key under the real kid", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const s = yield* seeded()
        const { kid } = jose.decodeProtectedHeader(s.session_jwt)
        const { privateKey } = yield* foreignKey
        const forged = yield* sign(jose.decodeJwt(s.session_jwt), privateKey, { alg: "RS256", kid: kid!, typ: "JWT" })
        const error = yield* sessions.authenticateJwtLocal({ session_jwt: forged }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "StytchJwtInvalidSignature")
      })))

    it.effect("a tampered payload under the original signature", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const s = yield* seeded()
        const [header, , signature] = s.session_jwt.split(".")
        const payload = { ...jose.decodeJwt(s.session_jwt), sub: `user-test-${randomUUID()}` }
        const tampered = `${header}.${b64(payload)}.${signature}`
        const error = yield* sessions.authenticateJwtLocal({ session_jwt: tampered }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "StytchJwtInvalidSignature")
        // The untouched token still verifies.
        yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
      })))

    it.effect("a correctly signed token with a wrong issuer, a wrong audience, or nbf in the future", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const s = yield* seeded()
        const { kid, privateKey } = yield* trustedForgeKey
        const header = { alg: "RS256", kid, typ: "JWT" }
        // Control: with Stytch's claims the forged key is accepted, so each failure below is about its claim.
        const good = yield* sign(yield* stytchClaims(s.user_id), privateKey, header)
        assert.strictEqual((yield* sessions.authenticateJwtLocal({ session_jwt: good })).user_id, s.user_id)

        const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
        const cases = [
          [{ iss: "stytch.com/project-test-someone-else" }, "StytchJwtInvalidIssuer"],
          [{ aud: ["project-test-00000000-0000-4000-8000-00000000beef"] }, "StytchJwtInvalidAudience"],
          [{ nbf: now + 120 }, "StytchJwtNotYetValid"],
          [{ exp: now - 1 }, "StytchJwtExpired"],
          [{ "https://stytch.com/session": "not a session" }, "StytchJwtMalformed"],
          // The claim checks run on our side of jose's signature check: the same rules as jose.jwtVerify.
          [{ iss: undefined }, "StytchJwtInvalidIssuer"],
          [{ aud: undefined }, "StytchJwtInvalidAudience"],
          [{ exp: String(now + 300) }, "StytchJwtMalformed"],
          [{ nbf: "yesterday" }, "StytchJwtMalformed"],
          [{ iat: null }, "StytchJwtMalformed"]
        ] as const
        for (const [override, tag] of cases) {
          const token = yield* sign(yield* stytchClaims(s.user_id, override), privateKey, header)
          const error = yield* sessions.authenticateJwtLocal({ session_jwt: token }).pipe(Effect.flip)
          assert.strictEqual(error._tag, tag, JSON.stringify(override))
        }
        // aud as a plain string is valid (RFC 7519); typ may be spelled as a media type, and must be a JWT's.
        const emulator = yield* StytchEmulator.StytchEmulator
        const plainAud = yield* sign(yield* stytchClaims(s.user_id, { aud: emulator.projectId }), privateKey, header)
        assert.strictEqual((yield* sessions.authenticateJwtLocal({ session_jwt: plainAud })).user_id, s.user_id)
        const mediaTyp = yield* sign(yield* stytchClaims(s.user_id), privateKey, { ...header, typ: "application/JWT" })
        assert.strictEqual((yield* sessions.authenticateJwtLocal({ session_jwt: mediaTyp })).user_id, s.user_id)
        for (const typ of [undefined, "at+jwt"]) {
          const { typ: _, ...bare } = header
          const token = yield* sign(yield* stytchClaims(s.user_id), privateKey, typ === undefined ? bare : { ...bare, typ })
          const error = yield* sessions.authenticateJwtLocal({ session_jwt: token }).pipe(Effect.flip)
          assert.strictEqual(error._tag, "StytchJwtMalformed", `typ ${typ}`)
        }
      })))

    it.effect("an unknown kid fails StytchJwtUnknownKey after one refetch of the JWKS", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const s = yield* seeded()
        yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
        assert.strictEqual(yield* jwksFetches, 1)
        const { privateKey } = yield* foreignKey
        const token = yield* sign(yield* stytchClaims(s.user_id), privateKey, {
          alg: "RS256",
          kid: `jwk-test-${randomUUID()}`,
          typ: "JWT"
        })
        const error = yield* sessions.authenticateJwtLocal({ session_jwt: token }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "StytchJwtUnknownKey")
        assert.strictEqual(yield* jwksFetches, 2)
      })))

    it.effect("garbage fails StytchJwtMalformed", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        for (const garbage of ["", "not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..."]) {
          const error = yield* sessions.authenticateJwtLocal({ session_jwt: garbage }).pipe(Effect.flip)
          assert.strictEqual(error._tag, "StytchJwtMalformed", garbage)
        }
      })))

    it.effect("a valid token bent out of shape: extra segments, non-base64url bytes, a header that is not an object", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const s = yield* seeded()
        const [header, payload, signature] = s.session_jwt.split(".") as [string, string, string]
        const bent = [
          `${s.session_jwt}.`,
          `${s.session_jwt}.${signature}`,
          `${header}.${payload}.${signature}!`,
          `${header}.${payload}.${signature.slice(0, 40)}+${signature.slice(41)}`,
          `${header}.${payload}%.${signature}`,
          `${b64(["RS256"])}.${payload}.${signature}`,
          `${b64("RS256")}.${payload}.${signature}`,
          `${header}..${signature}`
        ]
        for (const token of bent) {
          const error = yield* sessions.authenticateJwtLocal({ session_jwt: token }).pipe(Effect.flip)
          assert.include(["StytchJwtMalformed", "StytchJwtInvalidSignature"], error._tag, token.slice(-12))
        }
        yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
      })))

    it.effect("a crit header is refused even when correctly signed; a key under 2048 bits is never trusted", () =>
      fresh(Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const s = yield* seeded()
        const { kid, privateKey } = yield* trustedForgeKey
        const claims = yield* stytchClaims(s.user_id)
        // jose will not sign an extension it does not know: sign by hand.
        const input = `${b64({ alg: "RS256", kid, typ: "JWT", crit: ["exp"], exp: 1 })}.${b64(claims)}`
        const crit = `${input}.${sign_("sha256", Buffer.from(input), KeyObject.from(privateKey)).toString("base64url")}`
        assert.strictEqual((yield* sessions.authenticateJwtLocal({ session_jwt: crit }).pipe(Effect.flip))._tag, "StytchJwtMalformed")

        // A 1024-bit key served in the JWKS: jose refuses such keys, so the cache never holds one.
        const harness = yield* TestHarness
        const weak = generateKeyPairSync("rsa", { modulusLength: 1024 })
        const weakKid = `jwk-test-weak-${randomUUID()}`
        harness.extraKeys.push({ ...weak.publicKey.export({ format: "jwk" }), kid: weakKid, alg: "RS256" })
        const weakInput = `${b64({ alg: "RS256", kid: weakKid, typ: "JWT" })}.${b64(claims)}`
        const signed = `${weakInput}.${sign_("sha256", Buffer.from(weakInput), weak.privateKey).toString("base64url")}`
        assert.strictEqual((yield* sessions.authenticateJwtLocal({ session_jwt: signed }).pipe(Effect.flip))._tag, "StytchJwtUnknownKey")
      })))
  })
})

describe("failures that say what happened, older tokens read tolerantly", () => {
  it.effect("an empty session_jwt (authenticate without session_duration_minutes) says it is empty, and why", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const error = yield* expectFailure(sessions.authenticateJwtLocal({ session_jwt: "" }))
      assert.strictEqual(error._tag, "StytchJwtMalformed")
      assert.include(error.message, "empty")
      assert.include(error.message, "session_duration_minutes")
      assert.notInclude(error.message, "Compact JWS")
      // No key set is needed to say so.
      assert.strictEqual(yield* jwksFetches, 0)
    })))

  it.effect("a session claim with expires_at \"\" (Stytch's older JWTs) falls back to the JWT's exp", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      const { kid, privateKey } = yield* trustedForgeKey
      const claims = yield* stytchClaims(s.user_id)
      const session_claim = { ...claims["https://stytch.com/session"], expires_at: "" }
      const older = { ...claims, "https://stytch.com/session": session_claim }
      const token = yield* sign(older, privateKey, { alg: "RS256", kid, typ: "JWT" })
      const session = yield* sessions.authenticateJwtLocal({ session_jwt: token })
      assert.strictEqual(session.expires_at, new Date(claims.exp * 1000).toISOString())
    })))
})

describe("authenticateJwt", () => {
  it.effect("a fresh JWT is verified locally, without calling sessions.authenticate", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      const result = yield* sessions.authenticateJwt({ session_jwt: s.session_jwt, max_token_age_seconds: 60 })
      assert.strictEqual(result.verified, "local")
      assert.strictEqual(result.session.session_id, s.session_id)
      assert.strictEqual(result.session_jwt, s.session_jwt)
      assert.strictEqual(yield* authenticateCalls, 0)
    })))

  it.effect("a stale JWT falls back to the remote authenticate, which returns a new JWT", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      yield* TestClock.adjust("31 seconds")
      const result = yield* sessions.authenticateJwt({ session_jwt: s.session_jwt, max_token_age_seconds: 30 })
      assert.strictEqual(result.verified, "remote")
      assert.strictEqual(result.session.session_id, s.session_id)
      assert.notStrictEqual(result.session_jwt, s.session_jwt)
      assert.strictEqual(jose.decodeJwt(result.session_jwt).iat, 31)
      assert.strictEqual(yield* authenticateCalls, 1)
      // The new JWT is fresh again, so it verifies locally.
      const again = yield* sessions.authenticateJwt({ session_jwt: result.session_jwt, max_token_age_seconds: 30 })
      assert.strictEqual(again.verified, "local")
      assert.strictEqual(yield* authenticateCalls, 1)
    })))

  it.effect("an expired JWT of a live session is refreshed remotely", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      yield* TestClock.adjust("6 minutes")
      const result = yield* sessions.authenticateJwt({ session_jwt: s.session_jwt })
      assert.strictEqual(result.verified, "remote")
      assert.strictEqual(jose.decodeJwt(result.session_jwt).exp, 360 + 300)
    })))

  it.effect("by design, a revoked session's still-valid JWT passes locally; once stale, the remote check fails SessionNotFound", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      yield* sessions.revoke({ session_id: s.session_id })
      // Local verification cannot know about the revocation until the JWT goes stale (at most 5 minutes).
      const local = yield* sessions.authenticateJwt({ session_jwt: s.session_jwt, max_token_age_seconds: 30 })
      assert.strictEqual(local.verified, "local")
      yield* TestClock.adjust("31 seconds")
      const error = yield* sessions.authenticateJwt({ session_jwt: s.session_jwt, max_token_age_seconds: 30 })
        .pipe(Effect.flip)
      assert.strictEqual(error._tag, "SessionNotFound")
    })))
})

describe("*WithClaims", () => {
  const Claims = Schema.Struct({ plan: Schema.Literal("free", "pro"), seats: Schema.Number })

  it.effect("authenticateJwtLocalWithClaims and authenticateJwtWithClaims decode the custom claims", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded({ plan: "pro", seats: 5 })
      const local = yield* sessions.authenticateJwtLocalWithClaims({ session_jwt: s.session_jwt }, Claims)
      assert.deepStrictEqual(local.custom_claims, { plan: "pro", seats: 5 })
      assert.strictEqual(local.session_id, s.session_id)
      const either = yield* sessions.authenticateJwtWithClaims({ session_jwt: s.session_jwt }, Claims)
      assert.deepStrictEqual(either.custom_claims, { plan: "pro", seats: 5 })
      assert.strictEqual(either.verified, "local")
      // Through the remote path too.
      const remote = yield* sessions.authenticateJwtWithClaims({ session_jwt: s.session_jwt, max_token_age_seconds: 0 }, Claims)
      assert.strictEqual(remote.verified, "remote")
      assert.deepStrictEqual(remote.custom_claims, { plan: "pro", seats: 5 })
    })))

  it.effect("claims that do not match the schema fail StytchClaimsError", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded({ plan: "enterprise", seats: "many" })
      const local = yield* sessions.authenticateJwtLocalWithClaims({ session_jwt: s.session_jwt }, Claims).pipe(Effect.flip)
      assert.strictEqual(local._tag, "StytchClaimsError")
      const either = yield* sessions.authenticateJwtWithClaims({ session_jwt: s.session_jwt }, Claims).pipe(Effect.flip)
      assert.strictEqual(either._tag, "StytchClaimsError")
    })))
})

describe("JwksCache", () => {
  it.effect("20 concurrent first verifications share ONE JWKS fetch", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const tokens = yield* Effect.all(Array.from({ length: 20 }, () => seeded()))
      const results = yield* Effect.all(
        tokens.map((t) => sessions.authenticateJwtLocal({ session_jwt: t.session_jwt })),
        { concurrency: "unbounded" }
      )
      assert.deepStrictEqual(results.map((r) => r.session_id), tokens.map((t) => t.session_id))
      assert.strictEqual(yield* jwksFetches, 1)
    })))

  it.effect("after rotateKeys, a token signed with the new key verifies at once, with one refetch", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const emulator = yield* StytchEmulator.StytchEmulator
      const before = yield* seeded()
      yield* sessions.authenticateJwtLocal({ session_jwt: before.session_jwt })
      assert.strictEqual(yield* jwksFetches, 1)

      const newKid = yield* emulator.rotateKeys
      const after = yield* seeded()
      assert.strictEqual(jose.decodeProtectedHeader(after.session_jwt).kid, newKid)
      // Same instant as the first fetch: the rate limit on unknown kids must not block a real rotation.
      const session = yield* sessions.authenticateJwtLocal({ session_jwt: after.session_jwt })
      assert.strictEqual(session.session_id, after.session_id)
      assert.strictEqual(yield* jwksFetches, 2)
      // Old-key tokens keep verifying, with no further fetch.
      yield* sessions.authenticateJwtLocal({ session_jwt: before.session_jwt })
      yield* sessions.authenticateJwtLocal({ session_jwt: after.session_jwt })
      assert.strictEqual(yield* jwksFetches, 2)
    })))

  it.effect("a flood of 50 tokens with random kids causes at most one extra fetch within the rate-limit interval", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const s = yield* seeded()
      yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
      const { privateKey } = yield* foreignKey
      const claims = yield* stytchClaims(s.user_id)
      const tokens = yield* Effect.all(
        Array.from({ length: 50 }, () => sign(claims, privateKey, { alg: "RS256", kid: `jwk-test-${randomUUID()}`, typ: "JWT" }))
      )
      // Half concurrently, half one after another.
      const concurrent = yield* Effect.all(
        tokens.slice(0, 25).map((t) => Effect.flip(sessions.authenticateJwtLocal({ session_jwt: t }))),
        { concurrency: "unbounded" }
      )
      const sequential: Array<{ readonly _tag: string }> = []
      for (const t of tokens.slice(25)) {
        yield* TestClock.adjust("100 millis")
        sequential.push(yield* Effect.flip(sessions.authenticateJwtLocal({ session_jwt: t })))
      }
      for (const e of [...concurrent, ...sequential]) assert.strictEqual(e._tag, "StytchJwtUnknownKey")
      assert.isAtMost(yield* jwksFetches, 2)
      // The real token is unaffected.
      yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
    })))

  it.effect("when the JWKS refresh fails, tokens signed by known keys keep verifying without waiting for it", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const emulator = yield* StytchEmulator.StytchEmulator
      const s = yield* seeded()
      yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
      assert.strictEqual(yield* jwksFetches, 1)

      yield* emulator.failNext({ status: 500, pathPrefix: "/v1/sessions/jwks" }, 10)
      // Past the cache's 10-minute TTL: verification starts a refresh in the background and answers at once, with
      // no clock advance (the refresh and its retries sleep on the TestClock).
      yield* TestClock.adjust("11 minutes")
      const later = yield* seeded()
      const fiber = yield* Effect.fork(sessions.authenticateJwtLocal({ session_jwt: later.session_jwt }))
      yield* Effect.yieldNow()
      const exit = yield* Fiber.poll(fiber)
      assert.isTrue(exit._tag === "Some" && exit.value._tag === "Success", "verification waited for the refresh")
      yield* advance(5_000)
      const afterFailure = yield* jwksFetches
      // One refresh: its first attempt and the pipeline's 2 default retries, all answered 500.
      assert.strictEqual(afterFailure, 1 + 3)

      // Right after a failed refresh, verification does not hammer the failing endpoint again.
      yield* sessions.authenticateJwtLocal({ session_jwt: later.session_jwt })
      yield* advance(2_000)
      assert.strictEqual(yield* jwksFetches, afterFailure)
    })))

  it.effect("a hanging JWKS refresh never stalls known keys, and only one refresh runs", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const harness = yield* TestHarness
      const s = yield* seeded()
      yield* sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })
      yield* TestClock.adjust("11 minutes")
      harness.hangJwks = true
      for (let i = 0; i < 3; i++) {
        const token = (yield* seeded()).session_jwt
        // Run to completion without any clock advance or wait: a poll right after the fork finds it done.
        const fiber = yield* Effect.fork(sessions.authenticateJwtLocal({ session_jwt: token }))
        yield* Effect.yieldNow()
        const exit = yield* Fiber.poll(fiber)
        assert.isTrue(exit._tag === "Some" && exit.value._tag === "Success", `verification ${i} did not complete`)
      }
      // One background refresh, still hanging.
      assert.strictEqual(yield* jwksFetches, 2)
    })))

  it.effect("releasing the layer interrupts a hanging background refresh (no fiber outlives the cache)", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(makeLayer(), scope)
      const harness = Context.get(context, TestHarness)
      yield* Effect.provide(
        Effect.gen(function*() {
          const sessions = yield* Sessions.Sessions
          yield* sessions.authenticateJwtLocal({ session_jwt: (yield* seeded()).session_jwt })
          yield* TestClock.adjust("11 minutes")
          harness.hangJwks = true
          yield* sessions.authenticateJwtLocal({ session_jwt: (yield* seeded()).session_jwt })
          // Let the background refresh reach its (hanging) request.
          for (let i = 0; i < 100 && harness.requests.filter(isJwks).length < 2; i++) yield* Effect.yieldNow()
        }),
        context
      )
      assert.strictEqual(yield* Effect.provide(jwksFetches, context), 2, "the background refresh is in flight")
      assert.strictEqual(harness.interrupted, 0)
      yield* Scope.close(scope, Exit.void)
      assert.strictEqual(harness.interrupted, 1)
    }))

  it.effect("a successful background refresh replaces the set: a rotated key then verifies without a refetch", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const emulator = yield* StytchEmulator.StytchEmulator
      const before = yield* seeded()
      yield* sessions.authenticateJwtLocal({ session_jwt: before.session_jwt })
      yield* TestClock.adjust("11 minutes")
      const stale = yield* seeded()
      yield* emulator.rotateKeys
      // The stale set still verifies the old key at once, and the refresh fetches the rotated set.
      yield* sessions.authenticateJwtLocal({ session_jwt: stale.session_jwt })
      yield* advance(1_000)
      assert.strictEqual(yield* jwksFetches, 2)
      const after = yield* seeded()
      yield* sessions.authenticateJwtLocal({ session_jwt: after.session_jwt })
      assert.strictEqual(yield* jwksFetches, 2)
    })))

  it.effect("Stytch.layer passes its jwks options to the cache: a 1-minute TTL refreshes after a minute", () =>
    fresh(
      Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        yield* sessions.authenticateJwtLocal({ session_jwt: (yield* seeded()).session_jwt })
        yield* TestClock.adjust("61 seconds")
        yield* sessions.authenticateJwtLocal({ session_jwt: (yield* seeded()).session_jwt })
        yield* advance(1_000)
        assert.strictEqual(yield* jwksFetches, 2)
      }),
      { jwks: { ttl: "1 minute" } }
    ))

  it.effect("the first verification fails with the transport error when no key set was ever fetched", () =>
    fresh(Effect.gen(function*() {
      const sessions = yield* Sessions.Sessions
      const emulator = yield* StytchEmulator.StytchEmulator
      const s = yield* seeded()
      yield* emulator.failNext({ status: 500, pathPrefix: "/v1/sessions/jwks" }, 3)
      const fiber = yield* Effect.fork(Effect.flip(sessions.authenticateJwtLocal({ session_jwt: s.session_jwt })))
      yield* advance(5_000)
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "InternalServerError")
      // Once the endpoint recovers, the next verification succeeds.
      yield* TestClock.adjust("1 minute")
      const fresh = yield* seeded()
      const session = yield* sessions.authenticateJwtLocal({ session_jwt: fresh.session_jwt })
      assert.strictEqual(session.session_id, fresh.session_id)
    })))
})
