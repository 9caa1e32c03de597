/**
 * The HTTP pipeline (src/internal/pipeline.ts, served as StytchHttp) against fake HttpClients: request shape, retry
 * policies, backoff, Retry-After, per-attempt timeout, transport/decode/request failures, response tolerance, hostile
 * answers, retry logging and tracing.
 *
 * Every test builds its own fake client, so attempt counts are per test. `it.effect` runs on the TestClock: any call
 * that sleeps (backoff, Retry-After, timeout) is forked and the clock is moved by hand.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import { Fraud, M2M, Passwords, Sessions, Stytch, StytchError, Users, WebAuthn } from "../src/index.js"
import { drive, expectFailure, requestBody, userBody } from "./support.js"
import { NEVER_RETRIED, RATE_LIMIT_ONLY_NOT_RETRIED, TRANSIENT_RETRIED } from "../effect4/test/support/pipelineCases.js"
import type * as StytchConfig from "../src/layers/StytchConfig.js"

const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
const SECRET = "secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"
const BASE_URL = "https://example.test"

// ---------------------------------------------------------------------------------------------------------------
// Fake HttpClient

/** What the fake client saw for one attempt. */
interface Sent {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** `undefined` when the request had no body at all. */
  readonly body: string | undefined
  readonly contentType: string | undefined
  /** The TestClock time of the attempt, in ms. */
  readonly at: number
}

type Reply = Response | Effect.Effect<Response, HttpClientError.HttpClientError>


/**
 * A fake client answering attempt `n` (1-based) with `reply(n, request)`, recording every request it receives.
 * A fresh `Response` is built per attempt, since a web body can be read only once.
 */
const fake = (reply: (attempt: number, request: HttpClientRequest.HttpClientRequest) => Reply) => {
  const sent: Array<Sent> = []
  const client = HttpClient.make((request, url) =>
    Effect.flatMap(Clock.currentTimeMillis, (at) => {
      sent.push({
        method: request.method,
        url: url.toString(),
        headers: { ...request.headers },
        body: requestBody(request),
        contentType: request.body._tag === "Empty" ? undefined : request.body.contentType,
        at
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

/** Provides every SDK service, configured for the fake client (options override the defaults). */
const withClient = (client: HttpClient.HttpClient, options: Partial<StytchConfig.Options> = {}) =>
  Effect.provide(
    Stytch.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl: BASE_URL, ...options }).pipe(
      // The options are valid; a ConfigError here is a test bug, not a case under test.
      Layer.orDie,
      Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
    )
  )

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })


const errorBody = (status: number, error_type: string, request_id = `request-id-test-${error_type}`) => ({
  status_code: status,
  request_id,
  error_type,
  error_message: `message of ${error_type}`,
  error_url: `https://stytch.com/docs/api/errors/${status}#${error_type}`
})

const transportFailure = (request: HttpClientRequest.HttpClientRequest) =>
  Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause: new Error("ECONNRESET") }))

const getUser = (user_id: string) => Effect.flatMap(Users.Users, (users) => users.get({ user_id }))
const createUser = (email: string) => Effect.flatMap(Users.Users, (users) => users.create({ email }))

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

/** `drive`, then the failure (the test fails if the effect succeeded). */
const driveFlip = <A, E, R>(effect: Effect.Effect<A, E, R>, maxMs?: number) =>
  Effect.flatMap(drive(Effect.flip(effect), maxMs), (exit) => exit)

/** A realistic "now" (on a whole second, as HTTP dates are), for the tests where the date matters. */
const NOW = Date.parse("2026-01-01T00:00:00Z")

const isRunning = <A, E>(fiber: Fiber.RuntimeFiber<A, E>) => Effect.map(Fiber.poll(fiber), Option.isNone)

// ---------------------------------------------------------------------------------------------------------------

describe("request shape", () => {
  it.effect("GET with an encoded path parameter, no body, Basic auth, user-agent and accept", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((_, request) => json(200, userBody("user-test-a/b c")))
      const user = yield* getUser("user-test-a/b c").pipe(withClient(client))
      assert.strictEqual(user.user_id, "user-test-a/b c")

      assert.strictEqual(sent.length, 1)
      const [request] = sent
      assert.strictEqual(request!.method, "GET")
      // "/" and " " must not split or break the path.
      assert.strictEqual(request!.url, `${BASE_URL}/v1/users/user-test-a%2Fb%20c`)
      assert.strictEqual(request!.body, undefined)
      assert.strictEqual(
        request!.headers["authorization"],
        `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`
      )
      assert.match(request!.headers["user-agent"]!, /^effect-stytch\/\d+\.\d+\.\d+/)
      assert.strictEqual(request!.headers["accept"], "application/json")
    }))

  it.effect("POST sends the request object as JSON with the wire field names", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(400, errorBody(400, "duplicate_email")))
      const error = yield* Effect.flatMap(Users.Users, (users) =>
        users.create({
          email: "shape@example.test",
          name: { first_name: "Ada", last_name: "Lovelace" },
          create_user_as_pending: true,
          trusted_metadata: { plan: "pro", seats: 3 }
        })).pipe(Effect.flip, withClient(client))
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
      const { client, sent } = fake(() => json(200, { request_id: "r", status_code: 200, sessions: [] }))
      const answer = yield* Effect.flatMap(Sessions.Sessions, (s) => s.get({ user_id: "user-test-q&x=1" })).pipe(
        withClient(client)
      )
      assert.deepStrictEqual(answer.sessions, [])
      const [request] = sent
      assert.strictEqual(request!.method, "GET")
      const url = new URL(request!.url)
      assert.strictEqual(url.origin + url.pathname, `${BASE_URL}/v1/sessions`)
      // The value round-trips through the query string, so "&" and "=" were encoded.
      assert.deepStrictEqual([...url.searchParams.entries()], [["user_id", "user-test-q&x=1"]])
      assert.strictEqual(request!.body, undefined)
    }))

  it.effect("users.delete (emptyBody) sends the literal body {}", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, { request_id: "r", status_code: 200, user_id: "user-test-d" }))
      const answer = yield* Effect.flatMap(Users.Users, (u) => u.delete({ user_id: "user-test-d" })).pipe(
        withClient(client)
      )
      assert.strictEqual(answer.user_id, "user-test-d")
      const [request] = sent
      assert.strictEqual(request!.method, "DELETE")
      assert.strictEqual(request!.url, `${BASE_URL}/v1/users/user-test-d`)
      assert.strictEqual(request!.body, "{}")
      assert.strictEqual(request!.contentType, "application/json")
    }))

  it.effect("fraud endpoints go to the fraud host (default and configured)", () =>
    Effect.gen(function*() {
      const lookup = Effect.flatMap(Fraud.Fraud, (f) => f.fingerprint.lookup({ telemetry_id: "telemetry-1" }))
      const byDefault = fake(() => json(500, errorBody(500, "internal_server_error")))
      yield* Effect.exit(lookup.pipe(withClient(byDefault.client, { maxRetries: 0 })))
      assert.strictEqual(byDefault.sent[0]!.url, "https://telemetry.stytch.com/v1/fingerprint/lookup")

      const configured = fake(() => json(500, errorBody(500, "internal_server_error")))
      yield* Effect.exit(
        lookup.pipe(withClient(configured.client, { maxRetries: 0, fraudBaseUrl: "https://fraud.example.test/" }))
      )
      // The trailing slash of the configured URL does not double.
      assert.strictEqual(configured.sent[0]!.url, "https://fraud.example.test/v1/fingerprint/lookup")
    }))

  it.effect("transformClient sees every attempt, after the auth header is set", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) =>
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
      assert.isTrue(exit._tag === "Success")
      assert.strictEqual(seen.length, 2)
      assert.isTrue(seen.every((h) => h?.startsWith("Basic ")))
      assert.deepStrictEqual(sent.map((r) => r.headers["x-extra"]), ["yes", "yes"])
    }))

  it.effect("the default API host follows the project id: live -> api.stytch.com, test -> test.stytch.com", () =>
    Effect.gen(function*() {
      const live = fake(() => json(200, userBody("user-live-1")))
      yield* getUser("user-live-1").pipe(
        withClient(live.client, { projectId: "project-live-11111111-2222-4333-8444-555555555555", baseUrl: undefined })
      )
      assert.strictEqual(live.sent[0]!.url, "https://api.stytch.com/v1/users/user-live-1")

      const test = fake(() => json(200, userBody("user-test-1")))
      yield* getUser("user-test-1").pipe(withClient(test.client, { baseUrl: undefined }))
      assert.strictEqual(test.sent[0]!.url, "https://test.stytch.com/v1/users/user-test-1")
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("retries", () => {
  it.effect("a transient endpoint retries 503 and succeeds on the third attempt", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) =>
        n < 3 ? json(503, errorBody(503, "service_unavailable")) : json(200, userBody("user-test-r"))
      )
      const exit = yield* drive(getUser("user-test-r").pipe(withClient(client)))
      assert.isTrue(exit._tag === "Success")
      assert.strictEqual(sent.length, 3)
    }))

  it.effect("after maxRetries the typed error of the last answer is returned", () =>
    Effect.gen(function*() {
      const unavailable = fake(() => json(503, errorBody(503, "service_unavailable", "request-id-last")))
      const e503 = yield* driveFlip(getUser("user-test-r").pipe(withClient(unavailable.client)))
      assert.strictEqual(e503._tag, "ServiceUnavailable")
      assert.strictEqual((e503 as StytchError.StytchApiError).request_id, "request-id-last")
      assert.strictEqual(unavailable.sent.length, 3)

      // Different bodies per attempt: the *last* one wins.
      const mixed = fake((n) =>
        n < 3 ? json(503, errorBody(503, "service_unavailable")) : json(500, errorBody(500, "internal_server_error"))
      )
      const e500 = yield* driveFlip(getUser("user-test-r").pipe(withClient(mixed.client)))
      assert.strictEqual(e500._tag, "InternalServerError")
      assert.strictEqual(mixed.sent.length, 3)
    }))

  it.effect("408, 429, 500, 502, 504 and transport errors are transient; 400, 404 and 501 are not", () =>
    Effect.gen(function*() {
      for (const status of TRANSIENT_RETRIED) {
        const { client, sent } = fake(() => json(status, errorBody(status, "some_error")))
        yield* drive(getUser("user-test-s").pipe(withClient(client, { maxRetries: 1 })))
        assert.strictEqual(sent.length, 2, `status ${status}`)
      }
      for (const status of NEVER_RETRIED) {
        const { client, sent } = fake(() => json(status, errorBody(status, "some_error")))
        yield* drive(getUser("user-test-s").pipe(withClient(client, { maxRetries: 1 })))
        assert.strictEqual(sent.length, 1, `status ${status}`)
      }
      const transport = fake((_, request) => transportFailure(request))
      yield* drive(getUser("user-test-s").pipe(withClient(transport.client, { maxRetries: 1 })))
      assert.strictEqual(transport.sent.length, 2)
    }))

  it.effect("a safe POST (users.search) is transient", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) =>
        n === 1
          ? json(502, errorBody(502, "bad_gateway"))
          : json(200, { request_id: "r", status_code: 200, results: [], results_metadata: { total: 0 } })
      )
      const exit = yield* drive(Effect.flatMap(Users.Users, (u) => u.search({ limit: 10 })).pipe(withClient(client)))
      assert.isTrue(exit._tag === "Success")
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("a rateLimitOnly endpoint (users.create) retries 429", () =>
    Effect.gen(function*() {
      const created = { ...userBody("user-test-c"), email_id: "email-1", phone_id: "", user: userBody("user-test-c") }
      const { client, sent } = fake((n) =>
        n === 1 ? json(429, errorBody(429, "too_many_requests")) : json(200, created)
      )
      const exit = yield* drive(createUser("c@example.test").pipe(withClient(client)))
      assert.isTrue(exit._tag === "Success")
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("a rateLimitOnly endpoint does not retry 500, 503, 408 or transport errors", () =>
    Effect.gen(function*() {
      for (const status of RATE_LIMIT_ONLY_NOT_RETRIED) {
        const { client, sent } = fake(() => json(status, errorBody(status, "some_error")))
        const error = yield* driveFlip(createUser("c@example.test").pipe(withClient(client)))
        assert.strictEqual(error._tag, "StytchUnknownError")
        assert.strictEqual(sent.length, 1, `status ${status}`)
      }
      const transport = fake((_, request) => transportFailure(request))
      const error = yield* driveFlip(createUser("c@example.test").pipe(withClient(transport.client)))
      assert.strictEqual(error._tag, "StytchTransportError")
      assert.strictEqual(transport.sent.length, 1)
    }))

  it.effect("Retry-After in seconds is honoured", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after": "3" })
          : json(200, userBody("user-test-ra"))
      )
      const fiber = yield* Effect.fork(getUser("user-test-ra").pipe(withClient(client)))
      yield* advance(2900)
      assert.strictEqual(sent.length, 1)
      assert.isTrue(yield* isRunning(fiber))
      yield* advance(100)
      const user = yield* Fiber.join(fiber)
      assert.strictEqual(user.user_id, "user-test-ra")
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("Retry-After over 60 seconds is capped at 60 seconds", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) =>
        n === 1
          ? json(503, errorBody(503, "service_unavailable"), { "retry-after": "3600" })
          : json(200, userBody("user-test-cap"))
      )
      const fiber = yield* Effect.fork(getUser("user-test-cap").pipe(withClient(client)))
      yield* advance(59_900, 1000)
      assert.strictEqual(sent.length, 1)
      yield* advance(100)
      yield* Fiber.join(fiber)
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("Retry-After as an HTTP date and retry-after-ms are honoured", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const dated = fake((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after": new Date(NOW + 5000).toUTCString() })
          : json(200, userBody("user-test-date"))
      )
      const fiber = yield* Effect.fork(getUser("user-test-date").pipe(withClient(dated.client)))
      yield* advance(4900)
      assert.strictEqual(dated.sent.length, 1)
      yield* advance(100)
      yield* Fiber.join(fiber)
      assert.strictEqual(dated.sent.length, 2)

      const millis = fake((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after-ms": "1500" })
          : json(200, userBody("user-test-ms"))
      )
      const fiber2 = yield* Effect.fork(getUser("user-test-ms").pipe(withClient(millis.client)))
      yield* advance(1450)
      assert.strictEqual(millis.sent.length, 1)
      yield* advance(50)
      yield* Fiber.join(fiber2)
      assert.strictEqual(millis.sent.length, 2)
    }))

  it.effect("a fractional Retry-After is read as seconds, not as a date", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) =>
        n === 1
          ? json(429, errorBody(429, "too_many_requests"), { "retry-after": "1.5" })
          : json(200, userBody("user-test-frac"))
      )
      // At a realistic date, so that misreading the value as a 2001 date means "retry at once".
      yield* TestClock.setTime(NOW)
      const fiber = yield* Effect.fork(getUser("user-test-frac").pipe(withClient(client)))
      yield* advance(1450)
      assert.strictEqual(sent.length, 1)
      yield* advance(50)
      yield* Fiber.join(fiber)
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("a malformed Retry-After (\"-1\") falls back to the backoff instead of retrying at once", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) =>
        n === 1
          ? json(503, errorBody(503, "service_unavailable"), { "retry-after": "-1" })
          : json(200, userBody("user-test-neg"))
      )
      // At a realistic date, so that misreading the value as a 2001 date means "retry at once".
      yield* TestClock.setTime(NOW)
      const fiber = yield* Effect.fork(getUser("user-test-neg").pipe(withClient(client)))
      yield* advance(370, 10) // the first backoff is at least 375 ms
      assert.strictEqual(sent.length, 1)
      yield* advance(130, 10)
      yield* Fiber.join(fiber)
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("Retry-After also applies to a 429 on a rateLimitOnly endpoint", () =>
    Effect.gen(function*() {
      const created = { ...userBody("user-test-c"), email_id: "e", phone_id: "", user: userBody("user-test-c") }
      const { client, sent } = fake((n) =>
        n === 1 ? json(429, errorBody(429, "too_many_requests"), { "retry-after": "2" }) : json(200, created)
      )
      const fiber = yield* Effect.fork(createUser("ra@example.test").pipe(withClient(client)))
      yield* advance(1950)
      assert.strictEqual(sent.length, 1)
      yield* advance(50)
      yield* Fiber.join(fiber)
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("backoff: 0.5 s then 1 s, each with at most 25% downward jitter", () =>
    Effect.gen(function*() {
      // The jitter is random, so the test checks the bounds of the waits between attempts, whatever was drawn.
      // The TestClock wakes a sleeper at its exact instant, so the recorded gaps are the waits themselves.
      for (let run = 0; run < 5; run++) {
        const { client, sent } = fake(() => json(503, errorBody(503, "service_unavailable")))
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
      const { client, sent } = fake(() => json(503, errorBody(503, "service_unavailable")))
      yield* driveFlip(getUser("user-test-j").pipe(withClient(client), Effect.withRandom(Random.fixed([0.8, 0.4]))))
      assert.strictEqual(sent.length, 3)
      // 500 ms * (1 - 0.25 * 0.8) and 1000 ms * (1 - 0.25 * 0.4)
      assert.deepStrictEqual([sent[1]!.at - sent[0]!.at, sent[2]!.at - sent[1]!.at], [400, 900])
    }))

  it.effect("backoff is capped at 8 s", () =>
    Effect.gen(function*() {
      // Without the cap the 6th retry would wait 16 s (at least 12 s after jitter).
      // With it the six waits add up to at most 0.5 + 1 + 2 + 4 + 8 + 8 = 23.5 s.
      const { client, sent } = fake(() => json(503, errorBody(503, "service_unavailable")))
      const fiber = yield* Effect.fork(getUser("user-test-cap8").pipe(withClient(client, { maxRetries: 6 })))
      yield* advance(23_500, 500)
      assert.strictEqual(sent.length, 7)
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag, "ServiceUnavailable")
    }))

  it.effect("maxRetries: 0 makes exactly one attempt", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(503, errorBody(503, "service_unavailable")))
      // No clock movement needed: nothing sleeps.
      const error = yield* getUser("user-test-0").pipe(withClient(client, { maxRetries: 0 }), Effect.flip)
      assert.strictEqual(error._tag, "ServiceUnavailable")
      assert.strictEqual(sent.length, 1)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("timeout", () => {
  it.effect("an attempt without an answer fails with reason Timeout after the configured timeout", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => Effect.never)
      const fiber = yield* Effect.fork(
        getUser("user-test-t").pipe(withClient(client, { timeout: "2 seconds", maxRetries: 0 }))
      )
      yield* advance(1990, 10)
      assert.isTrue(yield* isRunning(fiber))
      yield* advance(10)
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag, "StytchTransportError")
      const transport = error as StytchError.StytchTransportError
      assert.strictEqual(transport.reason, "Timeout")
      assert.strictEqual(transport.method, "GET")
      assert.strictEqual(transport.url, `${BASE_URL}/v1/users/user-test-t`)
      assert.strictEqual(sent.length, 1)
    }))

  it.effect("the default timeout is 10 seconds", () =>
    Effect.gen(function*() {
      const { client } = fake(() => Effect.never)
      const fiber = yield* Effect.fork(getUser("user-test-t10").pipe(withClient(client, { maxRetries: 0 })))
      yield* advance(9900, 100)
      assert.isTrue(yield* isRunning(fiber))
      yield* advance(100)
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Timeout")
    }))

  it.effect("a timeout on a transient endpoint is retried", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((n) => n === 1 ? Effect.never : json(200, userBody("user-test-tr")))
      const exit = yield* drive(getUser("user-test-tr").pipe(withClient(client, { timeout: "2 seconds" })))
      assert.isTrue(exit._tag === "Success")
      assert.strictEqual(sent.length, 2)
    }))

  it.effect("a timeout on a rateLimitOnly endpoint is not retried (the request may have been processed)", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => Effect.never)
      const error = yield* driveFlip(createUser("t@example.test").pipe(withClient(client, { timeout: "2 seconds" })))
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Timeout")
      assert.strictEqual(sent.length, 1)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("transport failures", () => {
  it.effect("a RequestError becomes StytchTransportError with reason Transport, method and url", () =>
    Effect.gen(function*() {
      const { client, sent } = fake((_, request) => transportFailure(request))
      const error = yield* getUser("user-test-x").pipe(withClient(client, { maxRetries: 0 }), Effect.flip)
      assert.instanceOf(error, StytchError.StytchTransportError)
      const transport = error as StytchError.StytchTransportError
      assert.strictEqual(transport.reason, "Transport")
      assert.strictEqual(transport.method, "GET")
      assert.strictEqual(transport.url, `${BASE_URL}/v1/users/user-test-x`)
      assert.isTrue(StytchError.isStytchError(error))
      // The platform error (which holds the request and its Authorization header) is not kept.
      assert.notInstanceOf(transport.cause, HttpClientError.RequestError)
      assert.strictEqual(sent.length, 1)
    }))

  it.effect("an unreadable response body is a transport failure", () =>
    Effect.gen(function*() {
      const broken = new ReadableStream<Uint8Array>({
        pull: (controller) => controller.error(new Error("socket hang up"))
      })
      const { client } = fake(() => new Response(broken, { status: 200 }))
      const error = yield* getUser("user-test-x").pipe(withClient(client, { maxRetries: 0 }), Effect.flip)
      assert.strictEqual(error._tag === "StytchTransportError" && error.reason, "Transport")
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("decoding answers", () => {
  const html = () => new Response("<html><body>502 Bad Gateway</body></html>", { status: 502 })

  it.effect("an HTML 502 is a StytchDecodeError with status 502 (rateLimitOnly: one attempt)", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(html)
      const error = yield* createUser("d@example.test").pipe(withClient(client), Effect.flip)
      assert.instanceOf(error, StytchError.StytchDecodeError)
      const decode = error as StytchError.StytchDecodeError
      assert.strictEqual(decode.status, 502)
      assert.strictEqual(decode.request_id, undefined)
      assert.strictEqual(sent.length, 1)
    }))

  it.effect("an HTML 502 on a transient endpoint is retried, then a StytchDecodeError", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(html)
      const error = yield* driveFlip(getUser("user-test-d").pipe(withClient(client)))
      assert.strictEqual(error._tag === "StytchDecodeError" && error.status, 502)
      assert.strictEqual(sent.length, 3)
    }))

  it.effect("truncated JSON on a 200 is a StytchDecodeError", () =>
    Effect.gen(function*() {
      const { client } = fake(() =>
        new Response(JSON.stringify(userBody("user-test-trunc")).slice(0, 40), { status: 200 })
      )
      const error = yield* getUser("user-test-trunc").pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag === "StytchDecodeError" && error.status, 200)
    }))

  it.effect("a 2xx without a required field is a StytchDecodeError naming the field and keeping request_id", () =>
    Effect.gen(function*() {
      const { user_id: _, ...withoutId } = userBody("user-test-missing")
      const { client } = fake(() => json(200, { ...withoutId, request_id: "request-id-missing" }))
      const error = yield* getUser("user-test-missing").pipe(withClient(client), Effect.flip)
      assert.instanceOf(error, StytchError.StytchDecodeError)
      const decode = error as StytchError.StytchDecodeError
      assert.strictEqual(decode.status, 200)
      assert.strictEqual(decode.request_id, "request-id-missing")
      assert.include(decode.detail, "user_id")
    }))

  it.effect("an unknown error_type is a StytchUnknownError keeping error_type, status and request_id", () =>
    Effect.gen(function*() {
      const body = { ...errorBody(418, "brand_new_error_type", "request-id-unknown"), error_details: { hint: 1 } }
      const { client } = fake(() => json(418, body))
      const error = yield* getUser("user-test-u").pipe(withClient(client), Effect.flip)
      assert.instanceOf(error, StytchError.StytchUnknownError)
      const unknown = error as StytchError.StytchUnknownError
      assert.strictEqual(unknown.error_type, "brand_new_error_type")
      assert.strictEqual(unknown.status_code, 418)
      assert.strictEqual(unknown.request_id, "request-id-unknown")
      assert.strictEqual(unknown.error_message, body.error_message)
      assert.deepStrictEqual(unknown.error_details, { hint: 1 })
    }))

  it.effect("a known error body becomes its class with every wire field", () =>
    Effect.gen(function*() {
      const body = {
        status_code: 404,
        request_id: "request-id-test-404",
        error_type: "user_not_found",
        error_message: "User could not be found.",
        error_url: "https://stytch.com/docs/api/errors/404#user_not_found"
      }
      const { client } = fake(() => json(404, body))
      const error = yield* getUser("user-test-nf").pipe(withClient(client), Effect.flip)
      assert.instanceOf(error, StytchError.UserNotFound)
      assert.isTrue(error instanceof StytchError.StytchApiError)
      const notFound = error as StytchError.UserNotFound
      assert.strictEqual(notFound._tag, "UserNotFound")
      assert.strictEqual(notFound.status_code, 404)
      assert.strictEqual(notFound.request_id, body.request_id)
      assert.strictEqual(notFound.error_message, body.error_message)
      assert.strictEqual(notFound.error_url, body.error_url)
    }))

  it.effect("a 4xx JSON body that is not a Stytch error body is a StytchDecodeError", () =>
    Effect.gen(function*() {
      const { client } = fake(() => json(403, { message: "Forbidden by a proxy" }))
      const error = yield* getUser("user-test-p").pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag === "StytchDecodeError" && error.status, 403)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("tolerant decoding", () => {
  it.effect("users.get: unknown extra fields and null optional fields", () =>
    Effect.gen(function*() {
      const { client } = fake(() =>
        json(
          200,
          userBody("user-test-tol", {
            name: null,
            external_id: null,
            password: null,
            brand_new_field: { nested: [1, 2, 3] },
            emails: [{ email_id: "email-1", email: "tol@example.test", verified: true, extra: "x" }]
          })
        )
      )
      const user = yield* getUser("user-test-tol").pipe(withClient(client))
      assert.strictEqual(user.user_id, "user-test-tol")
      assert.strictEqual(user.name, undefined)
      assert.strictEqual(user.external_id, undefined)
      assert.strictEqual(user.emails[0]!.email, "tol@example.test")
      assert.isFalse("brand_new_field" in user)
    }))

  it.effect("passwords.create without session_token, session_jwt and user", () =>
    Effect.gen(function*() {
      const { client } = fake(() =>
        json(200, { request_id: "r", status_code: 200, user_id: "user-test-pw", email_id: "email-pw" })
      )
      const answer = yield* Effect.flatMap(
        Passwords.Passwords,
        (p) => p.create({ email: "pw@example.test", password: "correct horse battery staple" })
      ).pipe(withClient(client))
      assert.strictEqual(answer.user_id, "user-test-pw")
      assert.strictEqual(answer.session_token, undefined)
      assert.strictEqual(answer.user, undefined)
    }))

  it.effect("sessions.getJWKS without request_id", () =>
    Effect.gen(function*() {
      const { client } = fake(() =>
        json(200, { status_code: 200, keys: [{ kty: "RSA", kid: "jwk-test-1", n: "AQAB", e: "AQAB", alg: "RS256" }] })
      )
      const answer = yield* Effect.flatMap(Sessions.Sessions, (s) => s.getJWKS({ project_id: PROJECT_ID })).pipe(
        withClient(client)
      )
      assert.strictEqual(answer.keys[0]!.kid, "jwk-test-1")
      assert.strictEqual(answer.request_id, undefined)
    }))

  it.effect("users.search with next_cursor: null", () =>
    Effect.gen(function*() {
      const { client } = fake(() =>
        json(200, {
          request_id: "r",
          status_code: 200,
          results: [userBody("user-test-s1")],
          results_metadata: { total: 1, next_cursor: null }
        })
      )
      const page = yield* Effect.flatMap(Users.Users, (u) => u.search({})).pipe(withClient(client))
      assert.strictEqual(page.results[0]!.user_id, "user-test-s1")
      assert.strictEqual(page.results_metadata.next_cursor, undefined)
    }))
})

describe("reading tolerantly: status_code and request_id are never required", () => {
  it.effect("sessions.getJWKS and webauthn.update without status_code: status_code is the HTTP status", () =>
    Effect.gen(function*() {
      const { client } = fake((_, request) =>
        request.url.includes("/jwks/")
          ? json(200, { keys: [{ kty: "RSA", kid: "jwk-test-1", n: "AQAB", e: "AQAB" }] })
          : json(200, { request_id: "r" })
      )
      const jwks = yield* Effect.flatMap(Sessions.Sessions, (s) => s.getJWKS({ project_id: PROJECT_ID })).pipe(
        withClient(client)
      )
      assert.strictEqual(jwks.status_code, 200)
      assert.strictEqual(jwks.keys[0]!.kid, "jwk-test-1")
      const updated = yield* Effect.flatMap(
        WebAuthn.WebAuthn,
        (w) => w.update({ webauthn_registration_id: "webauthn-registration-test-1", name: "key" })
      ).pipe(withClient(client))
      assert.strictEqual(updated.status_code, 200)
      assert.strictEqual(updated.request_id, "r")
    }))

  it.effect("users.get without request_id", () =>
    Effect.gen(function*() {
      const { request_id: _, ...body } = userBody("user-test-nr")
      const { client } = fake(() => json(200, body))
      const user = yield* getUser("user-test-nr").pipe(withClient(client))
      assert.strictEqual(user.user_id, "user-test-nr")
      assert.strictEqual(user.request_id, undefined)
    }))

  it.effect("error bodies without request_id (Stytch's own SDK fixtures) become their typed class", () =>
    Effect.gen(function*() {
      const bodies = [
        {
          status_code: 404,
          error_type: "user_not_found",
          error_message: "User not found.",
          error_url: "https://stytch.com/docs/api/errors/404"
        },
        { status_code: 404, error_type: "user_not_found" },
        { error_type: "user_not_found" }
      ]
      for (const body of bodies) {
        const { client } = fake(() => json(404, body))
        const error = yield* getUser("user-test-e").pipe(withClient(client), expectFailure)
        assert.strictEqual(error._tag, "UserNotFound", JSON.stringify(body))
        if (error._tag !== "UserNotFound") continue
        assert.strictEqual(error.status_code, 404)
        assert.strictEqual(error.request_id, "")
        assert.strictEqual(error.error_type, "user_not_found")
        assert.include(error.message, "request_id unknown")
      }
      // Only error_type makes an error body.
      const { client } = fake(() => json(404, { status_code: 404, error_message: "no type" }))
      const error = yield* getUser("user-test-e").pipe(withClient(client), expectFailure)
      assert.strictEqual(error._tag, "StytchDecodeError")
    }))
})

describe("reading OAuth2 error bodies tolerantly", () => {
  it.effect("an OAuth2 error body with only `error` is a StytchOAuth2Error (status from HTTP, request_id \"\")", () =>
    Effect.gen(function*() {
      const { client } = fake(() => json(401, { error: "invalid_client" }))
      const token = (m: M2M.Service) => m.token({ client_id: "c", client_secret: Redacted.make("s3cr3t-value") })
      const error = yield* Effect.flatMap(M2M.M2M, token).pipe(
        withClient(client),
        expectFailure
      )
      assert.strictEqual(error._tag, "StytchOAuth2Error")
      if (error._tag !== "StytchOAuth2Error") return
      assert.strictEqual(error.error, "invalid_client")
      assert.strictEqual(error.status_code, 401)
      assert.strictEqual(error.request_id, "")
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
        const { client } = fake(() => new Response(text, { status: 200, headers: { "content-type": "application/json" } }))
        const exit = yield* getUser("user-test-deep").pipe(withClient(client), Effect.exit)
        assert.isTrue(exit._tag === "Failure" && exit.cause._tag === "Fail", field)
        const error = yield* getUser("user-test-deep").pipe(withClient(client), expectFailure)
        assert.strictEqual(error._tag, "StytchDecodeError")
        assert.include(error.message, field)
        assert.isBelow(error.message.length, 3000)
      }
    }))
})

describe("retry logging", () => {
  const capture = () => {
    const lines: Array<string> = []
    const logger = Logger.make(({ logLevel, message }) => {
      lines.push(`${logLevel.label} ${Array.isArray(message) ? message.join(" ") : String(message)}`)
    })
    const run = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      effect.pipe(Logger.withMinimumLogLevel(LogLevel.All), Effect.provide(Logger.replace(Logger.defaultLogger, logger)))
    return { lines, run }
  }

  it.live("one debug line per retried attempt (endpoint, attempt n/max, reason, delay), no unhandled-fiber lines", () =>
    Effect.gen(function*() {
      const { lines, run } = capture()
      const { client } = fake((attempt, request) =>
        attempt === 1 ? transportFailure(request) : attempt === 2 ? json(503, errorBody(503, "unavailable")) :
        json(200, userBody("user-test-log"))
      )
      const user = yield* getUser("user-test-log").pipe(withClient(client), run)
      assert.strictEqual(user.user_id, "user-test-log")
      assert.strictEqual(lines.length, 2, lines.join("\n"))
      assert.match(lines[0]!, /^DEBUG Stytch users\.get: attempt 1\/3 failed \(transport error \(ECONNRESET\)\), retrying in \d+ms$/)
      assert.match(lines[1]!, /^DEBUG Stytch users\.get: attempt 2\/3 failed \(HTTP 503\), retrying in \d+(ms|s)/)
      for (const line of lines) {
        assert.notInclude(line, "Fiber terminated")
        assert.notInclude(line, "status=Transport")
      }
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("request validation", () => {
  it.effect("an empty path parameter fails with StytchRequestError and sends nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, userBody("x")))
      const error = yield* getUser("").pipe(withClient(client), Effect.flip)
      assert.instanceOf(error, StytchError.StytchRequestError)
      assert.strictEqual((error as StytchError.StytchRequestError).path, "user_id")
      assert.strictEqual(sent.length, 0)
    }))

  it.effect("a wrongly typed field fails with StytchRequestError naming the field, sends nothing, is not retried", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, userBody("x")))
      const error = yield* getUser(42 as any).pipe(withClient(client), Effect.flip)
      assert.strictEqual(error._tag, "StytchRequestError")

      const error2 = yield* Effect.flatMap(Users.Users, (u) => u.create({ email: 5 as any })).pipe(
        withClient(client),
        Effect.flip
      )
      assert.instanceOf(error2, StytchError.StytchRequestError)
      const request = error2 as StytchError.StytchRequestError
      assert.strictEqual(request.path, "email")
      assert.strictEqual(request.endpoint, "users.create")
      assert.strictEqual(request.method, "POST")
      assert.include(request.message, "email")
      // Never the value.
      assert.notInclude(JSON.stringify(request) + request.message, "5,")
      assert.strictEqual(sent.length, 0)
    }))

  it.effect("dot-segment path parameters (\".\", \"..\") fail with StytchRequestError and send nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, { request_id: "r", status_code: 200 }))
      const calls = [
        Effect.flatMap(Users.Users, (u) => u.delete({ user_id: ".." })),
        Effect.flatMap(Users.Users, (u) => u.deleteExternalId({ user_id: "." })),
        Effect.flatMap(Users.Users, (u) => u.exchangePrimaryFactor({ user_id: "." } as any)),
        getUser("..")
      ]
      for (const call of calls) {
        const error = yield* call.pipe(withClient(client), Effect.flip)
        assert.instanceOf(error, StytchError.StytchRequestError)
        assert.strictEqual((error as StytchError.StytchRequestError).path, "user_id")
        assert.include((error as StytchError.StytchRequestError).expected, "..")
      }
      assert.strictEqual(sent.length, 0)
    }))

  it.effect("a path parameter that merely contains dots or %2e is sent percent-encoded on its own route", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, userBody("x")))
      yield* getUser("...").pipe(withClient(client))
      yield* getUser("%2e%2e").pipe(withClient(client))
      assert.deepStrictEqual(sent.map((s) => s.url), [`${BASE_URL}/v1/users/...`, `${BASE_URL}/v1/users/%252e%252e`])
    }))

  it.effect("an unknown request field fails with StytchRequestError naming the key, and sends nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = fake(() => json(200, {}))
      const error = yield* Effect.flatMap(Passwords.Passwords, (p) =>
        p.authenticate({
          email: "a@example.com",
          password: "hunter2-secret-value",
          sesion_duration_minutes: 5
        } as any)).pipe(withClient(client), Effect.flip)
      assert.instanceOf(error, StytchError.StytchRequestError)
      const request = error as StytchError.StytchRequestError
      assert.strictEqual(request.path, "sesion_duration_minutes")
      assert.include(request.message, "sesion_duration_minutes")
      assert.notInclude(request.message + JSON.stringify(request), "hunter2")
      // A nested unknown key too.
      const nested = yield* Effect.flatMap(Users.Users, (u) =>
        u.create({ email: "a@example.com", name: { first_name: "A", frist_name: "B" } } as any)).pipe(
          withClient(client),
          Effect.flip
        )
      assert.strictEqual(nested._tag === "StytchRequestError" && nested.path, "name.frist_name")
      assert.strictEqual(sent.length, 0)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("tracing", () => {
  it.effect("each call runs in a span named after the method, with the request id and status", () =>
    Effect.gen(function*() {
      const { client } = fake(() => json(200, userBody("user-test-span")))
      const spans: Array<Tracer.Span> = []
      // Delegate to the current tracer, keeping every span it creates.
      const base = yield* Effect.tracer
      const recording = Tracer.make({
        span: (...args) => {
          const span = base.span(...args)
          spans.push(span)
          return span
        },
        context: base.context
      })
      yield* getUser("user-test-span").pipe(withClient(client), Effect.withTracer(recording))
      const span = spans.find((s) => s.name === "Stytch.users.get")
      assert.isDefined(span)
      assert.strictEqual(span!.attributes.get("stytch.request_id"), "request-id-test-user")
      assert.strictEqual(span!.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(span!.attributes.get("url.template"), "/v1/users/{user_id}")
      assert.strictEqual(span!.status._tag, "Ended")
    }))
})
