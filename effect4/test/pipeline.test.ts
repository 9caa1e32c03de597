/**
 * The Effect 4 line's HTTP pipeline (effect4/src/internal/pipeline.ts, served as StytchHttp) against stub
 * HttpClients: request shape, retry policies, backoff, Retry-After, per-attempt timeout (on the TestClock and on the
 * live clock), transport/decode/request failures, error bodies, hostile answers, retry logging, tracing, and the
 * secret staying out of every error, log line and span.
 *
 * The scenarios both lines check are plain data in support/pipelineScenarios.ts (the Effect 3 suite,
 * test/http.test.ts, runs the same table); this file drives each through a stub client and the TestClock, and keeps
 * the tests that are about Effect 4 itself (transformClient, the live clock, logging, tracing, execute, claims).
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
import { errorBody, userBody } from "./support/pipelineCases.js"
import {
  BASE_URL,
  BASIC,
  checkOutcome,
  checkStep,
  PROJECT_ID,
  type Reply,
  replyFor,
  responseOf,
  type Run,
  runsOf,
  scenarioGroups,
  SECRET,
  type SentRequest,
  sentOf
} from "./support/pipelineScenarios.js"

// ---------------------------------------------------------------------------------------------------------------
// Stub HttpClient

type Answer = Response | Effect.Effect<Response, HttpClientError.HttpClientError>

/**
 * A stub client answering attempt `n` (1-based) with `reply(n, request)`, recording every request it receives.
 * A fresh `Response` is built per attempt, since a web body can be read only once.
 */
const stub = (reply: (attempt: number, request: HttpClientRequest.HttpClientRequest) => Answer) => {
  const sent: Array<SentRequest> = []
  const client = HttpClient.make((request, url, signal) =>
    Effect.flatMap(Clock.currentTimeMillis, (at) => {
      sent.push(sentOf(request, url, at, signal))
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


const isRunning = <A, E>(fiber: Fiber.Fiber<A, E>) => Effect.sync(() => fiber.pollUnsafe() === undefined)

// ---------------------------------------------------------------------------------------------------------------
// The shared scenarios (support/pipelineScenarios.ts)

/** What the stub client does for a scenario's reply. */
const answerOf = (reply: Reply, request: HttpClientRequest.HttpClientRequest): Answer => {
  switch (reply._tag) {
    case "Never":
      return Effect.never
    case "Transport":
      return transportFailure(request, reply.cause)
    default:
      return responseOf(reply)
  }
}

/** An endpoint method by its dotted name (`users.get`, `fraud.fingerprint.lookup`), over the provided pipeline. */
const methodOf = (name: string) =>
  Effect.map(StytchHttp.StytchHttp, (http) => {
    const [area, ...path] = name.split(".")
    const tree: any = makeClient(http, (Endpoints as Record<string, any>)[area!])
    return path.reduce((node, key) => node[key], tree) as (input: unknown) => Effect.Effect<unknown, StytchError.StytchError>
  })

/** A Random whose doubles are `draws`, in order (then 0). */
const fixedRandom = (draws: ReadonlyArray<number>): Random.Random => {
  const left = [...draws]
  return { nextDoubleUnsafe: () => left.shift() ?? 0, nextIntUnsafe: () => 0 }
}

/** Drives one run of a scenario: a fresh stub, the call, the clock moved as the run says, then the shared checks. */
const drivenRun = (run: Run, label: string) =>
  Effect.gen(function*() {
    if (run.now !== undefined) yield* TestClock.setTime(run.now)
    const { client, sent } = stub((n, request) => answerOf(replyFor(run.replies, n), request))
    const once = Effect.flatMap(methodOf(run.call.method), (method) => method(run.call.input))
    const outcomes: Array<string> = []
    const call = run.sequence === undefined ? once : Effect.gen(function*() {
      let last = yield* Effect.exit(once)
      outcomes.push(Exit.isSuccess(last) ? "ok" : failureOf(last)._tag)
      for (let i = 1; i < run.sequence!; i++) {
        last = yield* Effect.exit(once)
        outcomes.push(Exit.isSuccess(last) ? "ok" : failureOf(last)._tag)
      }
      return yield* last
    })
    const provided = call.pipe(
      // The scenarios' timeouts are duration text or milliseconds.
      withClient(client, run.options as Partial<StytchConfig.Options> | undefined),
      run.random === undefined ? (e) => e : Effect.provideService(Random.Random, fixedRandom(run.random))
    )
    let exit: Exit.Exit<unknown, StytchError.StytchError>
    if (run.still) {
      exit = yield* Effect.exit(provided)
    } else if (run.steps !== undefined) {
      const fiber = yield* Effect.forkChild(provided)
      for (const step of run.steps) {
        yield* advance(step.advance, step.by)
        checkStep(step, sent.length, yield* isRunning(fiber), label)
      }
      exit = yield* Effect.exit(Fiber.join(fiber))
    } else {
      exit = yield* drive(provided)
    }
    checkOutcome(run, {
      sent,
      result: Exit.isSuccess(exit) ? { _tag: "Success", value: exit.value } : { _tag: "Failure", error: failureOf(exit) },
      outcomes
    }, label, StytchError)
  })

for (const [group, scenarios] of scenarioGroups()) {
  describe(group, () => {
    for (const scenario of scenarios) {
      it.effect(scenario.name, () =>
        Effect.gen(function*() {
          for (const [run, label] of runsOf(scenario)) yield* drivenRun(run, label)
        }))
    }
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Effect 4 only

describe("request shape: the client hooks", () => {
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

})

describe("timeout on the live clock", () => {
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

describe("transport failures: what the error keeps", () => {
  it.effect("the HTTP client's error (which holds the request and its Authorization header) is not kept", () =>
    Effect.gen(function*() {
      const { client } = stub((_, request) => transportFailure(request))
      const error = yield* flip(getUser("user-test-x").pipe(withClient(client, { maxRetries: 0 })))
      assert.strictEqual(error._tag, "StytchTransportError")
      const transport = error as StytchError.StytchTransportError
      assert.isFalse(HttpClientError.isHttpClientError(transport.cause))
      assert.notInclude(util.inspect(transport, { depth: 10 }), SECRET)
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

describe("decoding answers: catching", () => {
  it.effect("catchTag selects a catalogued error", () =>
    Effect.gen(function*() {
      const { client } = stub(() => json(404, errorBody(404, "user_not_found", "request-id-test-404")))
      const caught = yield* getUser("user-test-nf").pipe(
        Effect.catchTag("UserNotFound", (e) => Effect.succeed(`caught ${e.error_type}`)),
        withClient(client)
      )
      assert.strictEqual(caught, "caught user_not_found")
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
