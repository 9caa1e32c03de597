/**
 * The HTTP pipeline (src/internal/pipeline.ts, served as StytchHttp) against fake HttpClients: request shape, retry
 * policies, backoff, Retry-After, per-attempt timeout, transport/decode/request failures, response tolerance, hostile
 * answers, retry logging and tracing.
 *
 * The scenarios both lines check are plain data in effect4/test/support/pipelineScenarios.ts (the Effect 4 suite,
 * effect4/test/pipeline.test.ts, runs the same table); this file drives each through a fake client and the
 * TestClock, and keeps the tests that are about Effect 3 itself (transformClient, logging, tracing, the platform's
 * errors).
 *
 * Every run builds its own fake client, so attempt counts are per run. `it.effect` runs on the TestClock: any call
 * that sleeps (backoff, Retry-After, timeout) is forked and the clock is moved by hand.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
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
import { drive, expectFailure } from "./support.js"
import { errorBody, userBody } from "../effect4/test/support/pipelineCases.js"
import {
  BASE_URL,
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
} from "../effect4/test/support/pipelineScenarios.js"
import type * as StytchConfig from "../src/layers/StytchConfig.js"

// ---------------------------------------------------------------------------------------------------------------
// Fake HttpClient

type Answer = Response | Effect.Effect<Response, HttpClientError.HttpClientError>

/**
 * A fake client answering attempt `n` (1-based) with `reply(n, request)`, recording every request it receives.
 * A fresh `Response` is built per attempt, since a web body can be read only once.
 */
const fake = (reply: (attempt: number, request: HttpClientRequest.HttpClientRequest) => Answer) => {
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

const transportFailure = (request: HttpClientRequest.HttpClientRequest, cause: unknown = new Error("ECONNRESET")) =>
  Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause }))

const getUser = (user_id: string) => Effect.flatMap(Users.Users, (users) => users.get({ user_id }))

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

const isRunning = <A, E>(fiber: Fiber.RuntimeFiber<A, E>) => Effect.map(Fiber.poll(fiber), Option.isNone)

/** The typed failure of `exit` (the test fails on a success or a defect). */
const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) return assert.fail(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const failure = Cause.failureOption(exit.cause)
  if (Option.isNone(failure)) return assert.fail(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return failure.value
}

// ---------------------------------------------------------------------------------------------------------------
// The shared scenarios (effect4/test/support/pipelineScenarios.ts)

/** What the fake client does for a scenario's reply. */
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

/** The services the scenarios call, by the first part of a method's dotted name. */
const services = {
  users: Users.Users,
  sessions: Sessions.Sessions,
  passwords: Passwords.Passwords,
  fraud: Fraud.Fraud,
  webauthn: WebAuthn.WebAuthn
} as const

/** An endpoint method by its dotted name (`users.get`, `fraud.fingerprint.lookup`), over the provided services. */
const methodOf = (name: string) => {
  const [area, ...path] = name.split(".")
  const tag = services[area as keyof typeof services]
  return Effect.map(tag as any, (service: any) =>
    path.reduce((node, key) => node[key], service) as (input: unknown) => Effect.Effect<unknown, StytchError.StytchError>
  ) as Effect.Effect<(input: unknown) => Effect.Effect<unknown, StytchError.StytchError>>
}

/** Drives one run of a scenario: a fresh fake, the call, the clock moved as the run says, then the shared checks. */
const drivenRun = (run: Run, label: string) =>
  Effect.gen(function*() {
    if (run.now !== undefined) yield* TestClock.setTime(run.now)
    const { client, sent } = fake((n, request) => answerOf(replyFor(run.replies, n), request))
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
      run.random === undefined ? (e) => e : Effect.withRandom(Random.fixed(run.random as [number, ...Array<number>]))
    )
    let exit: Exit.Exit<unknown, StytchError.StytchError>
    if (run.still) {
      exit = yield* Effect.exit(provided)
    } else if (run.steps !== undefined) {
      const fiber = yield* Effect.fork(provided)
      for (const step of run.steps) {
        yield* advance(step.advance, step.by)
        checkStep(step, sent.length, yield* isRunning(fiber), label)
      }
      exit = yield* Fiber.await(fiber)
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
// Effect 3 only

describe("request shape: the client hooks", () => {
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
})

describe("transport failures: what the error keeps", () => {
  it.effect("the platform error (which holds the request and its Authorization header) is not kept", () =>
    Effect.gen(function*() {
      const { client } = fake((_, request) => transportFailure(request))
      const error = yield* getUser("user-test-x").pipe(withClient(client, { maxRetries: 0 }), Effect.flip)
      assert.instanceOf(error, StytchError.StytchTransportError)
      assert.notInstanceOf((error as StytchError.StytchTransportError).cause, HttpClientError.RequestError)
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
