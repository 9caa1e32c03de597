/**
 * The Effect 4 line's HTTP pipeline (effect4/src/internal/pipeline.ts, served as StytchHttp) against stub
 * HttpClients: request shape, retry policies, backoff, Retry-After, per-attempt timeout (on the TestClock and on the
 * live clock), transport/decode/request failures, error bodies, hostile answers, retry logging, tracing, and the
 * secret staying out of every error, log line and span.
 *
 * The endpoint methods are built from the generated endpoint tables with `makeClient` over the `StytchHttp`
 * service, so these tests need nothing but the pipeline, its configuration and the schemas. `it.effect` runs on the
 * TestClock: any call that sleeps (backoff, Retry-After, timeout) is forked and the clock is moved by hand.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Random from "effect/Random"
import * as References from "effect/References"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/testing/TestClock"
import * as Tracer from "effect/Tracer"
import { readdirSync, readFileSync } from "node:fs"
import * as util from "node:util"
import { decodeClaims, makeClient, withClaims } from "../src/internal/client.js"
import { endpoint } from "../src/internal/endpoint.js"
import * as StytchConfig from "../src/layers/StytchConfig.js"
import * as StytchHttp from "../src/layers/StytchHttp.js"
import * as Endpoints from "../src/schemas/Endpoints.js"
import * as StytchError from "../src/schemas/Errors.js"
import { NOT_JSON, parseJson, readAnswer } from "../../src/core/answer.js"
import { wireRequest } from "../../src/core/request.js"
import { failureReason, retryMessage } from "../../src/core/retry.js"
import { BodyTooLargeError } from "../../src/core/transport.js"
import {
  errorBody,
  NEVER_RETRIED,
  RATE_LIMIT_ONLY_NOT_RETRIED,
  TRANSIENT_RETRIED,
  userBody
} from "./support/pipelineCases.js"

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const SECRET = "secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"
const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`
const BASE_URL = "https://example.test"

// ---------------------------------------------------------------------------------------------------------------
// Stub HttpClient

/** What the stub client saw for one attempt. */
interface Sent {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** `undefined` when the request had no body at all. */
  readonly body: string | undefined
  readonly contentType: string | undefined
  /** The clock's time of the attempt, in ms. */
  readonly at: number
  /** The attempt's abort signal (aborted when the pipeline gives up on it). */
  readonly signal: AbortSignal
}

type Reply = Response | Effect.Effect<Response, HttpClientError.HttpClientError>

const requestBody = (request: HttpClientRequest.HttpClientRequest): string | undefined => {
  switch (request.body._tag) {
    case "Empty":
      return undefined
    case "Uint8Array":
      return new TextDecoder().decode(request.body.body)
    case "Raw":
      return String(request.body.body)
    default:
      return `<${request.body._tag} body>`
  }
}

/**
 * A stub client answering attempt `n` (1-based) with `reply(n, request)`, recording every request it receives.
 * A fresh `Response` is built per attempt, since a web body can be read only once.
 */
const stub = (reply: (attempt: number, request: HttpClientRequest.HttpClientRequest) => Reply) => {
  const sent: Array<Sent> = []
  const client = HttpClient.make((request, url, signal) =>
    Effect.flatMap(Clock.currentTimeMillis, (at) => {
      sent.push({
        method: request.method,
        url: url.toString(),
        headers: { ...request.headers },
        body: requestBody(request),
        contentType: request.body._tag === "Empty" ? undefined : (request.body as { contentType?: string }).contentType,
        at,
        signal
      })
      const answer = reply(sent.length, request)
      return Effect.map(
        Effect.isEffect(answer) ? answer : Effect.succeed(answer),
        (response) => HttpClientResponse.fromWeb(request, response)
      )
    })
  )
  return { sent, client }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })

const transportFailure = (request: HttpClientRequest.HttpClientRequest, cause: unknown = new Error("ECONNRESET")) =>
  Effect.fail(new HttpClientError.HttpClientError({ reason: new HttpClientError.TransportError({ request, cause }) }))

/** The pipeline over `client`, configured by `options` (over valid defaults). */
const pipelineLayer = (client: HttpClient.HttpClient, options: Partial<StytchConfig.Options> = {}) =>
  StytchHttp.layer.pipe(
    Layer.provide(StytchConfig.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl: BASE_URL, ...options })),
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client)),
    // The options are valid; a ConfigError here is a test bug, not a case under test.
    Layer.orDie
  )

const withClient = (client: HttpClient.HttpClient, options: Partial<StytchConfig.Options> = {}) =>
  Effect.provide(pipelineLayer(client, options))

/** Endpoint methods over the provided pipeline. */
const api = Effect.map(StytchHttp.StytchHttp, (http) => ({
  users: makeClient(http, Endpoints.users),
  sessions: makeClient(http, Endpoints.sessions),
  passwords: makeClient(http, Endpoints.passwords),
  fraud: makeClient(http, Endpoints.fraud)
}))

const getUser = (user_id: string) => Effect.flatMap(api, (a) => a.users.get({ user_id }))
const createUser = (email: string) => Effect.flatMap(api, (a) => a.users.create({ email }))
const createdBody = (id: string) => ({ ...userBody(id), email_id: "email-1", phone_id: "", user: userBody(id) })

/** Moves the TestClock by `ms` in small steps, so sleeps scheduled during the move also fire in order. */
const advance = (ms: number, step = 50) =>
  Effect.gen(function*() {
    let left = ms
    while (left > 0) {
      const by = Math.min(step, left)
      yield* TestClock.adjust(Duration.millis(by))
      left -= by
    }
  })

/** Runs `effect` in a fiber and moves the TestClock until it ends (at most `maxMs`), then returns its exit. */
const drive = <A, E, R>(effect: Effect.Effect<A, E, R>, maxMs = 120_000) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.forkChild(effect)
    for (let elapsed = 0; elapsed < maxMs; elapsed += 100) {
      if (fiber.pollUnsafe() !== undefined) break
      yield* TestClock.adjust("100 millis")
    }
    return yield* Effect.exit(Fiber.join(fiber))
  })

/** The typed failure of `exit` (the test fails on a success or a defect). */
const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (exit._tag === "Success") return assert.fail(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const reason = exit.cause.reasons[0]
  if (reason === undefined || reason._tag !== "Fail") return assert.fail(`expected a typed failure, got ${exit.cause}`)
  return reason.error
}

/** `drive`, then the typed failure. */
const driveFlip = <A, E, R>(effect: Effect.Effect<A, E, R>, maxMs?: number) => Effect.map(drive(effect, maxMs), failureOf)

/** Runs `effect` expecting a typed failure, without moving the clock. */
const flip = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.map(Effect.exit(effect), failureOf)

/** A realistic "now" (on a whole second, as HTTP dates are), for the tests where the date matters. */
const NOW = Date.parse("2026-01-01T00:00:00Z")

const isRunning = <A, E>(fiber: Fiber.Fiber<A, E>) => Effect.sync(() => fiber.pollUnsafe() === undefined)

// ---------------------------------------------------------------------------------------------------------------

describe("request shape", () => {
  it.effect("GET with an encoded path parameter, no body, Basic auth, user-agent and accept", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, userBody("user-test-a/b c")))
      const user = yield* getUser("user-test-a/b c").pipe(withClient(client))
      assert.strictEqual(user.user_id, "user-test-a/b c")
      assert.strictEqual(sent.length, 1)
      const [request] = sent
      assert.strictEqual(request!.method, "GET")
      // "/" and " " must not split or break the path.
      assert.strictEqual(request!.url, `${BASE_URL}/v1/users/user-test-a%2Fb%20c`)
      assert.strictEqual(request!.body, undefined)
      assert.strictEqual(request!.headers["authorization"], BASIC)
      assert.match(request!.headers["user-agent"]!, /^effect-stytch\/\d+\.\d+\.\d+/)
      assert.strictEqual(request!.headers["accept"], "application/json")
    }))

  it.effect("POST sends the request object as JSON with the wire field names", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(400, errorBody(400, "duplicate_email")))
      const error = yield* flip(
        Effect.flatMap(api, (a) =>
          a.users.create({
            email: "shape@example.test",
            name: { first_name: "Ada", last_name: "Lovelace" },
            create_user_as_pending: true,
            trusted_metadata: { plan: "pro", seats: 3 }
          })).pipe(withClient(client))
      )
      assert.strictEqual(error._tag, "DuplicateEmail")
      const [request] = sent
      assert.strictEqual(request!.method, "POST")
      assert.strictEqual(request!.url, `${BASE_URL}/v1/users`)
      assert.strictEqual(request!.contentType, "application/json")
      assert.deepStrictEqual(JSON.parse(request!.body!), {
        email: "shape@example.test",
        name: { first_name: "Ada", last_name: "Lovelace" },
        create_user_as_pending: true,
        trusted_metadata: { plan: "pro", seats: 3 }
      })
    }))

  it.effect("a query endpoint (sessions.get) sends its fields in the query string and no body", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, { request_id: "r", status_code: 200, sessions: [] }))
      const answer = yield* Effect.flatMap(api, (a) => a.sessions.get({ user_id: "user-test-q&x=1" })).pipe(
        withClient(client)
      )
      assert.deepStrictEqual(answer.sessions, [])
      const url = new URL(sent[0]!.url)
      assert.strictEqual(url.origin + url.pathname, `${BASE_URL}/v1/sessions`)
      assert.deepStrictEqual([...url.searchParams.entries()], [["user_id", "user-test-q&x=1"]])
      assert.strictEqual(sent[0]!.body, undefined)
    }))

  it.effect("users.delete (emptyBody) sends the literal body {}", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, { request_id: "r", status_code: 200, user_id: "user-test-d" }))
      const answer = yield* Effect.flatMap(api, (a) => a.users.delete({ user_id: "user-test-d" })).pipe(
        withClient(client)
      )
      assert.strictEqual(answer.user_id, "user-test-d")
      assert.strictEqual(sent[0]!.method, "DELETE")
      assert.strictEqual(sent[0]!.url, `${BASE_URL}/v1/users/user-test-d`)
      assert.strictEqual(sent[0]!.body, "{}")
      assert.strictEqual(sent[0]!.contentType, "application/json")
    }))

  it.effect("fraud endpoints go to the fraud host (default and configured, without a doubled slash)", () =>
    Effect.gen(function*() {
      const lookup = Effect.flatMap(api, (a) => a.fraud.fingerprint.lookup({ telemetry_id: "telemetry-1" }))
      const byDefault = stub(() => json(500, errorBody(500, "internal_server_error")))
      yield* Effect.exit(lookup.pipe(withClient(byDefault.client, { maxRetries: 0 })))
      assert.strictEqual(byDefault.sent[0]!.url, "https://telemetry.stytch.com/v1/fingerprint/lookup")
      const configured = stub(() => json(500, errorBody(500, "internal_server_error")))
      yield* Effect.exit(
        lookup.pipe(withClient(configured.client, { maxRetries: 0, fraudBaseUrl: "https://fraud.example.test/" }))
      )
      assert.strictEqual(configured.sent[0]!.url, "https://fraud.example.test/v1/fingerprint/lookup")
    }))

  it.effect("transformClient sees every attempt, after the auth header is set", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) =>
        n === 1 ? json(503, errorBody(503, "service_unavailable")) : json(200, userBody("user-test-tc"))
      )
      const seen: Array<string | undefined> = []
      const exit = yield* drive(getUser("user-test-tc").pipe(withClient(client, {
        transformClient: (c) =>
          c.pipe(
            HttpClient.tapRequest((request) => Effect.sync(() => seen.push(request.headers["authorization"]))),
            HttpClient.mapRequest(HttpClientRequest.setHeader("x-extra", "yes"))
          )
      })))
      assert.isTrue(Exit.isSuccess(exit))
      assert.deepStrictEqual(seen, [BASIC, BASIC])
      assert.deepStrictEqual(sent.map((r) => r.headers["x-extra"]), ["yes", "yes"])
    }))

  it.effect("the default API host follows the project id: live -> api.stytch.com, test -> test.stytch.com", () =>
    Effect.gen(function*() {
      const live = stub(() => json(200, userBody("user-live-1")))
      yield* getUser("user-live-1").pipe(
        withClient(live.client, { projectId: "project-live-11111111-2222-4333-8444-555555555555", baseUrl: undefined })
      )
      assert.strictEqual(live.sent[0]!.url, "https://api.stytch.com/v1/users/user-live-1")
      const test = stub(() => json(200, userBody("user-test-1")))
      yield* getUser("user-test-1").pipe(withClient(test.client, { baseUrl: undefined }))
      assert.strictEqual(test.sent[0]!.url, "https://test.stytch.com/v1/users/user-test-1")
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("retries", () => {
  it.effect("a transient endpoint retries 503 and succeeds on the third attempt", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) =>
        n < 3 ? json(503, errorBody(503, "service_unavailable")) : json(200, userBody("user-test-r"))
      )
      const exit = yield* drive(getUser("user-test-r").pipe(withClient(client)))
      assert.isTrue(Exit.isSuccess(exit))
      assert.strictEqual(sent.length, 3)
    }))

  it.effect("after maxRetries the typed error of the last answer is returned", () =>
    Effect.gen(function*() {
      const unavailable = stub(() => json(503, errorBody(503, "service_unavailable", "request-id-last")))
      const e503 = yield* driveFlip(getUser("user-test-r").pipe(withClient(unavailable.client)))
      assert.strictEqual(e503._tag, "ServiceUnavailable")
      assert.strictEqual((e503 as StytchError.StytchApiError).request_id, "request-id-last")
      assert.strictEqual(unavailable.sent.length, 3)
      // Different bodies per attempt: the *last* one wins.
      const mixed = stub((n) =>
        n < 3 ? json(503, errorBody(503, "service_unavailable")) : json(500, errorBody(500, "internal_server_error"))
      )
      const e500 = yield* driveFlip(getUser("user-test-r").pipe(withClient(mixed.client)))
      assert.strictEqual(e500._tag, "InternalServerError")
      assert.strictEqual(mixed.sent.length, 3)
    }))

  it.effect("transient: the retried statuses and transport errors are retried; the others are not", () =>
    Effect.gen(function*() {
      for (const status of TRANSIENT_RETRIED) {
        const { client, sent } = stub(() => json(status, errorBody(status, "some_error")))
        yield* drive(getUser("user-test-s").pipe(withClient(client, { maxRetries: 1 })))
        assert.strictEqual(sent.length, 2, `status ${status}`)
      }
      for (const status of NEVER_RETRIED) {
        const { client, sent } = stub(() => json(status, errorBody(status, "some_error")))
        yield* drive(getUser("user-test-s").pipe(withClient(client, { maxRetries: 1 })))
        assert.strictEqual(sent.length, 1, `status ${status}`)
      }
      const transport = stub((_, request) => transportFailure(request))
      yield* drive(getUser("user-test-s").pipe(withClient(transport.client, { maxRetries: 1 })))
      assert.strictEqual(transport.sent.length, 2)
    }))

  it.effect("a rateLimitOnly endpoint (users.create) retries 429", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) =>
        n === 1 ? json(429, errorBody(429, "too_many_requests")) : json(200, createdBody("user-test-c"))
      )
      const exit = yield* drive(createUser("c@example.test").pipe(withClient(client)))
      assert.isTrue(Exit.isSuccess(exit))
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("a rateLimitOnly endpoint does not retry 5xx, 408 or transport errors", () =>
    Effect.gen(function*() {
      for (const status of RATE_LIMIT_ONLY_NOT_RETRIED) {
        const { client, sent } = stub(() => json(status, errorBody(status, "some_error")))
        const error = yield* driveFlip(createUser("c@example.test").pipe(withClient(client)))
        assert.strictEqual(error._tag, "StytchUnknownError")
        assert.strictEqual(sent.length, 1, `status ${status}`)
      }
      const transport = stub((_, request) => transportFailure(request))
      const error = yield* driveFlip(createUser("c@example.test").pipe(withClient(transport.client)))
      assert.strictEqual(error._tag, "StytchTransportError")
      assert.strictEqual(transport.sent.length, 1)
    }))

  it.effect("Retry-After in seconds is honoured", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after": "3" })
          : json(200, userBody("user-test-ra"))
      )
      const fiber = yield* Effect.forkChild(getUser("user-test-ra").pipe(withClient(client)))
      yield* advance(2900)
      assert.strictEqual(sent.length, 1)
      assert.isTrue(yield* isRunning(fiber))
      yield* advance(100)
      const user = yield* Fiber.join(fiber)
      assert.strictEqual(user.user_id, "user-test-ra")
      assert.deepStrictEqual(sent.map((s) => s.at), [0, 3000])
    }))

  it.effect("Retry-After over 60 seconds is capped at 60 seconds", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) =>
        n === 1
          ? json(503, errorBody(503, "service_unavailable"), { "retry-after": "3600" })
          : json(200, userBody("user-test-cap"))
      )
      const fiber = yield* Effect.forkChild(getUser("user-test-cap").pipe(withClient(client)))
      yield* advance(59_900, 1000)
      assert.strictEqual(sent.length, 1)
      yield* advance(100)
      yield* Fiber.join(fiber)
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("Retry-After as an HTTP date and retry-after-ms are honoured", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const dated = stub((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after": new Date(NOW + 5000).toUTCString() })
          : json(200, userBody("user-test-date"))
      )
      const fiber = yield* Effect.forkChild(getUser("user-test-date").pipe(withClient(dated.client)))
      yield* advance(4900)
      assert.strictEqual(dated.sent.length, 1)
      yield* advance(100)
      yield* Fiber.join(fiber)
      assert.strictEqual(dated.sent.length, 2)

      const millis = stub((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after-ms": "1500" })
          : json(200, userBody("user-test-ms"))
      )
      const fiber2 = yield* Effect.forkChild(getUser("user-test-ms").pipe(withClient(millis.client)))
      yield* advance(1450)
      assert.strictEqual(millis.sent.length, 1)
      yield* advance(50)
      yield* Fiber.join(fiber2)
      assert.strictEqual(millis.sent.length, 2)
    }))

  it.effect("a malformed Retry-After (\"-1\") falls back to the backoff instead of retrying at once", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { client, sent } = stub((n) =>
        n === 1
          ? json(503, errorBody(503, "service_unavailable"), { "retry-after": "-1" })
          : json(200, userBody("user-test-neg"))
      )
      const fiber = yield* Effect.forkChild(getUser("user-test-neg").pipe(withClient(client)))
      yield* advance(370, 10) // the first backoff is at least 375 ms
      assert.strictEqual(sent.length, 1)
      yield* advance(130, 10)
      yield* Fiber.join(fiber)
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("Retry-After also applies to a 429 on a rateLimitOnly endpoint", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after": "2" })
          : json(200, createdBody("user-test-c"))
      )
      const fiber = yield* Effect.forkChild(createUser("ra@example.test").pipe(withClient(client)))
      yield* advance(1950)
      assert.strictEqual(sent.length, 1)
      yield* advance(50)
      yield* Fiber.join(fiber)
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("backoff: 0.5 s then 1 s, each with at most 25% downward jitter", () =>
    Effect.gen(function*() {
      for (let run = 0; run < 5; run++) {
        const { client, sent } = stub(() => json(503, errorBody(503, "service_unavailable")))
        const error = yield* driveFlip(getUser("user-test-b").pipe(withClient(client)))
        assert.strictEqual(error._tag, "ServiceUnavailable")
        assert.strictEqual(sent.length, 3)
        const first = sent[1]!.at - sent[0]!.at
        const second = sent[2]!.at - sent[1]!.at
        assert.isTrue(first >= 375 && first <= 500, `first wait ${first} ms`)
        assert.isTrue(second >= 750 && second <= 1000, `second wait ${second} ms`)
      }
    }))

  it.effect("the jitter is drawn from Effect's Random (so it is reproducible in tests)", () =>
    Effect.gen(function*() {
      const draws = [0.8, 0.4]
      const fixed: Random.Random = {
        nextDoubleUnsafe: () => draws.shift() ?? 0,
        nextIntUnsafe: () => 0
      }
      const { client, sent } = stub(() => json(503, errorBody(503, "service_unavailable")))
      yield* driveFlip(getUser("user-test-j").pipe(withClient(client), Effect.provideService(Random.Random, fixed)))
      assert.strictEqual(sent.length, 3)
      // 500 ms * (1 - 0.25 * 0.8) and 1000 ms * (1 - 0.25 * 0.4)
      assert.deepStrictEqual([sent[1]!.at - sent[0]!.at, sent[2]!.at - sent[1]!.at], [400, 900])
    }))

  it.effect("backoff is capped at 8 s", () =>
    Effect.gen(function*() {
      // Without the cap the 6th retry would wait 16 s (at least 12 s after jitter).
      // With it the six waits add up to at most 0.5 + 1 + 2 + 4 + 8 + 8 = 23.5 s.
      const { client, sent } = stub(() => json(503, errorBody(503, "service_unavailable")))
      const fiber = yield* Effect.forkChild(getUser("user-test-cap8").pipe(withClient(client, { maxRetries: 6 })))
      yield* advance(23_500, 500)
      assert.strictEqual(sent.length, 7)
      const error = yield* flip(Fiber.join(fiber))
      assert.strictEqual(error._tag, "ServiceUnavailable")
    }))

  it.effect("maxRetries: 0 makes exactly one attempt", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(503, errorBody(503, "service_unavailable")))
      // No clock movement needed: nothing sleeps.
      const error = yield* flip(getUser("user-test-0").pipe(withClient(client, { maxRetries: 0 })))
      assert.strictEqual(error._tag, "ServiceUnavailable")
      assert.strictEqual(sent.length, 1)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("timeout", () => {
  it.effect("an attempt without an answer fails with reason Timeout after the configured timeout", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => Effect.never)
      const fiber = yield* Effect.forkChild(
        getUser("user-test-t").pipe(withClient(client, { timeout: "2 seconds", maxRetries: 0 }))
      )
      yield* advance(1990, 10)
      assert.isTrue(yield* isRunning(fiber))
      yield* advance(10)
      const error = yield* flip(Fiber.join(fiber))
      assert.instanceOf(error, StytchError.StytchTransportError)
      const transport = error as StytchError.StytchTransportError
      assert.strictEqual(transport.reason, "Timeout")
      assert.strictEqual(transport.method, "GET")
      assert.strictEqual(transport.url, `${BASE_URL}/v1/users/user-test-t`)
      assert.include(transport.detail, "2s")
      assert.strictEqual(sent.length, 1)
      // The abandoned attempt was interrupted, which aborts its request.
      assert.isTrue(sent[0]!.signal.aborted)
    }))

  it.effect("the default timeout is 10 seconds", () =>
    Effect.gen(function*() {
      const { client } = stub(() => Effect.never)
      const fiber = yield* Effect.forkChild(getUser("user-test-t10").pipe(withClient(client, { maxRetries: 0 })))
      yield* advance(9900, 100)
      assert.isTrue(yield* isRunning(fiber))
      yield* advance(100)
      const error = yield* flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Timeout")
    }))

  it.effect("a timeout on a transient endpoint is retried", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) => n === 1 ? Effect.never : json(200, userBody("user-test-tr")))
      const exit = yield* drive(getUser("user-test-tr").pipe(withClient(client, { timeout: "2 seconds" })))
      assert.isTrue(Exit.isSuccess(exit))
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("a timeout on a rateLimitOnly endpoint is not retried (the request may have been processed)", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => Effect.never)
      const error = yield* driveFlip(createUser("t@example.test").pipe(withClient(client, { timeout: "2 seconds" })))
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Timeout")
      assert.strictEqual(sent.length, 1)
    }))

  // The live clock takes the pipeline's own timer (one child fiber and a setTimeout per attempt).
  it.live("on the live clock: a slow attempt times out and is aborted; a fast one answers", () =>
    Effect.gen(function*() {
      const slow = stub(() => Effect.never)
      const started = Date.now()
      const error = yield* flip(getUser("user-test-live").pipe(withClient(slow.client, { timeout: 50, maxRetries: 0 })))
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Timeout")
      assert.isAtLeast(Date.now() - started, 45)
      assert.isTrue(slow.sent[0]!.signal.aborted)

      const fast = stub(() => json(200, userBody("user-test-live")))
      const user = yield* getUser("user-test-live").pipe(withClient(fast.client, { timeout: 1000 }))
      assert.strictEqual(user.user_id, "user-test-live")
      assert.isFalse(fast.sent[0]!.signal.aborted)

      // An answer that comes just after a retried timeout is not lost, and the failure of an attempt is not a defect.
      const late = stub((n) =>
        n === 1 ? Effect.as(Effect.sleep("200 millis"), json(200, userBody("x"))) : json(200, userBody("late"))
      )
      const second = yield* getUser("late").pipe(withClient(late.client, { timeout: 50 }))
      assert.strictEqual(second.user_id, "late")
      assert.strictEqual(late.sent.length, 2)
    }))

  it.live("on the live clock: interrupting the caller interrupts the attempt", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => Effect.never)
      const fiber = yield* Effect.forkChild(getUser("user-test-int").pipe(withClient(client, { timeout: 5000 })))
      while (sent.length === 0) yield* Effect.sleep("1 millis")
      yield* Fiber.interrupt(fiber)
      assert.isTrue(sent[0]!.signal.aborted)
      assert.strictEqual(sent.length, 1)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("transport failures", () => {
  it.effect("a TransportError becomes StytchTransportError (reason Transport, the cause's code), request dropped", () =>
    Effect.gen(function*() {
      const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" })
      const { client, sent } = stub((_, request) =>
        transportFailure(request, new TypeError("fetch failed", { cause: refused }))
      )
      const error = yield* flip(getUser("user-test-x").pipe(withClient(client, { maxRetries: 0 })))
      assert.instanceOf(error, StytchError.StytchTransportError)
      const transport = error as StytchError.StytchTransportError
      assert.strictEqual(transport.reason, "Transport")
      assert.strictEqual(transport.code, "ECONNREFUSED")
      assert.strictEqual(transport.detail, "connect ECONNREFUSED 127.0.0.1:9")
      assert.strictEqual(transport.method, "GET")
      assert.strictEqual(transport.url, `${BASE_URL}/v1/users/user-test-x`)
      assert.isTrue(StytchError.isStytchError(error))
      // The HTTP client's error (which holds the request and its Authorization header) is not kept.
      assert.isFalse(HttpClientError.isHttpClientError(transport.cause))
      assert.notInclude(util.inspect(transport, { depth: 10 }), SECRET)
      assert.strictEqual(sent.length, 1)
    }))

  it.effect("an unreadable response body is a transport failure", () =>
    Effect.gen(function*() {
      const { client } = stub(() =>
        new Response(new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("socket hang up")) }), { status: 200 })
      )
      const error = yield* flip(getUser("user-test-x").pipe(withClient(client, { maxRetries: 0 })))
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Transport")
      assert.include((error as StytchError.StytchTransportError).detail, "socket hang up")
    }))

  it.effect("a body over the transport's cap is reason BodyTooLarge, never retried", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((_, request) =>
        Effect.fail(
          new HttpClientError.HttpClientError({
            reason: new HttpClientError.DecodeError({
              request,
              response: HttpClientResponse.fromWeb(request, new Response("x")),
              cause: new BodyTooLargeError(1024)
            })
          })
        )
      )
      const error = yield* driveFlip(getUser("user-test-big").pipe(withClient(client)))
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "BodyTooLarge")
      assert.include((error as StytchError.StytchTransportError).detail, "1024-byte cap")
      assert.strictEqual(sent.length, 1)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("decoding answers", () => {
  const html = () => new Response("<html><body>502 Bad Gateway</body></html>", { status: 502 })

  it.effect("an HTML 502 is a StytchDecodeError with status 502 (rateLimitOnly: one attempt)", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(html)
      const error = yield* flip(createUser("d@example.test").pipe(withClient(client)))
      assert.instanceOf(error, StytchError.StytchDecodeError)
      const decode = error as StytchError.StytchDecodeError
      assert.strictEqual(decode.status, 502)
      assert.strictEqual(decode.request_id, undefined)
      assert.include(decode.detail, "not JSON")
      assert.strictEqual(sent.length, 1)
    }))

  it.effect("an HTML 500 on a transient endpoint is retried, then a StytchDecodeError", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => new Response("<html>500</html>", { status: 500 }))
      const error = yield* driveFlip(getUser("user-test-d").pipe(withClient(client)))
      assert.strictEqual(error._tag === "StytchDecodeError" && error.status, 500)
      assert.strictEqual(sent.length, 3)
    }))

  it.effect("truncated JSON on a 200 is a StytchDecodeError", () =>
    Effect.gen(function*() {
      const { client } = stub(() => new Response(JSON.stringify(userBody("user-test-trunc")).slice(0, 40), { status: 200 }))
      const error = yield* flip(getUser("user-test-trunc").pipe(withClient(client)))
      assert.strictEqual(error._tag === "StytchDecodeError" && error.status, 200)
    }))

  it.effect("wrong types or a missing field on a 2xx: a StytchDecodeError naming the field, keeping request_id", () =>
    Effect.gen(function*() {
      const { user_id: _, ...withoutId } = userBody("user-test-missing")
      const missing = stub(() => json(200, { ...withoutId, request_id: "request-id-missing" }))
      const error = yield* flip(getUser("user-test-missing").pipe(withClient(missing.client)))
      assert.instanceOf(error, StytchError.StytchDecodeError)
      const decode = error as StytchError.StytchDecodeError
      assert.strictEqual(decode.status, 200)
      assert.strictEqual(decode.request_id, "request-id-missing")
      assert.include(decode.detail, "user_id")

      const wrong = stub(() => json(200, userBody("user-test-wrong", { is_locked: "yes-canary-value" })))
      const wrongType = yield* flip(getUser("user-test-wrong").pipe(withClient(wrong.client)))
      assert.strictEqual(wrongType._tag, "StytchDecodeError")
      assert.include((wrongType as StytchError.StytchDecodeError).detail, "is_locked")
      // Paths and expectations only: never the value.
      assert.notInclude(wrongType.message + JSON.stringify(wrongType), "canary")

      const array = stub(() => json(200, [1, 2, 3]))
      assert.strictEqual((yield* flip(getUser("user-test-arr").pipe(withClient(array.client))))._tag, "StytchDecodeError")
    }))

  it.effect("an unknown error_type is a StytchUnknownError keeping error_type, status and request_id", () =>
    Effect.gen(function*() {
      const body = { ...errorBody(418, "brand_new_error_type", "request-id-unknown"), error_details: { hint: 1 } }
      const { client } = stub(() => json(418, body))
      const error = yield* flip(getUser("user-test-u").pipe(withClient(client)))
      assert.instanceOf(error, StytchError.StytchUnknownError)
      const unknown = error as StytchError.StytchUnknownError
      assert.strictEqual(unknown.error_type, "brand_new_error_type")
      assert.strictEqual(unknown.status_code, 418)
      assert.strictEqual(unknown.request_id, "request-id-unknown")
      assert.strictEqual(unknown.error_message, body.error_message)
      assert.deepStrictEqual(unknown.error_details, { hint: 1 })
    }))

  it.effect("a known error body becomes its catalogued class with every wire field, and catchTag selects it", () =>
    Effect.gen(function*() {
      const body = errorBody(404, "user_not_found", "request-id-test-404")
      const { client } = stub(() => json(404, body))
      const error = yield* flip(getUser("user-test-nf").pipe(withClient(client)))
      assert.strictEqual(error._tag, "UserNotFound")
      assert.isTrue(error instanceof StytchError.StytchApiError)
      const notFound = error as StytchError.StytchApiError
      assert.strictEqual(notFound.status_code, 404)
      assert.strictEqual(notFound.request_id, body.request_id)
      assert.strictEqual(notFound.error_message, body.error_message)
      assert.strictEqual(notFound.error_url, body.error_url)
      const caught = yield* getUser("user-test-nf").pipe(
        Effect.catchTag("UserNotFound", (e) => Effect.succeed(`caught ${e.error_type}`)),
        withClient(client)
      )
      assert.strictEqual(caught, "caught user_not_found")
    }))

  it.effect("error bodies without request_id (or with only error_type) still become their class", () =>
    Effect.gen(function*() {
      for (const body of [{ status_code: 404, error_type: "user_not_found" }, { error_type: "user_not_found" }]) {
        const { client } = stub(() => json(404, body))
        const error = yield* flip(getUser("user-test-e").pipe(withClient(client)))
        assert.strictEqual(error._tag, "UserNotFound", JSON.stringify(body))
        assert.strictEqual((error as StytchError.StytchApiError).status_code, 404)
        assert.strictEqual((error as StytchError.StytchApiError).request_id, "")
      }
      // Only error_type makes an error body; a proxy's JSON 403 is a decode error.
      for (const body of [{ status_code: 404, error_message: "no type" }, { message: "Forbidden by a proxy" }]) {
        const { client } = stub(() => json(403, body))
        const error = yield* flip(getUser("user-test-e").pipe(withClient(client)))
        assert.strictEqual(error._tag === "StytchDecodeError" && error.status, 403)
      }
    }))

  it.effect("status_code and request_id are never required on a 2xx: status_code is the HTTP status", () =>
    Effect.gen(function*() {
      const { request_id: _, status_code: __, ...body } = userBody("user-test-nr")
      const { client } = stub(() => json(200, body))
      const user = yield* getUser("user-test-nr").pipe(withClient(client))
      assert.strictEqual(user.user_id, "user-test-nr")
      assert.strictEqual(user.status_code, 200)
      assert.strictEqual(user.request_id, undefined)
    }))

  it.effect("unknown extra fields are dropped and null optional fields are absent", () =>
    Effect.gen(function*() {
      const { client } = stub(() =>
        json(200, userBody("user-test-tol", { name: null, external_id: null, brand_new_field: { nested: [1, 2, 3] } }))
      )
      const user = yield* getUser("user-test-tol").pipe(withClient(client))
      assert.strictEqual(user.user_id, "user-test-tol")
      assert.strictEqual(user.name, undefined)
      assert.isFalse("brand_new_field" in user)
    }))
})

describe("hostile answers", () => {
  it.effect("a 200 whose field is nested 5,000 levels deep fails with StytchDecodeError, not a defect", () =>
    Effect.gen(function*() {
      // Written as text: building it with JSON.stringify would itself overflow in a test.
      const deep = `${"[".repeat(5000)}"x"${"]".repeat(5000)}`
      const deepObject = `${"{\"a\":".repeat(5000)}"x"${"}".repeat(5000)}`
      for (const [field, value] of [["emails", deep], ["providers", deepObject], ["is_locked", deepObject]] as const) {
        const text = JSON.stringify(userBody("user-test-deep", { [field]: "DEEP" })).replace("\"DEEP\"", value)
        const { client } = stub(() => new Response(text, { status: 200, headers: { "content-type": "application/json" } }))
        const error = yield* flip(getUser("user-test-deep").pipe(withClient(client)))
        assert.strictEqual(error._tag, "StytchDecodeError", field)
        assert.include(error.message, field)
        assert.isBelow(error.message.length, 3000)
      }
    }))

  it.effect("after hostile answers the same pipeline keeps working", () =>
    Effect.gen(function*() {
      const bodies = ["<html>", "{\"user_id\":", "null", "\"text\"", JSON.stringify(userBody("user-test-ok"))]
      const { client } = stub((n) => new Response(bodies[n - 1] ?? "", { status: 200 }))
      const results = yield* Effect.gen(function*() {
        const out: Array<string> = []
        for (let i = 0; i < bodies.length; i++) {
          const exit = yield* Effect.exit(getUser("user-test-ok"))
          out.push(Exit.isSuccess(exit) ? exit.value.user_id : failureOf(exit)._tag)
        }
        return out
      }).pipe(withClient(client))
      assert.deepStrictEqual(results, [
        "StytchDecodeError",
        "StytchDecodeError",
        "StytchDecodeError",
        "StytchDecodeError",
        "user-test-ok"
      ])
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("request validation", () => {
  it.effect("an empty path parameter fails with StytchRequestError and sends nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, userBody("x")))
      const error = yield* flip(getUser("").pipe(withClient(client)))
      assert.instanceOf(error, StytchError.StytchRequestError)
      assert.strictEqual((error as StytchError.StytchRequestError).path, "user_id")
      assert.strictEqual(sent.length, 0)
    }))

  it.effect("a wrongly typed field fails with StytchRequestError naming the field, sends nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, userBody("x")))
      const error = yield* flip(getUser(42 as any).pipe(withClient(client)))
      assert.strictEqual(error._tag, "StytchRequestError")
      const error2 = yield* flip(Effect.flatMap(api, (a) => a.users.create({ email: 5 as any })).pipe(withClient(client)))
      assert.instanceOf(error2, StytchError.StytchRequestError)
      const request = error2 as StytchError.StytchRequestError
      assert.strictEqual(request.path, "email")
      assert.strictEqual(request.endpoint, "users.create")
      assert.strictEqual(request.method, "POST")
      assert.strictEqual(request.url, `${BASE_URL}/v1/users`)
      assert.include(request.message, "email")
      assert.strictEqual(sent.length, 0)
    }))

  it.effect("dot-segment path parameters (\".\", \"..\") fail with StytchRequestError and send nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, { request_id: "r", status_code: 200 }))
      const calls: Array<Effect.Effect<unknown, StytchError.StytchError, StytchHttp.StytchHttp>> = [
        Effect.flatMap(api, (a) => a.users.delete({ user_id: ".." })),
        Effect.flatMap(api, (a) => a.users.deleteExternalId({ user_id: "." })),
        getUser("..")
      ]
      for (const call of calls) {
        const error = yield* flip(call.pipe(withClient(client)))
        assert.instanceOf(error, StytchError.StytchRequestError)
        const request = error as StytchError.StytchRequestError
        assert.strictEqual(request.path, "user_id")
        assert.include(request.expected, "..")
        // The URL is the endpoint's template, never the refused value.
        assert.include(request.url, "/v1/users/{user_id}")
      }
      assert.strictEqual(sent.length, 0)
    }))

  it.effect("a path parameter that merely contains dots or %2e is sent percent-encoded on its own route", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, userBody("x")))
      yield* getUser("...").pipe(withClient(client))
      yield* getUser("%2e%2e").pipe(withClient(client))
      assert.deepStrictEqual(sent.map((s) => s.url), [`${BASE_URL}/v1/users/...`, `${BASE_URL}/v1/users/%252e%252e`])
    }))

  it.effect("an unknown request field fails with StytchRequestError naming the key (never a value), sends nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, {}))
      const error = yield* flip(
        Effect.flatMap(api, (a) =>
          a.passwords.authenticate({
            email: "a@example.com",
            password: "hunter2-secret-value",
            sesion_duration_minutes: 5
          } as any)).pipe(withClient(client))
      )
      assert.instanceOf(error, StytchError.StytchRequestError)
      const request = error as StytchError.StytchRequestError
      assert.strictEqual(request.path, "sesion_duration_minutes")
      assert.include(request.message, "sesion_duration_minutes")
      assert.notInclude(request.message + JSON.stringify(request) + util.inspect(request), "hunter2")
      const nested = yield* flip(
        Effect.flatMap(api, (a) =>
          a.users.create({ email: "a@example.com", name: { first_name: "A", frist_name: "B" } } as any)).pipe(
            withClient(client)
          )
      )
      assert.strictEqual(nested._tag === "StytchRequestError" && nested.path, "name.frist_name")
      assert.strictEqual(sent.length, 0)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

/** Records every log line (level, message, annotations) of `effect`, at every level. */
const captureLogs = () => {
  const lines: Array<string> = []
  const annotations: Array<Record<string, unknown>> = []
  const logger = Logger.make(({ fiber, logLevel, message }) => {
    lines.push(`${logLevel} ${Array.isArray(message) ? message.join(" ") : String(message)}`)
    annotations.push({ ...fiber.getRef(References.CurrentLogAnnotations) })
  })
  const run = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    effect.pipe(
      Effect.provideService(References.MinimumLogLevel, "All"),
      Effect.provideService(References.CurrentLoggers, new Set([logger]))
    )
  return { lines, annotations, run }
}

/** Records every span created under `effect` (the pipeline's and the HTTP client's). */
const captureSpans = Effect.map(Effect.tracer, (base) => {
  const spans: Array<Tracer.Span> = []
  const tracer = Tracer.make({
    span(options) {
      const span = base.span(options)
      spans.push(span)
      return span
    },
    context: base.context
  })
  return { spans, run: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.withTracer(effect, tracer) }
})

describe("retry logging", () => {
  it.effect("one debug line per retried attempt (endpoint, attempt n/max, reason, delay) with its annotations", () =>
    Effect.gen(function*() {
      const { annotations, lines, run } = captureLogs()
      const { client } = stub((attempt, request) =>
        attempt === 1
          ? transportFailure(request)
          : attempt === 2
          ? json(503, errorBody(503, "unavailable"))
          : json(200, userBody("user-test-log"))
      )
      const exit = yield* drive(getUser("user-test-log").pipe(withClient(client), run))
      assert.isTrue(Exit.isSuccess(exit))
      assert.strictEqual(lines.length, 2, lines.join("\n"))
      assert.match(
        lines[0]!,
        /^Debug Stytch users\.get: attempt 1\/3 failed \(transport error \(ECONNRESET\)\), retrying in \d+ms$/
      )
      assert.match(lines[1]!, /^Debug Stytch users\.get: attempt 2\/3 failed \(HTTP 503\), retrying in \d+(ms|s)/)
      assert.strictEqual(annotations[0]!.endpoint, "users.get")
      assert.strictEqual(annotations[1]!.attempt, "2/3")
      assert.strictEqual(annotations[1]!.reason, "HTTP 503")
    }))
})

describe("tracing", () => {
  it.effect("each call runs in a span named after the method, with the template, request id and status", () =>
    Effect.gen(function*() {
      const { client } = stub(() => json(200, userBody("user-test-span")))
      const { run, spans } = yield* captureSpans
      yield* getUser("user-test-span").pipe(withClient(client), run)
      const span = spans.find((s) => s.name === "Stytch.users.get")
      assert.isDefined(span)
      assert.strictEqual(span!.kind, "client")
      assert.strictEqual(span!.attributes.get("stytch.request_id"), "request-id-test-user")
      assert.strictEqual(span!.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(span!.attributes.get("http.request.method"), "GET")
      assert.strictEqual(span!.attributes.get("url.template"), "/v1/users/{user_id}")
      assert.strictEqual(span!.status._tag, "Ended")
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("the secret stays secret", () => {
  it.effect("never in an error, its cause, a log line, a log annotation or a span attribute", () =>
    Effect.gen(function*() {
      const { annotations, lines, run: runLogs } = captureLogs()
      const { run: runSpans, spans } = yield* captureSpans
      const failing = stub((n, request) => {
        switch (n % 6) {
          case 1:
            return transportFailure(request, new Error(`ECONNRESET ${request.headers["authorization"]?.length}`))
          case 2:
            return json(503, errorBody(503, "service_unavailable"))
          case 3:
            return new Response("<html>oops</html>", { status: 500 })
          case 4:
            return json(200, { request_id: "r" })
          case 5:
            return json(401, errorBody(401, "unauthorized_credentials"))
          default:
            return Effect.never
        }
      })
      const errors: Array<unknown> = []
      const calls: Array<Effect.Effect<unknown, unknown, StytchHttp.StytchHttp>> = [
        // transport failure, 503, HTML 500: retried, then a decode error
        getUser("user-test-secret"),
        // a 200 without the user: a decode error
        getUser("user-test-secret"),
        // refused before sending
        getUser(".."),
        // an error body (rateLimitOnly: one attempt)
        createUser("secret@example.test"),
        // an unknown field whose value is the secret itself
        Effect.flatMap(api, (a) => a.passwords.authenticate({ email: "a@b.c", password: "p", extra: SECRET } as any)),
        // a timeout, a transport failure, then a 503
        getUser("user-test-secret")
      ]
      for (const call of calls) {
        const exit = yield* drive(call.pipe(withClient(failing.client, { timeout: "1 second" }), runLogs, runSpans))
        errors.push(failureOf(exit))
      }
      assert.deepStrictEqual(errors.map((e) => (e as { _tag: string })._tag), [
        "StytchDecodeError",
        "StytchDecodeError",
        "StytchRequestError",
        "UnauthorizedCredentials",
        "StytchRequestError",
        "ServiceUnavailable"
      ])
      // A config carrying the secret, printed.
      const config = yield* StytchConfig.make({ projectId: PROJECT_ID, secret: SECRET })
      const texts = [
        ...errors.flatMap((e) => [String(e), JSON.stringify(e), util.inspect(e, { depth: 20 }), (e as Error).message]),
        ...errors.map((e) => util.inspect((e as { cause?: unknown }).cause, { depth: 20 })),
        ...lines,
        JSON.stringify(annotations),
        ...spans.map((s) => util.inspect([s.name, [...s.attributes]], { depth: 20 })),
        String(config),
        JSON.stringify(config),
        util.inspect(config, { depth: 20 })
      ]
      assert.isAbove(spans.length, 5)
      assert.isAbove(lines.length, 0)
      const encoded = BASIC.slice("Basic ".length)
      for (const text of texts) {
        assert.notInclude(text, SECRET)
        assert.notInclude(text, encoded)
      }
    }))
})

describe("execute (raw requests, the OAuth2 form endpoints)", () => {
  it.effect("sends the caller's request with user-agent, with or without Basic auth, retried by its policy", () =>
    Effect.gen(function*() {
      const { client, sent } = stub((n) =>
        n === 1
          ? new Response("{}", { status: 429 })
          : new Response("{\"access_token\":\"t\"}", { status: 200, headers: { "x-answer": "yes" } })
      )
      const http = StytchHttp.StytchHttp
      const request = HttpClientRequest.post(`${BASE_URL}/v1/public/p/oauth2/token`).pipe(
        HttpClientRequest.bodyUrlParams({ grant_type: "client_credentials" })
      )
      const answer = yield* drive(
        Effect.flatMap(http, (h) => h.execute(request, { id: "m2m.token", retry: "rateLimitOnly", authenticate: false }))
          .pipe(withClient(client))
      )
      assert.isTrue(Exit.isSuccess(answer))
      if (!Exit.isSuccess(answer)) return
      assert.strictEqual(answer.value.status, 200)
      assert.strictEqual(answer.value.body, "{\"access_token\":\"t\"}")
      assert.strictEqual(answer.value.headers["x-answer"], "yes")
      assert.strictEqual(sent.length, 2)
      assert.isUndefined(sent[0]!.headers["authorization"])
      assert.match(sent[0]!.headers["user-agent"]!, /^effect-stytch\//)
      assert.strictEqual(sent[0]!.body, "grant_type=client_credentials")

      const authed = stub(() => new Response("nope", { status: 500 }))
      const raw = yield* Effect.flatMap(http, (h) =>
        h.execute(request, { id: "idp.introspect", retry: "rateLimitOnly", authenticate: true })).pipe(
          withClient(authed.client)
        )
      // Any status is an answer: the caller decodes it.
      assert.strictEqual(raw.status, 500)
      assert.strictEqual(authed.sent[0]!.headers["authorization"], BASIC)
    }))

  it.effect("a request without an answer is a StytchTransportError", () =>
    Effect.gen(function*() {
      const { client } = stub((_, request) => transportFailure(request))
      const error = yield* flip(
        Effect.flatMap(StytchHttp.StytchHttp, (h) =>
          h.execute(HttpClientRequest.post(`${BASE_URL}/x`), { id: "x", retry: "rateLimitOnly", authenticate: false }))
          .pipe(withClient(client))
      )
      assert.strictEqual(error._tag, "StytchTransportError")
      assert.strictEqual(error.url, `${BASE_URL}/x`)
    }))
})

describe("custom claims (withClaims, decodeClaims)", () => {
  const Claims = Schema.Struct({ role: Schema.String, level: Schema.Number })
  const authenticate = endpoint({
    id: "test.authenticate",
    method: "POST",
    path: "/v1/test/authenticate",
    pathParams: [],
    fields: "body",
    host: "api",
    request: Schema.Struct({ token: Schema.String }),
    response: Schema.Struct({
      status_code: Schema.Number,
      session: Schema.Struct({ session_id: Schema.String, custom_claims: Schema.optional(Schema.Unknown) })
    }),
    retry: "rateLimitOnly",
    session: true
  })

  it.effect("the session's custom claims are decoded by the caller's schema; a mismatch is a StytchClaimsError", () =>
    Effect.gen(function*() {
      const answers = [
        { status_code: 200, session: { session_id: "s1", custom_claims: { role: "admin", level: 3 } } },
        { status_code: 200, session: { session_id: "s2", custom_claims: { role: "admin", level: "canary-value" } } }
      ]
      const { client } = stub((n) => json(200, answers[n - 1]))
      const method = Effect.map(StytchHttp.StytchHttp, (http) => withClaims(http, authenticate))
      const ok = yield* Effect.flatMap(method, (m) => m({ token: "t" }, Claims)).pipe(withClient(client))
      assert.deepStrictEqual(ok.custom_claims, { role: "admin", level: 3 })
      assert.strictEqual(ok.session.session_id, "s1")
      const error = yield* flip(Effect.flatMap(method, (m) => m({ token: "t" }, Claims)).pipe(withClient(client)))
      assert.instanceOf(error, StytchError.StytchClaimsError)
      assert.include(error.message, "level")
      assert.notInclude(error.message + JSON.stringify(error), "canary")
    }))

  it.effect("decodeClaims reads missing claims as {}", () =>
    Effect.gen(function*() {
      const empty = yield* decodeClaims({ a: 1 }, undefined, Schema.Struct({ role: Schema.optional(Schema.String) }))
      assert.deepStrictEqual(empty, { a: 1, custom_claims: {} })
      const error = yield* flip(decodeClaims({ a: 1 }, undefined, Claims))
      assert.strictEqual(error._tag, "StytchClaimsError")
    }))
})

describe("a schema that breaks on a hostile value", () => {
  // A check that throws (as a recursive schema does when a value overflows the stack): a defect inside the parser.
  const Fragile = Schema.declare((u): u is string => {
    if (u === "boom") throw new RangeError("Maximum call stack size exceeded near boom-canary")
    return typeof u === "string"
  })
  const fragile = endpoint({
    id: "test.fragile",
    method: "POST",
    path: "/v1/test/fragile",
    pathParams: [],
    fields: "body",
    host: "api",
    request: Schema.Struct({ value: Fragile }),
    response: Schema.Struct({ status_code: Schema.Number, value: Fragile }),
    retry: "rateLimitOnly",
    session: false
  })
  const send = (value: string) => Effect.flatMap(StytchHttp.StytchHttp, (http) => http.call(fragile, { value }))

  it.effect("is a typed error naming only the failure's kind (StytchRequestError or StytchDecodeError)", () =>
    Effect.gen(function*() {
      const { client, sent } = stub(() => json(200, { value: "boom" }))
      const request = yield* flip(send("boom").pipe(withClient(client)))
      assert.strictEqual(request._tag, "StytchRequestError")
      assert.include(request.message, "could not be processed (RangeError)")
      assert.strictEqual(sent.length, 0)
      const answer = yield* flip(send("fine").pipe(withClient(client)))
      assert.strictEqual(answer._tag, "StytchDecodeError")
      assert.include(answer.message, "could not be processed (RangeError)")
      for (const error of [request, answer]) assert.notInclude(error.message + JSON.stringify(error), "canary")
      assert.strictEqual(sent.length, 1)
    }))
})

describe("the plain rules both lines share (src/core: request.ts, answer.ts, retry.ts)", () => {
  it("wireRequest: path parameters in the path, the rest as a JSON body, a query or nothing", () => {
    const shape = { path: "/v1/users/{user_id}", pathParams: ["user_id"] }
    const fields = { user_id: "a/b", name: "Ada", limit: 3, cursor: undefined }
    assert.deepStrictEqual(wireRequest({ ...shape, fields: "body" }, fields), {
      _tag: "Body",
      path: "/v1/users/a%2Fb",
      body: JSON.stringify({ name: "Ada", limit: 3 })
    })
    assert.deepStrictEqual(wireRequest({ ...shape, fields: "query" }, fields), {
      _tag: "Query",
      path: "/v1/users/a%2Fb",
      query: { name: "Ada", limit: "3" }
    })
    assert.deepStrictEqual(wireRequest({ ...shape, fields: "emptyBody" }, { user_id: "u" }), {
      _tag: "Body",
      path: "/v1/users/u",
      body: "{}"
    })
    assert.deepStrictEqual(wireRequest({ ...shape, fields: "none" }, { user_id: "u" }), {
      _tag: "NoBody",
      path: "/v1/users/u"
    })
    const invalid = wireRequest({ ...shape, fields: "none" }, { user_id: ".." })
    assert.strictEqual(invalid._tag === "Invalid" && invalid.name, "user_id")
    // The encoded request is not changed.
    assert.deepStrictEqual(Object.keys(fields), ["user_id", "name", "limit", "cursor"])
  })

  it("readAnswer: not JSON, an error body, a 4xx without one, a 2xx body with status_code filled in", () => {
    const read = (status: number, body: string) => readAnswer({ status, body }, parseJson(body))
    assert.deepStrictEqual(read(502, "<html>"), { _tag: "Unreadable", detail: "the body is not JSON (6 bytes)" })
    assert.deepStrictEqual(read(404, "{\"error_type\":\"user_not_found\"}"), {
      _tag: "ErrorBody",
      fields: { status_code: 404, request_id: "", error_type: "user_not_found", error_message: "", error_url: "" }
    })
    assert.deepStrictEqual(read(403, "{\"message\":\"no\"}"), {
      _tag: "Unreadable",
      detail: "HTTP 403 without a Stytch error body"
    })
    assert.deepStrictEqual(read(201, "{\"a\":1}"), { _tag: "Body", json: { a: 1, status_code: 201 } })
    // An error body on a 2xx is a body like any other (the response schema decides).
    assert.strictEqual(read(200, "{\"error_type\":\"x\"}")._tag, "Body")
    assert.strictEqual(parseJson(""), NOT_JSON)
  })

  it("failureReason and retryMessage: the retry log line", () => {
    assert.strictEqual(failureReason({ _tag: "Answer", status: 503 }), "HTTP 503")
    assert.strictEqual(
      failureReason({ _tag: "NoAnswer", reason: "Timeout", detail: "no answer within 2s" }),
      "no answer within 2s"
    )
    assert.strictEqual(
      failureReason({ _tag: "NoAnswer", reason: "Transport", detail: "ECONNRESET" }),
      "transport error (ECONNRESET)"
    )
    assert.strictEqual(
      retryMessage("users.get", 1, 3, "HTTP 503", "450ms"),
      "Stytch users.get: attempt 1/3 failed (HTTP 503), retrying in 450ms"
    )
  })
})

describe("src/core stays plain", () => {
  it("its modules import no effect (of either line) and nothing outside src/core but jose and node: types", () => {
    const dir = new URL("../../src/core/", import.meta.url)
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"))
    assert.includeMembers(files, ["answer.ts", "config.ts", "path.ts", "request.ts", "retry.ts", "transport.ts"])
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), "utf8")
      for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\b[^"']*?from\s+["']([^"']+)["']/gm)) {
        const allowed = specifier!.startsWith("./") || specifier === "jose" || specifier!.startsWith("node:")
        assert.isTrue(allowed, `${file} imports ${specifier}`)
      }
    }
  })
})
