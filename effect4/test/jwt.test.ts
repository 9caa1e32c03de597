/**
 * Local verification of session JWTs on the Effect 4 line (`Sessions.authenticateJwtLocal`) and its JWKS cache,
 * against a stub HttpClient serving a JWKS whose keys each test controls.
 *
 * - The shared case table (support/jwtCases.ts, also run by the Effect 3 suite): algorithm confusion, alg none,
 *   foreign keys, tampering, issuer/audience/time claims, crit, malformed and oversized tokens, on both signature
 *   backends.
 * - Time on the TestClock: expiry and nbf as the clock moves (also for tokens served from the verified-token cache),
 *   maximum age.
 * - The JWKS cache: one fetch for concurrent first callers, key rotation (one refetch), the unknown-kid refetch rate
 *   limit, stale-while-revalidate with failing and hanging refreshes, interruption when the layer is released.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as TestClock from "effect/testing/TestClock"
import { randomUUID } from "node:crypto"
import { afterAll, beforeAll } from "vitest"
import { checkClaims, type JwtFailure, makeVerifiedTokens, recheckTimes } from "../../src/core/jwtRules.js"
import { importVerificationKeys, NoKnownKey, verifySignature } from "../../src/core/jwtSignature.js"
import { activeBackend, backend } from "../src/internal/jwt.js"
import { JwksCache, Sessions, Stytch } from "../src/index.js"
import {
  b64,
  BASE_URL,
  JWT_CASES,
  makeJwtFixture,
  NOW_S,
  PROJECT_ID,
  SESSION_CLAIM,
  tagOf
} from "./support/jwtCases.js"

const fixture = makeJwtFixture()
const NOW = NOW_S * 1000

// ---------------------------------------------------------------------------------------------------------------
// Harness: a stub HttpClient serving the JWKS

interface Harness {
  /** The keys the JWKS endpoint serves now. */
  keys: Array<Record<string, unknown>>
  /** JWKS requests received. */
  fetches: number
  /** The next `failNext` JWKS requests are answered 500. */
  failNext: number
  /** While set, JWKS requests are received (and counted) but never answered. */
  hang: boolean
  /** Hanging JWKS requests that were interrupted. */
  interrupted: number
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })

const makeHarness = (): Harness => ({ keys: [...fixture.jwks.keys], fetches: 0, failNext: 0, hang: false, interrupted: 0 })

const stubClient = (h: Harness) =>
  HttpClient.make((request, url) => {
    if (!url.pathname.startsWith(`/v1/sessions/jwks/${PROJECT_ID}`)) {
      return Effect.succeed(HttpClientResponse.fromWeb(request, json(404, { error_type: "not_found" })))
    }
    h.fetches++
    if (h.hang) return Effect.onInterrupt(Effect.never, () => Effect.sync(() => void h.interrupted++))
    if (h.failNext > 0) {
      h.failNext--
      return Effect.succeed(HttpClientResponse.fromWeb(
        request,
        json(500, {
          status_code: 500,
          request_id: "request-id-test-500",
          error_type: "internal_server_error",
          error_message: "Oops"
        })
      ))
    }
    return Effect.succeed(HttpClientResponse.fromWeb(
      request,
      json(200, { keys: h.keys, request_id: "request-id-test-jwks", status_code: 200 })
    ))
  })

const layerFor = (h: Harness, options: Pick<Stytch.Options, "jwks"> = {}) =>
  Stytch.layer({ ...options, projectId: PROJECT_ID, secret: "secret-test-jwt-effect4", baseUrl: BASE_URL }).pipe(
    Layer.orDie,
    Layer.provide(Layer.succeed(HttpClient.HttpClient, stubClient(h)))
  )

/** Runs a test with a fresh harness and SDK, the clock at `NOW`. */
const fresh = <A, E>(
  body: (h: Harness, sessions: Sessions.Service) => Effect.Effect<A, E, Stytch.Provided>,
  options?: Pick<Stytch.Options, "jwks">
) => {
  const h = makeHarness()
  return Effect.gen(function*() {
    yield* TestClock.setTime(NOW)
    return yield* body(h, yield* Sessions.Sessions)
  }).pipe(Effect.provide(layerFor(h, options)))
}

const local = (sessions: Sessions.Service, session_jwt: string, options: Partial<Sessions.AuthenticateJwtLocalRequest> = {}) =>
  sessions.authenticateJwtLocal({ session_jwt, ...options })

const failureTag = <A, E extends { readonly _tag: string }>(effect: Effect.Effect<A, E>) =>
  Effect.map(Effect.flip(effect), (e) => e._tag)

/** Moves the TestClock in small steps so that retries sleeping inside a forked fiber get to run. */
const advance = (millis: number, step = 250) =>
  Effect.gen(function*() {
    for (let t = 0; t < millis; t += step) {
      yield* TestClock.adjust(step)
      yield* Effect.yieldNow
    }
  })

/** Whether a forked fiber has completed successfully without any clock advance. */
const doneAtOnce = <A, E>(fiber: Fiber.Fiber<A, E>) => {
  const exit = fiber.pollUnsafe()
  return exit !== undefined && Exit.isSuccess(exit)
}

// ---------------------------------------------------------------------------------------------------------------

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

  it.effect("every case of the shared table gives its expected answer", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        for (const c of JWT_CASES) {
          const result = yield* Effect.result(local(sessions, c.token(fixture), c.options))
          if (c.expected === "valid") {
            assert.strictEqual(result._tag, "Success", `${c.name}: ${result._tag === "Failure" ? result.failure.message : ""}`)
          } else {
            assert.strictEqual(result._tag, "Failure", c.name)
            if (result._tag === "Failure") assert.include(c.expected.map(tagOf), result.failure._tag, c.name)
          }
        }
        // The first fetch, and one unknown-kid refetch: the other unknown kid came at the same instant.
        assert.strictEqual(h.fetches, 2)
      })
    ))

  it.effect("a valid JWT gives its session, factors and custom claims; the session's own expiry", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        const session = yield* local(sessions, fixture.valid({ plan: "pro", org: { id: 7 } }))
        assert.strictEqual(session.session_id, "session-test-11111111-2222-4333-8444-555555555555")
        assert.strictEqual(session.user_id, "user-test-11111111-2222-4333-8444-555555555555")
        assert.deepStrictEqual(session.authentication_factors.map((f) => [f.type, f.delivery_method]), [[
          "imported",
          "seeded"
        ]])
        assert.deepStrictEqual(session.custom_claims, { plan: "pro", org: { id: 7 } })
        assert.strictEqual(Date.parse(session.expires_at!), (NOW_S + 3600) * 1000)
        assert.strictEqual(h.fetches, 1)
      })
    ))

  it.effect("errors never carry the token", () =>
    fresh((_, sessions) =>
      Effect.gen(function*() {
        const token = fixture.valid({ aud: ["project-test-other"], secret_marker: "MARKER-6f1c" })
        const error = yield* Effect.flip(local(sessions, token))
        assert.strictEqual(error._tag, "StytchJwtInvalidAudience")
        for (const text of [error.message, String(error), JSON.stringify(error)]) {
          assert.notInclude(text, token.split(".")[2]!)
          assert.notInclude(text, token.split(".")[1]!.slice(0, 40))
          assert.notInclude(text, "MARKER-6f1c")
        }
      })
    ))
})

describe("the shared Effect-free rules (src/core)", () => {
  it("a failure is a plain description: a kind and a detail, nothing of the token", () => {
    const header = { alg: "RS256", typ: "JWT" }
    const expected = { issuers: [`stytch.com/${PROJECT_ID}`], audience: PROJECT_ID, typ: "JWT" }
    const failure = checkClaims(header, fixture.claims({ aud: ["other"] }), expected, NOW, 0)
    assert.deepStrictEqual(failure, { kind: "InvalidAudience", detail: "unexpected \"aud\" claim value" } satisfies JwtFailure)
    assert.isUndefined(checkClaims(header, fixture.claims(), expected, NOW, 0))
  })

  it.each(["node", "webcrypto"] as const)("verifySignature (%s): a resolver's NoKnownKey comes back as the result", async (which) => {
    const before = backend.current
    backend.current = which
    try {
      const result = await verifySignature(fixture.valid(), (h) => {
        throw new NoKnownKey(String(h.kid))
      })
      assert.instanceOf(result, NoKnownKey)
      assert.strictEqual((result as NoKnownKey).kid, fixture.kid)
    } finally {
      backend.current = before
    }
  })

  it("the verified-token memory: keyed by the whole token, per key-set version, oldest dropped first", () => {
    const memory = makeVerifiedTokens<string>(2)
    const entry = (value: string, version = 1) => ({ version, kid: "k", payload: { exp: NOW_S + 60 }, value })
    memory.remember("a", entry("A"))
    memory.remember("b", entry("B"))
    assert.strictEqual(memory.lookup("a", 1)?.value, "A")
    assert.isUndefined(memory.lookup("a", 2), "another key set")
    memory.remember("c", entry("C"))
    assert.isUndefined(memory.lookup("a", 1), "the oldest was dropped")
    assert.deepStrictEqual([memory.lookup("b", 1)?.value, memory.lookup("c", 1)?.value], ["B", "C"])
    // What a remembered token still needs: the time checks.
    assert.isUndefined(recheckTimes({ exp: NOW_S + 60 }, { token: "c" }, NOW))
    assert.strictEqual(recheckTimes({ exp: NOW_S + 60 }, { token: "c" }, NOW + 60_000)?.kind, "Expired")
    assert.strictEqual(recheckTimes({ iat: NOW_S }, { token: "c", max_token_age_seconds: 0 }, NOW)?.kind, "TooOld")
  })

  it("importVerificationKeys keeps RS256 RSA keys of 2048 bits or more, from n and e only; never rejects", async () => {
    const good = fixture.publicJwk("trusted", "good")
    const keys = await importVerificationKeys([
      good as never,
      { ...good, kid: "no-alg", alg: undefined } as never,
      { ...good, kid: "rs512", alg: "RS512" } as never,
      { ...good, kid: "ec", kty: "EC" } as never,
      { ...good, kid: "broken", n: "!!!" } as never,
      fixture.publicJwk("weak", "weak") as never
    ])
    assert.deepStrictEqual([...keys.keys()].sort(), ["good", "no-alg"])
  })
})

describe("time, on the TestClock", () => {
  it.effect("expiry: a verified (and cached) token fails StytchJwtExpired once the clock passes exp; tolerance", () =>
    fresh((_, sessions) =>
      Effect.gen(function*() {
        const token = fixture.valid()
        yield* local(sessions, token)
        yield* TestClock.adjust("299 seconds")
        yield* local(sessions, token)
        yield* TestClock.adjust("2 seconds")
        assert.strictEqual(yield* failureTag(local(sessions, token)), "StytchJwtExpired")
        const tolerated = yield* local(sessions, token, { clock_tolerance_seconds: 60 })
        assert.strictEqual(tolerated.session_id, "session-test-11111111-2222-4333-8444-555555555555")
      })
    ))

  it.effect("nbf in the future: StytchJwtNotYetValid until the clock reaches it", () =>
    fresh((_, sessions) =>
      Effect.gen(function*() {
        const token = fixture.valid({ nbf: NOW_S + 120 })
        assert.strictEqual(yield* failureTag(local(sessions, token)), "StytchJwtNotYetValid")
        yield* TestClock.adjust("119 seconds")
        assert.strictEqual(yield* failureTag(local(sessions, token)), "StytchJwtNotYetValid")
        yield* TestClock.adjust("1 second")
        yield* local(sessions, token)
      })
    ))

  it.effect("max_token_age_seconds: 0 is always too old; 60 passes after 30 s and fails after 61 s (cached too)", () =>
    fresh((_, sessions) =>
      Effect.gen(function*() {
        const token = fixture.valid()
        assert.strictEqual(yield* failureTag(local(sessions, token, { max_token_age_seconds: 0 })), "StytchJwtTooOld")
        yield* TestClock.adjust("30 seconds")
        yield* local(sessions, token, { max_token_age_seconds: 60 })
        yield* TestClock.adjust("31 seconds")
        assert.strictEqual(yield* failureTag(local(sessions, token, { max_token_age_seconds: 60 })), "StytchJwtTooOld")
      })
    ))
})

describe("failures that say what happened, tokens read tolerantly", () => {
  it.effect("an empty session_jwt says it is empty, and why; no key set is needed to say so", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(local(sessions, ""))
        assert.strictEqual(error._tag, "StytchJwtMalformed")
        assert.include(error.message, "empty")
        assert.include(error.message, "session_duration_minutes")
        assert.notInclude(error.message, "Compact JWS")
        assert.strictEqual(h.fetches, 0)
      })
    ))

  it.effect("a session claim with expires_at \"\" (Stytch's older JWTs) falls back to the JWT's exp", () =>
    fresh((_, sessions) =>
      Effect.gen(function*() {
        const claims = fixture.claims()
        const older = { ...claims, [SESSION_CLAIM]: { ...(claims[SESSION_CLAIM] as object), expires_at: "" } }
        const session = yield* local(sessions, fixture.sign({ alg: "RS256", kid: fixture.kid, typ: "JWT" }, older))
        assert.strictEqual(session.expires_at, new Date((NOW_S + 300) * 1000).toISOString())
      })
    ))

  it.effect("hostile claim keys stay own keys of custom_claims; a claims schema sees no role", () =>
    fresh((_, sessions) =>
      Effect.gen(function*() {
        const hostile = `"__proto__":{"role":"admin"},"constructor":{"role":"admin"},"prototype":{"role":"admin"}`
        const payload = `${JSON.stringify(fixture.claims({ tenant: "acme" })).slice(0, -1)},${hostile}}`
        const token = fixture.sign({ alg: "RS256", kid: fixture.kid, typ: "JWT" }, payload)
        const session = yield* local(sessions, token)
        const custom = session.custom_claims as Record<string, unknown>
        assert.strictEqual(Object.getPrototypeOf(custom), Object.prototype)
        assert.isUndefined((custom as { role?: unknown }).role)
        assert.deepStrictEqual(Object.keys(custom).sort(), ["__proto__", "constructor", "prototype", "tenant"])
        const Role = Schema.Struct({ role: Schema.String })
        const error = yield* Effect.flip(sessions.authenticateJwtLocalWithClaims({ session_jwt: token }, Role))
        assert.strictEqual(error._tag, "StytchClaimsError")
      })
    ))

  it.effect("a payload that is not base64url JSON but has a valid shape fails typed, never a defect", () =>
    fresh((_, sessions) =>
      Effect.gen(function*() {
        const [h, , s] = fixture.valid().split(".")
        for (const payload of [b64(null), b64(42), "____", Buffer.from([0xff, 0xfe, 0x00]).toString("base64url")]) {
          const exit = yield* Effect.exit(local(sessions, `${h}.${payload}.${s}`))
          assert.isTrue(Exit.isFailure(exit) && exit.cause.reasons.every((r) => r._tag === "Fail"), payload)
        }
      })
    ))
})

describe("JwksCache", () => {
  it.effect("20 concurrent first verifications share ONE JWKS fetch", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        const tokens = Array.from({ length: 20 }, (_, i) => fixture.valid({ n: i }))
        const results = yield* Effect.all(tokens.map((t) => local(sessions, t)), { concurrency: "unbounded" })
        assert.deepStrictEqual(results.map((r) => r.custom_claims), tokens.map((_, i) => ({ n: i })))
        assert.strictEqual(h.fetches, 1)
      })
    ))

  it.effect("key rotation: a token signed by a new key verifies at once, with one refetch; old keys keep verifying", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        const old = fixture.valid()
        yield* local(sessions, old)
        assert.strictEqual(h.fetches, 1)
        const newKid = `jwk-test-rotated-${randomUUID()}`
        h.keys.push(fixture.publicJwk("foreign", newKid))
        const rotated = fixture.sign({ alg: "RS256", kid: newKid, typ: "JWT" }, fixture.claims(), "foreign")
        // Same instant as the first fetch: the rate limit on unknown kids must not block a real rotation.
        yield* local(sessions, rotated)
        assert.strictEqual(h.fetches, 2)
        yield* local(sessions, old)
        yield* local(sessions, rotated)
        assert.strictEqual(h.fetches, 2)
      })
    ))

  it.effect("a removed key is no longer trusted once the set is replaced, even for a cached token", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        const token = fixture.valid()
        yield* local(sessions, token)
        h.keys = h.keys.filter((k) => k.kid !== fixture.kid)
        // Past the TTL: the refresh replaces the set in the background.
        yield* TestClock.adjust("11 minutes")
        const later = fixture.valid({ exp: NOW_S + 3600 })
        yield* local(sessions, later)
        yield* advance(1_000)
        assert.strictEqual(h.fetches, 2)
        assert.strictEqual(yield* failureTag(local(sessions, later)), "StytchJwtUnknownKey")
      })
    ))

  it.effect("a flood of 50 random kids causes at most one extra fetch per rate-limit interval", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        const real = fixture.valid({ exp: NOW_S + 3600 })
        yield* local(sessions, real)
        const random = () =>
          fixture.sign({ alg: "RS256", kid: `jwk-test-${randomUUID()}`, typ: "JWT" }, fixture.claims(), "foreign")
        const concurrent = yield* Effect.all(
          Array.from({ length: 25 }, () => failureTag(local(sessions, random()))),
          { concurrency: "unbounded" }
        )
        const sequential: Array<string> = []
        for (let i = 0; i < 25; i++) {
          yield* TestClock.adjust("100 millis")
          sequential.push(yield* failureTag(local(sessions, random())))
        }
        for (const tag of [...concurrent, ...sequential]) assert.strictEqual(tag, "StytchJwtUnknownKey")
        assert.strictEqual(h.fetches, 2)
        // Once the interval (10 s by default) has passed, an unknown kid may refetch again: once.
        yield* TestClock.adjust("10 seconds")
        yield* Effect.all(Array.from({ length: 5 }, () => failureTag(local(sessions, random()))), {
          concurrency: "unbounded"
        })
        assert.strictEqual(h.fetches, 3)
        yield* local(sessions, real)
      })
    ))

  it.effect("the refetch interval is an option (unknownKidRefetchInterval)", () =>
    fresh(
      (h, sessions) =>
        Effect.gen(function*() {
          yield* local(sessions, fixture.valid())
          const random = () =>
            fixture.sign({ alg: "RS256", kid: `jwk-test-${randomUUID()}`, typ: "JWT" }, fixture.claims(), "foreign")
          yield* failureTag(local(sessions, random()))
          yield* TestClock.adjust("1 second")
          yield* failureTag(local(sessions, random()))
          assert.strictEqual(h.fetches, 2)
          yield* TestClock.adjust("1 second")
          yield* failureTag(local(sessions, random()))
          assert.strictEqual(h.fetches, 3)
        }),
      { jwks: { unknownKidRefetchInterval: "2 seconds" } }
    ))

  it.effect("when the refresh fails, known keys keep verifying without waiting for it, and it is not hammered", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        yield* local(sessions, fixture.valid())
        assert.strictEqual(h.fetches, 1)
        h.failNext = 10
        // Past the 10-minute TTL: verification starts a refresh in the background and answers at once.
        yield* TestClock.adjust("11 minutes")
        const later = fixture.valid({ exp: NOW_S + 3600 })
        const fiber = yield* Effect.forkChild(local(sessions, later))
        yield* Effect.yieldNow
        assert.isTrue(doneAtOnce(fiber), "verification waited for the refresh")
        yield* advance(5_000)
        // One refresh: its first attempt and the pipeline's 2 default retries, all answered 500.
        assert.strictEqual(h.fetches, 1 + 3)
        yield* local(sessions, later)
        yield* advance(2_000)
        assert.strictEqual(h.fetches, 1 + 3)
      })
    ))

  it.effect("a hanging refresh never stalls known keys, and only one refresh runs", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        yield* local(sessions, fixture.valid())
        yield* TestClock.adjust("11 minutes")
        h.hang = true
        for (let i = 0; i < 3; i++) {
          const fiber = yield* Effect.forkChild(local(sessions, fixture.valid({ exp: NOW_S + 3600, i })))
          yield* Effect.yieldNow
          assert.isTrue(doneAtOnce(fiber), `verification ${i} did not complete`)
        }
        assert.strictEqual(h.fetches, 2)
      })
    ))

  it.effect("releasing the layer interrupts a hanging background refresh (no fiber outlives the cache)", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const h = makeHarness()
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(layerFor(h), scope)
      yield* Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        yield* local(sessions, fixture.valid())
        yield* TestClock.adjust("11 minutes")
        h.hang = true
        yield* local(sessions, fixture.valid({ exp: NOW_S + 3600 }))
        for (let i = 0; i < 100 && h.fetches < 2; i++) yield* Effect.yieldNow
      }).pipe(Effect.provide(context))
      assert.strictEqual(h.fetches, 2, "the background refresh is in flight")
      assert.strictEqual(h.interrupted, 0)
      yield* Scope.close(scope, Exit.void)
      assert.strictEqual(h.interrupted, 1)
    }))

  it.effect("a successful background refresh replaces the set: a rotated key then verifies without a refetch", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        yield* local(sessions, fixture.valid())
        yield* TestClock.adjust("11 minutes")
        const newKid = `jwk-test-rotated-${randomUUID()}`
        h.keys.push(fixture.publicJwk("foreign", newKid))
        yield* local(sessions, fixture.valid({ exp: NOW_S + 3600 }))
        yield* advance(1_000)
        assert.strictEqual(h.fetches, 2)
        yield* local(sessions, fixture.sign({ alg: "RS256", kid: newKid, typ: "JWT" }, fixture.claims({ exp: NOW_S + 3600 }), "foreign"))
        assert.strictEqual(h.fetches, 2)
      })
    ))

  it.effect("Stytch.layer passes its jwks options to the cache: a 1-minute TTL refreshes after a minute", () =>
    fresh(
      (h, sessions) =>
        Effect.gen(function*() {
          yield* local(sessions, fixture.valid())
          yield* TestClock.adjust("61 seconds")
          yield* local(sessions, fixture.valid({ i: 1 }))
          yield* advance(1_000)
          assert.strictEqual(h.fetches, 2)
        }),
      { jwks: { ttl: "1 minute" } }
    ))

  it.effect("the first verification fails with the API error when no key set was ever fetched, then recovers", () =>
    fresh((h, sessions) =>
      Effect.gen(function*() {
        h.failNext = 3
        const fiber = yield* Effect.forkChild(Effect.flip(local(sessions, fixture.valid())))
        yield* advance(5_000)
        const error = yield* Fiber.join(fiber)
        assert.strictEqual(error._tag, "InternalServerError")
        assert.strictEqual(h.fetches, 3)
        yield* TestClock.adjust("1 minute")
        const session = yield* local(sessions, fixture.valid({ exp: NOW_S + 3600 }))
        assert.strictEqual(session.session_id, "session-test-11111111-2222-4333-8444-555555555555")
        assert.strictEqual(h.fetches, 4)
      })
    ))

  it.effect("invalidate drops the keys: the next verification fetches", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const h = makeHarness()
      yield* Effect.gen(function*() {
        const sessions = yield* Sessions.Sessions
        const cache = yield* JwksCache.JwksCache
        const token = fixture.valid()
        yield* local(sessions, token)
        const version = cache.version()
        yield* cache.invalidate
        assert.notStrictEqual(cache.version(), version)
        yield* local(sessions, token)
        assert.strictEqual(h.fetches, 2)
      }).pipe(Effect.provide(layerFor(h)))
    }))
})
