/**
 * The HTTP pipeline's scenarios that both Effect lines check, as plain data and plain checks (no Effect): what the
 * stubbed HTTP client answers to each attempt, the call, the options, how the clock moves, and what must come out
 * (attempts, their times, the requests sent, the answer's fields or the typed error's). The Effect 3 suite
 * (test/http.test.ts) and the Effect 4 one (effect4/test/pipeline.test.ts) each drive every scenario through their
 * own stub client and TestClock, then hand what they saw to `checkOutcome`. It lives in the Effect 4 test project,
 * which sees only its own files; the Effect 3 suite imports it from here.
 */
import * as assert from "node:assert/strict"
import { inspect } from "node:util"
import { errorBody, NEVER_RETRIED, RATE_LIMIT_ONLY_NOT_RETRIED, TRANSIENT_RETRIED, userBody } from "./pipelineCases.js"

export const PROJECT_ID = "project-test-11111111-2222-4333-8444-555555555555"
export const SECRET = "secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"
export const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`
export const BASE_URL = "https://example.test"
/** A realistic "now" (on a whole second, as HTTP dates are), for the scenarios where the date matters. */
export const NOW = Date.parse("2026-01-01T00:00:00Z")

// ---------------------------------------------------------------------------------------------------------------
// What the stub client answers

/** What the stub client does for one attempt. */
export type Reply =
  | { readonly _tag: "Answer"; readonly status: number; readonly body: string; readonly headers: Readonly<Record<string, string>> }
  /** A 200 whose body stream fails while it is read ("socket hang up"). */
  | { readonly _tag: "Unreadable" }
  /** The HTTP client fails without an answer, with this cause. */
  | { readonly _tag: "Transport"; readonly cause: unknown }
  /** No answer, ever. */
  | { readonly _tag: "Never" }

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  _tag: "Answer",
  status,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", ...headers }
})
export const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  _tag: "Answer",
  status,
  body,
  headers
})
export const transport = (cause: unknown = new Error("ECONNRESET")): Reply => ({ _tag: "Transport", cause })
export const NEVER: Reply = { _tag: "Never" }
export const UNREADABLE: Reply = { _tag: "Unreadable" }

/** The reply to attempt `n` (1-based): the last reply repeats. */
export const replyFor = (replies: ReadonlyArray<Reply>, n: number): Reply => replies[Math.min(n, replies.length) - 1]!

/** A fresh web Response for a reply with an answer (a web body can be read only once). */
export const responseOf = (reply: Extract<Reply, { _tag: "Answer" | "Unreadable" }>): Response =>
  reply._tag === "Unreadable"
    ? new Response(
      new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("socket hang up")) }),
      { status: 200 }
    )
    : new Response(reply.body, { status: reply.status, headers: reply.headers })

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

/** An endpoint method by its dotted name in the SDK (`users.get`, `fraud.fingerprint.lookup`) and its input. */
export interface Call {
  readonly method: string
  readonly input: unknown
}

/** The plain configuration options a scenario may set (over projectId, secret and baseUrl above). */
export interface PlainOptions {
  readonly projectId?: string
  readonly baseUrl?: string | undefined
  readonly fraudBaseUrl?: string
  readonly maxRetries?: number
  readonly timeout?: string | number
}

/** A clock move: by `advance` ms (in steps of `by`), after which `attempts` were made and the call is or is not over. */
export interface Step {
  readonly advance: number
  readonly by?: number
  readonly attempts: number
  readonly running?: boolean
}

/** What one attempt's request must have been (only the named parts are checked). */
export interface RequestExpectation {
  readonly method?: string
  readonly url?: string
  /** origin + pathname, for requests with a query. */
  readonly path?: string
  readonly query?: ReadonlyArray<readonly [string, string]>
  /** `null`: no body at all. */
  readonly body?: string | null
  readonly json?: unknown
  readonly contentType?: string
  readonly headers?: Readonly<Record<string, string | RegExp | undefined>>
}

/** What a typed error must hold. */
export interface ErrorExpectation {
  readonly _tag: string
  /** Fields (dotted paths) and their exact values. */
  readonly fields?: Readonly<Record<string, unknown>>
  /** Fields whose text must include the given part(s). */
  readonly includes?: Readonly<Record<string, string | ReadonlyArray<string>>>
  /** Texts that must appear nowhere in the error's message, JSON or fields. */
  readonly hides?: ReadonlyArray<string>
  /** Fields whose text must be shorter than the given length. */
  readonly shorterThan?: Readonly<Record<string, number>>
  /** A StytchApiError (a catalogued or unknown error body). */
  readonly api?: boolean
}

export interface Expected {
  /** How many requests reached the client. */
  readonly attempts: number
  /** The answer's fields (dotted paths) and their exact values (`undefined`: absent). */
  readonly value?: Readonly<Record<string, unknown>>
  /** Keys the answer must not hold at all. */
  readonly dropped?: ReadonlyArray<string>
  readonly error?: ErrorExpectation
  /** The clock's time of each attempt, in ms after the first one. */
  readonly at?: ReadonlyArray<number>
  /** Bounds of each wait between attempts, in ms. */
  readonly waits?: ReadonlyArray<readonly [number, number]>
  readonly requests?: ReadonlyArray<RequestExpectation>
  /** Whether each attempt's abort signal was aborted at the end. */
  readonly aborted?: ReadonlyArray<boolean>
  /** With `sequence`: each call's outcome, the error's tag or "ok". */
  readonly outcomes?: ReadonlyArray<string>
}

export interface Run {
  readonly call: Call
  readonly replies: ReadonlyArray<Reply>
  readonly options?: PlainOptions
  /** Where the TestClock starts (ms). */
  readonly now?: number
  /** The draws of a fixed Random (the backoff jitter). */
  readonly random?: ReadonlyArray<number>
  /** Moves the clock by hand (the call is forked); without it the clock is moved until the call ends. */
  readonly steps?: ReadonlyArray<Step>
  /** Runs the call without moving the clock at all (it must not sleep). */
  readonly still?: boolean
  /** The run is made this many times, each with a fresh stub (for random jitter). */
  readonly repeat?: number
  /** The call is made this many times against the same stub (the outcome checked is the last one's). */
  readonly sequence?: number
  readonly expect: Expected
}

export interface Scenario {
  readonly group: string
  readonly name: string
  readonly runs: ReadonlyArray<Run>
}

/** What a stub client saw for one attempt. */
export interface SentRequest {
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

/** The parts of an HTTP client request (of either Effect line) that a stub records. */
export interface RequestLike {
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: { readonly _tag: string; readonly body?: unknown; readonly contentType?: string | undefined }
}

/** A request's body as text (`undefined` when it has none). */
export const bodyText = (body: RequestLike["body"]): string | undefined => {
  switch (body._tag) {
    case "Empty":
      return undefined
    case "Uint8Array":
      return new TextDecoder().decode(body.body as Uint8Array)
    case "Raw":
      return String(body.body)
    default:
      return `<${body._tag} body>`
  }
}

/** What a stub records for one attempt. */
export const sentOf = (request: RequestLike, url: URL, at: number, signal: AbortSignal): SentRequest => ({
  method: request.method,
  url: url.toString(),
  headers: { ...request.headers },
  body: bodyText(request.body),
  contentType: request.body._tag === "Empty" ? undefined : request.body.contentType,
  at,
  signal
})

/** Every run of a scenario with its label, each repeated as it says. */
export const runsOf = (scenario: Scenario): ReadonlyArray<readonly [Run, string]> =>
  scenario.runs.flatMap((run, i) =>
    Array.from({ length: run.repeat ?? 1 }, () => [run, `${scenario.name} [run ${i + 1}]`] as const)
  )

/** What a suite saw when it drove one run. */
export interface Outcome {
  readonly sent: ReadonlyArray<SentRequest>
  readonly result: { readonly _tag: "Success"; readonly value: unknown } | { readonly _tag: "Failure"; readonly error: unknown }
  /** With `sequence`: each call's outcome, the error's tag or "ok". */
  readonly outcomes?: ReadonlyArray<string>
}

/** The value at a dotted path (`emails.0.email`). */
export const at = (value: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, key) => (v === null || v === undefined ? undefined : (v as any)[key]), value)

/** Checks a step of a hand-moved clock. */
export const checkStep = (step: Step, attempts: number, running: boolean, label: string) => {
  assert.strictEqual(attempts, step.attempts, `${label}: attempts after ${step.advance} ms`)
  if (step.running !== undefined) assert.strictEqual(running, step.running, `${label}: running after ${step.advance} ms`)
}

/** The parts of a line's Errors module the checks use (both lines' modules have them, and a class per tag). */
export interface ErrorsModule {
  readonly isStytchError: (u: unknown) => boolean
  readonly StytchApiError: abstract new(...args: ReadonlyArray<any>) => unknown
}

/**
 * Checks what a suite saw for `run` against its expectations; a failure must be one of the line's errors
 * (`errors`), an instance of its own class when it has one (StytchTransportError, UserNotFound...).
 */
export const checkOutcome = (run: Run, outcome: Outcome, label: string, errors: ErrorsModule) => {
  const { expect } = run
  const { result, sent } = outcome
  if (result._tag === "Failure") {
    assert.ok(errors.isStytchError(result.error), `${label}: not a StytchError: ${String(result.error)}`)
    if (expect.error?.api) assert.ok(result.error instanceof errors.StytchApiError, `${label}: not a StytchApiError`)
    const own = (errors as unknown as Record<string, unknown>)[(result.error as { _tag: string })._tag]
    if (typeof own === "function") assert.ok(result.error instanceof own, `${label}: not an instance of its class`)
  }
  assert.strictEqual(sent.length, expect.attempts, `${label}: attempts`)
  if (expect.outcomes !== undefined) assert.deepStrictEqual(outcome.outcomes, expect.outcomes, `${label}: outcomes`)
  if (expect.error !== undefined) {
    const wanted = expect.error
    assert.strictEqual(result._tag, "Failure", `${label}: expected a failure, got ${JSON.stringify(result)}`)
    if (result._tag !== "Failure") return
    const error = result.error as Record<string, unknown> & { readonly message: string }
    assert.strictEqual(error._tag, wanted._tag, `${label}: error tag (${String(error)})`)
    for (const [path, value] of Object.entries(wanted.fields ?? {})) {
      assert.deepStrictEqual(at(error, path), value, `${label}: error.${path}`)
    }
    for (const [path, parts] of Object.entries(wanted.includes ?? {})) {
      for (const part of typeof parts === "string" ? [parts] : parts) {
        assert.ok(String(at(error, path)).includes(part), `${label}: error.${path} (${String(at(error, path))}) has ${part}`)
      }
    }
    for (const [path, length] of Object.entries(wanted.shorterThan ?? {})) {
      assert.ok(String(at(error, path)).length < length, `${label}: error.${path} shorter than ${length}`)
    }
    const shown = `${error.message} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })} ${
      Object.values(error).map(String).join(" ")
    }`
    for (const hidden of wanted.hides ?? []) assert.ok(!shown.includes(hidden), `${label}: the error shows ${hidden}`)
  } else {
    assert.strictEqual(result._tag, "Success", `${label}: expected a success, got ${String((result as any).error)}`)
    if (result._tag !== "Success") return
    for (const [path, value] of Object.entries(expect.value ?? {})) {
      assert.deepStrictEqual(at(result.value, path), value, `${label}: answer.${path}`)
    }
    for (const key of expect.dropped ?? []) {
      assert.ok(!(key in (result.value as object)), `${label}: answer holds ${key}`)
    }
  }
  if (expect.at !== undefined) assert.deepStrictEqual(sent.map((s) => s.at - sent[0]!.at), expect.at, `${label}: attempt times`)
  for (const [i, [min, max]] of (expect.waits ?? []).entries()) {
    const wait = sent[i + 1]!.at - sent[i]!.at
    assert.ok(wait >= min && wait <= max, `${label}: wait ${i + 1} is ${wait} ms, not in [${min}, ${max}]`)
  }
  if (expect.aborted !== undefined) {
    assert.deepStrictEqual(sent.map((s) => s.signal.aborted), expect.aborted, `${label}: aborted signals`)
  }
  for (const [i, want] of (expect.requests ?? []).entries()) {
    const got = sent[i]!
    const where = `${label}: request ${i + 1}`
    if (want.method !== undefined) assert.strictEqual(got.method, want.method, `${where} method`)
    if (want.url !== undefined) assert.strictEqual(got.url, want.url, `${where} url`)
    if (want.path !== undefined || want.query !== undefined) {
      const url = new URL(got.url)
      if (want.path !== undefined) assert.strictEqual(url.origin + url.pathname, want.path, `${where} path`)
      if (want.query !== undefined) assert.deepStrictEqual([...url.searchParams.entries()], want.query, `${where} query`)
    }
    if (want.body !== undefined) assert.strictEqual(got.body, want.body === null ? undefined : want.body, `${where} body`)
    if (want.json !== undefined) assert.deepStrictEqual(JSON.parse(got.body!), want.json, `${where} JSON body`)
    if (want.contentType !== undefined) assert.strictEqual(got.contentType, want.contentType, `${where} content type`)
    for (const [name, value] of Object.entries(want.headers ?? {})) {
      if (value instanceof RegExp) assert.match(got.headers[name] ?? "", value, `${where} ${name}`)
      else assert.strictEqual(got.headers[name], value, `${where} ${name}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The table

const getUser = (user_id: unknown): Call => ({ method: "users.get", input: { user_id } })
const createUser = (email: unknown): Call => ({ method: "users.create", input: { email } })
const createdBody = (id: string) => ({ ...userBody(id), email_id: "email-1", phone_id: "", user: userBody(id) })
const unavailable = json(503, errorBody(503, "service_unavailable"))
const tooMany = (headers: Record<string, string> = {}) => json(429, errorBody(429, "too_many_requests"), headers)
const html502 = text(502, "<html><body>502 Bad Gateway</body></html>")

const requestShape: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "GET with an encoded path parameter, no body, Basic auth, user-agent and accept",
    runs: [{
      call: getUser("user-test-a/b c"),
      replies: [json(200, userBody("user-test-a/b c"))],
      expect: {
        attempts: 1,
        value: { user_id: "user-test-a/b c" },
        // "/" and " " must not split or break the path.
        requests: [{
          method: "GET",
          url: `${BASE_URL}/v1/users/user-test-a%2Fb%20c`,
          body: null,
          headers: { authorization: BASIC, "user-agent": /^effect-stytch\/\d+\.\d+\.\d+/, accept: "application/json" }
        }]
      }
    }]
  },
  {
    name: "POST sends the request object as JSON with the wire field names",
    runs: [{
      call: {
        method: "users.create",
        input: {
          email: "shape@example.test",
          name: { first_name: "Ada", last_name: "Lovelace" },
          create_user_as_pending: true,
          trusted_metadata: { plan: "pro", seats: 3 }
        }
      },
      replies: [json(400, errorBody(400, "duplicate_email"))],
      expect: {
        attempts: 1,
        error: { _tag: "DuplicateEmail", api: true },
        requests: [{
          method: "POST",
          url: `${BASE_URL}/v1/users`,
          contentType: "application/json",
          json: {
            email: "shape@example.test",
            name: { first_name: "Ada", last_name: "Lovelace" },
            create_user_as_pending: true,
            trusted_metadata: { plan: "pro", seats: 3 }
          }
        }]
      }
    }]
  },
  {
    name: "a query endpoint (sessions.get) sends its fields in the query string and no body",
    runs: [{
      call: { method: "sessions.get", input: { user_id: "user-test-q&x=1" } },
      replies: [json(200, { request_id: "r", status_code: 200, sessions: [] })],
      expect: {
        attempts: 1,
        value: { sessions: [] },
        // The value round-trips through the query string, so "&" and "=" were encoded.
        requests: [{ method: "GET", path: `${BASE_URL}/v1/sessions`, query: [["user_id", "user-test-q&x=1"]], body: null }]
      }
    }]
  },
  {
    name: "users.delete (emptyBody) sends the literal body {}",
    runs: [{
      call: { method: "users.delete", input: { user_id: "user-test-d" } },
      replies: [json(200, { request_id: "r", status_code: 200, user_id: "user-test-d" })],
      expect: {
        attempts: 1,
        value: { user_id: "user-test-d" },
        requests: [{ method: "DELETE", url: `${BASE_URL}/v1/users/user-test-d`, body: "{}", contentType: "application/json" }]
      }
    }]
  },
  {
    name: "fraud endpoints go to the fraud host (default and configured, without a doubled slash)",
    runs: [undefined, "https://fraud.example.test/"].map((fraudBaseUrl) => ({
      call: { method: "fraud.fingerprint.lookup", input: { telemetry_id: "telemetry-1" } },
      replies: [json(500, errorBody(500, "internal_server_error"))],
      options: fraudBaseUrl === undefined ? { maxRetries: 0 } : { maxRetries: 0, fraudBaseUrl },
      expect: {
        attempts: 1,
        error: { _tag: "InternalServerError", api: true },
        requests: [{
          url: fraudBaseUrl === undefined
            ? "https://telemetry.stytch.com/v1/fingerprint/lookup"
            : "https://fraud.example.test/v1/fingerprint/lookup"
        }]
      }
    }))
  },
  {
    name: "the default API host follows the project id: live -> api.stytch.com, test -> test.stytch.com",
    runs: [
      {
        call: getUser("user-live-1"),
        replies: [json(200, userBody("user-live-1"))],
        options: { projectId: "project-live-11111111-2222-4333-8444-555555555555", baseUrl: undefined },
        expect: { attempts: 1, requests: [{ url: "https://api.stytch.com/v1/users/user-live-1" }] }
      },
      {
        call: getUser("user-test-1"),
        replies: [json(200, userBody("user-test-1"))],
        options: { baseUrl: undefined },
        expect: { attempts: 1, requests: [{ url: "https://test.stytch.com/v1/users/user-test-1" }] }
      }
    ]
  }
]

const retries: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "a transient endpoint retries 503 and succeeds on the third attempt",
    runs: [{
      call: getUser("user-test-r"),
      replies: [unavailable, unavailable, json(200, userBody("user-test-r"))],
      expect: { attempts: 3, value: { user_id: "user-test-r" } }
    }]
  },
  {
    name: "after maxRetries the typed error of the last answer is returned",
    runs: [
      {
        call: getUser("user-test-r"),
        replies: [json(503, errorBody(503, "service_unavailable", "request-id-last"))],
        expect: { attempts: 3, error: { _tag: "ServiceUnavailable", api: true, fields: { request_id: "request-id-last" } } }
      },
      // Different bodies per attempt: the *last* one wins.
      {
        call: getUser("user-test-r"),
        replies: [unavailable, unavailable, json(500, errorBody(500, "internal_server_error"))],
        expect: { attempts: 3, error: { _tag: "InternalServerError", api: true } }
      }
    ]
  },
  {
    name: "transient: 408, 429, 500, 502, 504 and transport errors are retried; 400, 404 and 501 are not",
    runs: [
      ...[...TRANSIENT_RETRIED, ...NEVER_RETRIED].map((status) => ({
        call: getUser("user-test-s"),
        replies: [json(status, errorBody(status, "some_error"))],
        options: { maxRetries: 1 },
        expect: { attempts: TRANSIENT_RETRIED.includes(status) ? 2 : 1, error: { _tag: "StytchUnknownError", fields: { status_code: status } } }
      })),
      {
        call: getUser("user-test-s"),
        replies: [transport()],
        options: { maxRetries: 1 },
        expect: { attempts: 2, error: { _tag: "StytchTransportError", fields: { reason: "Transport" } } }
      }
    ]
  },
  {
    name: "a safe POST (users.search) is transient",
    runs: [{
      call: { method: "users.search", input: { limit: 10 } },
      replies: [
        json(502, errorBody(502, "bad_gateway")),
        json(200, { request_id: "r", status_code: 200, results: [], results_metadata: { total: 0 } })
      ],
      expect: { attempts: 2, value: { results: [] }, requests: [{ method: "POST" }, { method: "POST" }] }
    }]
  },
  {
    name: "a rateLimitOnly endpoint (users.create) retries 429",
    runs: [{
      call: createUser("c@example.test"),
      replies: [tooMany(), json(200, createdBody("user-test-c"))],
      expect: { attempts: 2, value: { user_id: "user-test-c", "user.user_id": "user-test-c" } }
    }]
  },
  {
    name: "a rateLimitOnly endpoint does not retry 500, 503, 408 or transport errors",
    runs: [
      ...RATE_LIMIT_ONLY_NOT_RETRIED.map((status) => ({
        call: createUser("c@example.test"),
        replies: [json(status, errorBody(status, "some_error"))],
        expect: { attempts: 1, error: { _tag: "StytchUnknownError", fields: { status_code: status } } }
      })),
      {
        call: createUser("c@example.test"),
        replies: [transport()],
        expect: { attempts: 1, error: { _tag: "StytchTransportError", fields: { reason: "Transport" } } }
      }
    ]
  },
  {
    name: "Retry-After in seconds is honoured",
    runs: [{
      call: getUser("user-test-ra"),
      replies: [tooMany({ "retry-after": "3" }), json(200, userBody("user-test-ra"))],
      steps: [{ advance: 2900, attempts: 1, running: true }, { advance: 100, attempts: 2 }],
      expect: { attempts: 2, value: { user_id: "user-test-ra" }, at: [0, 3000] }
    }]
  },
  {
    name: "Retry-After over 60 seconds is capped at 60 seconds",
    runs: [{
      call: getUser("user-test-cap"),
      replies: [json(503, errorBody(503, "service_unavailable"), { "retry-after": "3600" }), json(200, userBody("user-test-cap"))],
      steps: [{ advance: 59_900, by: 1000, attempts: 1, running: true }, { advance: 100, attempts: 2 }],
      expect: { attempts: 2, value: { user_id: "user-test-cap" }, at: [0, 60_000] }
    }]
  },
  {
    name: "Retry-After as an HTTP date and retry-after-ms are honoured",
    runs: [
      {
        now: NOW,
        call: getUser("user-test-date"),
        replies: [tooMany({ "retry-after": new Date(NOW + 5000).toUTCString() }), json(200, userBody("user-test-date"))],
        steps: [{ advance: 4900, attempts: 1, running: true }, { advance: 100, attempts: 2 }],
        expect: { attempts: 2, value: { user_id: "user-test-date" }, at: [0, 5000] }
      },
      {
        call: getUser("user-test-ms"),
        replies: [tooMany({ "retry-after-ms": "1500" }), json(200, userBody("user-test-ms"))],
        steps: [{ advance: 1450, attempts: 1, running: true }, { advance: 50, attempts: 2 }],
        expect: { attempts: 2, value: { user_id: "user-test-ms" }, at: [0, 1500] }
      }
    ]
  },
  {
    name: "a fractional Retry-After is read as seconds, not as a date",
    runs: [{
      // At a realistic date, so that misreading the value as a 2001 date means "retry at once".
      now: NOW,
      call: getUser("user-test-frac"),
      replies: [tooMany({ "retry-after": "1.5" }), json(200, userBody("user-test-frac"))],
      steps: [{ advance: 1450, attempts: 1, running: true }, { advance: 50, attempts: 2 }],
      expect: { attempts: 2, value: { user_id: "user-test-frac" } }
    }]
  },
  {
    name: "a malformed Retry-After (\"-1\") falls back to the backoff instead of retrying at once",
    runs: [{
      now: NOW,
      call: getUser("user-test-neg"),
      replies: [json(503, errorBody(503, "service_unavailable"), { "retry-after": "-1" }), json(200, userBody("user-test-neg"))],
      // The first backoff is at least 375 ms.
      steps: [{ advance: 370, by: 10, attempts: 1, running: true }, { advance: 130, by: 10, attempts: 2 }],
      expect: { attempts: 2, value: { user_id: "user-test-neg" }, waits: [[375, 500]] }
    }]
  },
  {
    name: "Retry-After also applies to a 429 on a rateLimitOnly endpoint",
    runs: [{
      call: createUser("ra@example.test"),
      replies: [tooMany({ "retry-after": "2" }), json(200, createdBody("user-test-c"))],
      steps: [{ advance: 1950, attempts: 1, running: true }, { advance: 50, attempts: 2 }],
      expect: { attempts: 2, value: { user_id: "user-test-c" }, at: [0, 2000] }
    }]
  },
  {
    name: "backoff: 0.5 s then 1 s, each with at most 25% downward jitter",
    runs: [{
      // The jitter is random, so the bounds of the waits are checked, whatever was drawn. The TestClock wakes a
      // sleeper at its exact instant, so the recorded gaps are the waits themselves.
      repeat: 5,
      call: getUser("user-test-b"),
      replies: [unavailable],
      expect: { attempts: 3, error: { _tag: "ServiceUnavailable", api: true }, waits: [[375, 500], [750, 1000]] }
    }]
  },
  {
    name: "the jitter is drawn from Effect's Random (so it is reproducible in tests)",
    runs: [{
      random: [0.8, 0.4],
      call: getUser("user-test-j"),
      replies: [unavailable],
      // 500 ms * (1 - 0.25 * 0.8) and 1000 ms * (1 - 0.25 * 0.4)
      expect: { attempts: 3, error: { _tag: "ServiceUnavailable" }, at: [0, 400, 1300] }
    }]
  },
  {
    name: "backoff is capped at 8 s",
    runs: [{
      // Without the cap the 6th retry would wait 16 s (at least 12 s after jitter).
      // With it the six waits add up to at most 0.5 + 1 + 2 + 4 + 8 + 8 = 23.5 s.
      call: getUser("user-test-cap8"),
      replies: [unavailable],
      options: { maxRetries: 6 },
      steps: [{ advance: 23_500, by: 500, attempts: 7 }],
      expect: { attempts: 7, error: { _tag: "ServiceUnavailable" }, waits: [[375, 500], [750, 1000], [1500, 2000], [3000, 4000], [6000, 8000], [6000, 8000]] }
    }]
  },
  {
    name: "maxRetries: 0 makes exactly one attempt",
    runs: [{
      call: getUser("user-test-0"),
      replies: [unavailable],
      options: { maxRetries: 0 },
      // Nothing sleeps: the clock never moves.
      still: true,
      expect: { attempts: 1, error: { _tag: "ServiceUnavailable" } }
    }]
  }
]

const timeout: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "an attempt without an answer fails with reason Timeout after the configured timeout",
    runs: [{
      call: getUser("user-test-t"),
      replies: [NEVER],
      options: { timeout: "2 seconds", maxRetries: 0 },
      steps: [{ advance: 1990, by: 10, attempts: 1, running: true }, { advance: 10, attempts: 1 }],
      expect: {
        attempts: 1,
        error: {
          _tag: "StytchTransportError",
          fields: { reason: "Timeout", method: "GET", url: `${BASE_URL}/v1/users/user-test-t` },
          includes: { detail: "2s" }
        },
        // The abandoned attempt was interrupted, which aborts its request.
        aborted: [true]
      }
    }]
  },
  {
    name: "the default timeout is 10 seconds",
    runs: [{
      call: getUser("user-test-t10"),
      replies: [NEVER],
      options: { maxRetries: 0 },
      steps: [{ advance: 9900, by: 100, attempts: 1, running: true }, { advance: 100, attempts: 1 }],
      expect: { attempts: 1, error: { _tag: "StytchTransportError", fields: { reason: "Timeout" } } }
    }]
  },
  {
    name: "a timeout on a transient endpoint is retried",
    runs: [{
      call: getUser("user-test-tr"),
      replies: [NEVER, json(200, userBody("user-test-tr"))],
      options: { timeout: "2 seconds" },
      expect: { attempts: 2, value: { user_id: "user-test-tr" }, aborted: [true, false] }
    }]
  },
  {
    name: "a timeout on a rateLimitOnly endpoint is not retried (the request may have been processed)",
    runs: [{
      call: createUser("t@example.test"),
      replies: [NEVER],
      options: { timeout: "2 seconds" },
      expect: { attempts: 1, error: { _tag: "StytchTransportError", fields: { reason: "Timeout" } } }
    }]
  }
]

const transportFailures: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "a transport failure becomes StytchTransportError (reason Transport, the cause's code, method and url)",
    runs: [{
      call: getUser("user-test-x"),
      replies: [
        transport(
          new TypeError("fetch failed", {
            cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" })
          })
        )
      ],
      options: { maxRetries: 0 },
      expect: {
        attempts: 1,
        error: {
          _tag: "StytchTransportError",
          fields: {
            reason: "Transport",
            code: "ECONNREFUSED",
            detail: "connect ECONNREFUSED 127.0.0.1:9",
            method: "GET",
            url: `${BASE_URL}/v1/users/user-test-x`
          },
          hides: [SECRET, BASIC.slice("Basic ".length)]
        }
      }
    }]
  },
  {
    name: "an unreadable response body is a transport failure",
    runs: [{
      call: getUser("user-test-x"),
      replies: [UNREADABLE],
      options: { maxRetries: 0 },
      expect: { attempts: 1, error: { _tag: "StytchTransportError", fields: { reason: "Transport" }, includes: { detail: "socket hang up" } } }
    }]
  }
]

const decoding: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "an HTML 502 is a StytchDecodeError with status 502 (rateLimitOnly: one attempt)",
    runs: [{
      call: createUser("d@example.test"),
      replies: [html502],
      expect: {
        attempts: 1,
        error: { _tag: "StytchDecodeError", fields: { status: 502, request_id: undefined }, includes: { detail: "not JSON" } }
      }
    }]
  },
  {
    name: "an HTML 502 or 500 on a transient endpoint is retried, then a StytchDecodeError",
    runs: [html502, text(500, "<html>500</html>")].map((reply) => ({
      call: getUser("user-test-d"),
      replies: [reply],
      expect: { attempts: 3, error: { _tag: "StytchDecodeError", fields: { status: (reply as { status: number }).status } } }
    }))
  },
  {
    name: "truncated JSON on a 200 is a StytchDecodeError",
    runs: [{
      call: getUser("user-test-trunc"),
      replies: [text(200, JSON.stringify(userBody("user-test-trunc")).slice(0, 40))],
      expect: { attempts: 1, error: { _tag: "StytchDecodeError", fields: { status: 200 } } }
    }]
  },
  {
    name: "wrong types or a missing field on a 2xx: a StytchDecodeError naming the field, keeping request_id",
    runs: [
      {
        call: getUser("user-test-missing"),
        replies: [json(200, { ...withoutUserId(userBody("user-test-missing")), request_id: "request-id-missing" })],
        expect: {
          attempts: 1,
          error: { _tag: "StytchDecodeError", fields: { status: 200, request_id: "request-id-missing" }, includes: { detail: "user_id" } }
        }
      },
      {
        call: getUser("user-test-wrong"),
        replies: [json(200, userBody("user-test-wrong", { is_locked: "yes-canary-value" }))],
        // Paths and expectations only: never the value.
        expect: { attempts: 1, error: { _tag: "StytchDecodeError", includes: { detail: "is_locked" }, hides: ["canary"] } }
      },
      {
        call: getUser("user-test-arr"),
        replies: [json(200, [1, 2, 3])],
        expect: { attempts: 1, error: { _tag: "StytchDecodeError", fields: { status: 200 } } }
      }
    ]
  },
  {
    name: "an unknown error_type is a StytchUnknownError keeping error_type, status and request_id",
    runs: [{
      call: getUser("user-test-u"),
      replies: [json(418, { ...errorBody(418, "brand_new_error_type", "request-id-unknown"), error_details: { hint: 1 } })],
      expect: {
        attempts: 1,
        error: {
          _tag: "StytchUnknownError",
          api: true,
          fields: {
            error_type: "brand_new_error_type",
            status_code: 418,
            request_id: "request-id-unknown",
            error_message: errorBody(418, "brand_new_error_type").error_message,
            error_details: { hint: 1 }
          }
        }
      }
    }]
  },
  {
    name: "a known error body becomes its catalogued class with every wire field",
    runs: [{
      call: getUser("user-test-nf"),
      replies: [json(404, errorBody(404, "user_not_found", "request-id-test-404"))],
      expect: {
        attempts: 1,
        error: {
          _tag: "UserNotFound",
          api: true,
          fields: {
            error_type: "user_not_found",
            status_code: 404,
            request_id: "request-id-test-404",
            error_message: errorBody(404, "user_not_found").error_message,
            error_url: errorBody(404, "user_not_found").error_url
          }
        }
      }
    }]
  },
  {
    name: "error bodies without request_id (Stytch's own SDK fixtures, or only error_type) become their class",
    runs: [
      {
        status_code: 404,
        error_type: "user_not_found",
        error_message: "User not found.",
        error_url: "https://stytch.com/docs/api/errors/404"
      },
      { status_code: 404, error_type: "user_not_found" },
      { error_type: "user_not_found" }
    ].map((body) => ({
      call: getUser("user-test-e"),
      replies: [json(404, body)],
      expect: {
        attempts: 1,
        error: {
          _tag: "UserNotFound",
          api: true,
          fields: { status_code: 404, request_id: "", error_type: "user_not_found" },
          includes: { message: "request_id unknown" }
        }
      }
    }))
  },
  {
    name: "only error_type makes an error body: a proxy's JSON 403 is a StytchDecodeError",
    runs: [{ status_code: 404, error_message: "no type" }, { message: "Forbidden by a proxy" }].map((body) => ({
      call: getUser("user-test-e"),
      replies: [json(403, body)],
      expect: { attempts: 1, error: { _tag: "StytchDecodeError", fields: { status: 403 } } }
    }))
  }
]

const tolerant: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "users.get: unknown extra fields are dropped and null optional fields are absent",
    runs: [{
      call: getUser("user-test-tol"),
      replies: [
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
      ],
      expect: {
        attempts: 1,
        value: { user_id: "user-test-tol", name: undefined, external_id: undefined, "emails.0.email": "tol@example.test" },
        dropped: ["brand_new_field"]
      }
    }]
  },
  {
    name: "passwords.create without session_token, session_jwt and user",
    runs: [{
      call: { method: "passwords.create", input: { email: "pw@example.test", password: "correct horse battery staple" } },
      replies: [json(200, { request_id: "r", status_code: 200, user_id: "user-test-pw", email_id: "email-pw" })],
      expect: { attempts: 1, value: { user_id: "user-test-pw", session_token: undefined, user: undefined } }
    }]
  },
  {
    name: "users.search with next_cursor: null",
    runs: [{
      call: { method: "users.search", input: {} },
      replies: [
        json(200, {
          request_id: "r",
          status_code: 200,
          results: [userBody("user-test-s1")],
          results_metadata: { total: 1, next_cursor: null }
        })
      ],
      expect: { attempts: 1, value: { "results.0.user_id": "user-test-s1", "results_metadata.next_cursor": undefined } }
    }]
  },
  {
    name: "status_code and request_id are never required on a 2xx: status_code is the HTTP status",
    runs: [
      {
        call: getUser("user-test-nr"),
        replies: [json(200, withoutStatus(userBody("user-test-nr")))],
        expect: { attempts: 1, value: { user_id: "user-test-nr", status_code: 200, request_id: undefined } }
      },
      {
        call: { method: "sessions.getJWKS", input: { project_id: PROJECT_ID } },
        replies: [json(200, { keys: [{ kty: "RSA", kid: "jwk-test-1", n: "AQAB", e: "AQAB", alg: "RS256" }] })],
        expect: { attempts: 1, value: { "keys.0.kid": "jwk-test-1", status_code: 200, request_id: undefined } }
      },
      {
        call: { method: "webauthn.update", input: { webauthn_registration_id: "webauthn-registration-test-1", name: "key" } },
        replies: [json(200, { request_id: "r" })],
        expect: { attempts: 1, value: { status_code: 200, request_id: "r" } }
      }
    ]
  }
]

const deep = `${"[".repeat(5000)}"x"${"]".repeat(5000)}`
const deepObject = `${"{\"a\":".repeat(5000)}"x"${"}".repeat(5000)}`

const hostile: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "a 200 whose field is nested 5,000 levels deep fails with StytchDecodeError, not a defect",
    // Written as text: building it with JSON.stringify would itself overflow in a test.
    runs: ([["emails", deep], ["providers", deepObject], ["is_locked", deepObject]] as const).map(([field, value]) => ({
      call: getUser("user-test-deep"),
      replies: [
        text(200, JSON.stringify(userBody("user-test-deep", { [field]: "DEEP" })).replace("\"DEEP\"", value), {
          "content-type": "application/json"
        })
      ],
      expect: { attempts: 1, error: { _tag: "StytchDecodeError", includes: { message: field }, shorterThan: { message: 3000 } } }
    }))
  },
  {
    name: "after hostile answers the same pipeline keeps working",
    runs: [{
      call: getUser("user-test-ok"),
      replies: ["<html>", "{\"user_id\":", "null", "\"text\"", JSON.stringify(userBody("user-test-ok"))].map((body) =>
        text(200, body)
      ),
      sequence: 5,
      expect: {
        attempts: 5,
        value: { user_id: "user-test-ok" },
        outcomes: ["StytchDecodeError", "StytchDecodeError", "StytchDecodeError", "StytchDecodeError", "ok"]
      }
    }]
  }
]

const requestError = (path: string, extra: Partial<ErrorExpectation> = {}): ErrorExpectation => ({
  _tag: "StytchRequestError",
  ...extra,
  fields: { path, ...extra.fields }
})

const validation: ReadonlyArray<Omit<Scenario, "group">> = [
  {
    name: "an empty path parameter fails with StytchRequestError and sends nothing",
    runs: [{ call: getUser(""), replies: [json(200, userBody("x"))], expect: { attempts: 0, error: requestError("user_id") } }]
  },
  {
    name: "a wrongly typed field fails with StytchRequestError naming the field, sends nothing",
    runs: [
      { call: getUser(42), replies: [json(200, userBody("x"))], expect: { attempts: 0, error: requestError("user_id") } },
      {
        call: createUser(5),
        replies: [json(200, userBody("x"))],
        expect: {
          attempts: 0,
          error: requestError("email", {
            fields: { endpoint: "users.create", method: "POST", url: `${BASE_URL}/v1/users` },
            includes: { message: "email" },
            // Never the value.
            hides: ["5,"]
          })
        }
      }
    ]
  },
  {
    name: "dot-segment path parameters (\".\", \"..\") fail with StytchRequestError and send nothing",
    runs: [
      { method: "users.delete", input: { user_id: ".." } },
      { method: "users.deleteExternalId", input: { user_id: "." } },
      { method: "users.exchangePrimaryFactor", input: { user_id: "." } },
      getUser("..")
    ].map((call) => ({
      call,
      replies: [json(200, { request_id: "r", status_code: 200 })],
      // The URL is the endpoint's template, never the refused value.
      expect: { attempts: 0, error: requestError("user_id", { includes: { expected: "..", url: "/v1/users/{user_id}" } }) }
    }))
  },
  {
    name: "a path parameter that merely contains dots or %2e is sent percent-encoded on its own route",
    runs: [["...", `${BASE_URL}/v1/users/...`], ["%2e%2e", `${BASE_URL}/v1/users/%252e%252e`]].map(([id, url]) => ({
      call: getUser(id),
      replies: [json(200, userBody("x"))],
      expect: { attempts: 1, requests: [{ url: url! }] }
    }))
  },
  {
    name: "an unknown request field fails with StytchRequestError naming the key (never a value), sends nothing",
    runs: [
      {
        call: {
          method: "passwords.authenticate",
          input: { email: "a@example.com", password: "hunter2-secret-value", sesion_duration_minutes: 5 }
        },
        replies: [json(200, {})],
        expect: {
          attempts: 0,
          error: requestError("sesion_duration_minutes", { includes: { message: "sesion_duration_minutes" }, hides: ["hunter2"] })
        }
      },
      {
        // A nested unknown key too.
        call: { method: "users.create", input: { email: "a@example.com", name: { first_name: "A", frist_name: "B" } } },
        replies: [json(200, {})],
        expect: { attempts: 0, error: requestError("name.frist_name") }
      }
    ]
  }
]

function withoutUserId<T extends { user_id: string }>(body: T): Omit<T, "user_id"> {
  const { user_id: _, ...rest } = body
  return rest
}

function withoutStatus<T extends { request_id: string; status_code: number }>(body: T): Omit<T, "request_id" | "status_code"> {
  const { request_id: _, status_code: __, ...rest } = body
  return rest
}

const group = (name: string, scenarios: ReadonlyArray<Omit<Scenario, "group">>): ReadonlyArray<Scenario> =>
  scenarios.map((s) => ({ group: name, ...s }))

/** Every shared pipeline scenario, each a test in both suites. */
export const PIPELINE_SCENARIOS: ReadonlyArray<Scenario> = [
  ...group("request shape", requestShape),
  ...group("retries", retries),
  ...group("timeout", timeout),
  ...group("transport failures", transportFailures),
  ...group("decoding answers", decoding),
  ...group("tolerant decoding", tolerant),
  ...group("hostile answers", hostile),
  ...group("request validation", validation)
]

/** The scenarios by group, in order. */
export const scenarioGroups = (): ReadonlyArray<readonly [string, ReadonlyArray<Scenario>]> => {
  const groups = new Map<string, Array<Scenario>>()
  for (const s of PIPELINE_SCENARIOS) groups.set(s.group, [...(groups.get(s.group) ?? []), s])
  return [...groups]
}
