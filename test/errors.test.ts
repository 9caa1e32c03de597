/**
 * Errors: tag narrowing (types and runtime), the generated catalogue of error classes, how errors render, and that
 * no credential or user secret ever reaches an error rendering, a log line or a span attribute.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { assert, describe, expectTypeOf, it, layer } from "@effect/vitest"
import * as fs from "node:fs"
import * as util from "node:util"
import * as Cause from "effect/Cause"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import { StytchEmulator } from "effect-stytch/testing"
import { FetchClient, Passwords, Sessions, Stytch, StytchError, Users } from "../src/index.js"
import { byErrorType } from "../src/schemas/ErrorTypes.js"
import type { ApiErrorClass } from "../src/schemas/StytchApiError.js"
import { checkOwnError, OWN_ERRORS } from "../effect4/test/support/errorCases.js"

// ---------------------------------------------------------------------------------------------------------------
// Types: every method of every service can be narrowed with catchTag

type TagOf<E> = E extends { readonly _tag: infer T } ? T : never

/** The error channel of a method (Effect or Stream), or a marker when a member is neither. */
type ErrorOf<F> = F extends (...args: any) => Effect.Effect<any, infer E, any> ? E
  : F extends (...args: any) => Stream.Stream<any, infer E, any> ? E
  : "not a method"

/** Paths of the methods whose error channel cannot be narrowed by an API error tag (expected: none). */
type Unnarrowable<S, Path extends string = ""> = S extends (...args: any) => any
  ? ("UserNotFound" extends TagOf<ErrorOf<S>> ? ("StytchTransportError" extends TagOf<ErrorOf<S>> ? never : Path)
    : Path)
  : S extends object ? { [K in keyof S & string]: Unnarrowable<S[K], `${Path}.${K}`> }[keyof S & string]
  : Path

type AllServices = Context.Tag.Service<Stytch.Services>

/** `true` when each union is assignable to the other (and neither is `any`): a cheap equality of large unions. */
type SameUnion<A, B> = 0 extends 1 & A ? false : [A] extends [B] ? ([B] extends [A] ? true : false) : false

// Compile-time assertions (checked by `tsc --noEmit`; `expectTypeOf` does nothing at run time).
expectTypeOf<Unnarrowable<AllServices>>().toEqualTypeOf<never>()
// Controls, so the check above cannot pass vacuously: the services type is real, and a method whose channel was
// narrowed to transport errors only (or is not Stytch's at all) would be reported by its path.
expectTypeOf<AllServices>().not.toBeAny()
expectTypeOf<Users.Service>().toMatchTypeOf<AllServices>()
expectTypeOf<Unnarrowable<{ m: () => Effect.Effect<1, Error> }>>().toEqualTypeOf<".m">()
expectTypeOf<
  Unnarrowable<Users.Service & { readonly x: { readonly y: () => Effect.Effect<1, StytchError.StytchTransportError> } }>
>().toEqualTypeOf<".x.y">()

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

const emulatorUserId = "user-test-00000000-0000-4000-8000-00000000dead"

/** Every way an error can be turned into text by a user, a logger or a test runner. */
const renderings = (error: unknown, cause: Cause.Cause<unknown>): Record<string, string> => ({
  message: (error as Error).message,
  string: String(error),
  json: JSON.stringify(error),
  inspect: util.inspect(error, { depth: 10 }),
  pretty: Cause.pretty(cause),
  prettyWithCauses: Cause.pretty(cause, { renderErrorCause: true })
})

/** Runs `effect` on the TestClock (forked, the clock moved until it ends) and returns its exit. */
const drive = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    for (let i = 0; i < 1200; i++) {
      if (Option.isSome(yield* Fiber.poll(fiber))) break
      yield* TestClock.adjust("100 millis")
    }
    return yield* Fiber.await(fiber)
  })

// ---------------------------------------------------------------------------------------------------------------

layer(StytchEmulator.layerStytch())("catchTag against the emulator", (it) => {
  it.effect("catchTag(UserNotFound) narrows and catches users.get of an unknown id", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const program = users.get({ user_id: emulatorUserId }).pipe(
        Effect.map(() => "found"),
        Effect.catchTag("UserNotFound", (e) => {
          expectTypeOf(e).toEqualTypeOf<StytchError.UserNotFound>()
          return Effect.succeed(e.error_type)
        })
      )
      // The caught tag is gone from the error channel; the others remain.
      // Mutual assignability, not `toEqualTypeOf`: its deep comparison of two ~820-member unions cost ~17 s of
      // type-check time. Tags are literals, so each side has exactly the other's members; `any` is ruled out.
      expectTypeOf<
        SameUnion<Effect.Effect.Error<typeof program>, Exclude<StytchError.StytchError, StytchError.UserNotFound>>
      >().toEqualTypeOf<true>()
      assert.strictEqual(yield* program, "user_not_found")
    }))

  it.effect("catchTags({ UserNotFound, DuplicateEmail }) picks the handler; the failed create changes nothing", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const email = "catchtags@example.test"
      const handlers = {
        UserNotFound: (e: StytchError.UserNotFound) => Effect.succeed(`not found: ${e.status_code}`),
        DuplicateEmail: (e: StytchError.DuplicateEmail) => Effect.succeed(`duplicate: ${e.status_code}`)
      }
      const created = yield* users.create({ email })
      const duplicate = yield* users.create({ email }).pipe(Effect.map(() => "created"), Effect.catchTags(handlers))
      assert.strictEqual(duplicate, "duplicate: 400")
      const missing = yield* users.get({ user_id: emulatorUserId }).pipe(
        Effect.map(() => "found"),
        Effect.catchTags(handlers)
      )
      assert.strictEqual(missing, "not found: 404")

      // Still exactly one user with that email.
      const found = yield* users.search({
        query: { operator: "AND", operands: [{ filter_name: "email_address", filter_value: [email] }] }
      })
      assert.deepStrictEqual(found.results.map((u) => u.user_id), [created.user_id])
    }))

  it.effect("an uncaught tag stays a typed failure (Effect.flip)", () =>
    Effect.gen(function*() {
      const users = yield* Users.Users
      const error = yield* users.get({ user_id: emulatorUserId }).pipe(
        Effect.catchTag("DuplicateEmail", () => Effect.die("unreachable")),
        Effect.flip
      )
      assert.strictEqual(error._tag, "UserNotFound")
      assert.instanceOf(error, StytchError.UserNotFound)
    }))
})

// ---------------------------------------------------------------------------------------------------------------

describe("the error catalogue", () => {
  interface Catalogue {
    readonly count: number
    readonly errorTypes: ReadonlyArray<{ readonly error_type: string; readonly tag: string }>
  }
  const catalogue: Catalogue = JSON.parse(
    fs.readFileSync(new URL("../spec/error-types.json", import.meta.url), "utf8")
  )

  it("has one class per catalogued error_type (816), with unique tags that never collide with the SDK's own", () => {
    assert.strictEqual(catalogue.count, 816)
    assert.strictEqual(catalogue.errorTypes.length, 816)
    assert.strictEqual(Object.keys(byErrorType).length, 816)
    const tags = new Set(catalogue.errorTypes.map((e) => e.tag))
    assert.strictEqual(tags.size, 816)
    for (
      const own of ["StytchUnknownError", "StytchRequestError", "StytchTransportError", "StytchDecodeError", "StytchClaimsError"]
    ) assert.isFalse(tags.has(own), own)
  })

  it("every class constructs with the catalogue's tag, its brand, a readable message and full JSON", () => {
    const problems: Array<string> = []
    for (const { error_type, tag } of catalogue.errorTypes) {
      const Class = (byErrorType as Record<string, ApiErrorClass<string> | undefined>)[error_type]
      if (Class === undefined) {
        problems.push(`${error_type}: no class`)
        continue
      }
      const body = {
        status_code: 400,
        request_id: `request-id-test-${error_type}`,
        error_type,
        error_message: `Message of ${error_type}.`,
        error_url: `https://stytch.com/docs/api/errors/400#${error_type}`
      }
      const error = new Class(body)
      const check = (ok: boolean, what: string) => ok || problems.push(`${error_type}: ${what}`)
      check(error._tag === tag, `_tag ${error._tag} !== ${tag}`)
      check(Class.errorType === error_type, "errorType")
      check(error instanceof Class, "instanceof its class")
      check(error instanceof StytchError.StytchApiError, "instanceof StytchApiError")
      check(error instanceof Error, "instanceof Error")
      check(StytchError.isStytchError(error), "isStytchError")
      check(error.name === tag, "name")
      check(
        error.message.includes(error_type) && error.message.includes(body.error_message) &&
          error.message.includes(body.request_id),
        `message "${error.message}"`
      )
      check(
        JSON.stringify(JSON.parse(JSON.stringify(error))) === JSON.stringify({ _tag: tag, ...body }),
        `JSON ${JSON.stringify(error)}`
      )
      // The decoder path builds the same class.
      check(StytchError.fromBody(body) instanceof Class, "fromBody")
      // A class is not confused with another.
      check(!(error instanceof StytchError.StytchUnknownError), "not StytchUnknownError")
    }
    assert.deepStrictEqual(problems, [])
  })

  it("error_details is kept when present and left out of JSON when absent", () => {
    const withDetails = StytchError.fromBody({
      status_code: 400,
      request_id: "request-id-details",
      error_type: "invalid_email",
      error_message: "Email format is invalid.",
      error_url: "https://stytch.com/docs/api/errors/400#invalid_email",
      error_details: { field: "email" }
    })
    assert.strictEqual(withDetails._tag, "InvalidEmail")
    assert.deepStrictEqual(JSON.parse(JSON.stringify(withDetails)).error_details, { field: "email" })
    const unknown = StytchError.fromBody({
      status_code: 400,
      request_id: "request-id-unknown",
      error_type: "not_in_the_catalogue",
      error_message: "New.",
      error_url: "https://stytch.com/docs/api/errors/400"
    })
    assert.instanceOf(unknown, StytchError.StytchUnknownError)
    assert.strictEqual(unknown._tag, "StytchUnknownError")
    assert.isTrue(StytchError.isStytchError(unknown))
    assert.include(unknown.message, "not_in_the_catalogue")
    assert.notProperty(JSON.parse(JSON.stringify(unknown)), "error_details")
  })

  it("the SDK's own errors render readably", () => {
    for (const expected of OWN_ERRORS) {
      const error = new (StytchError as unknown as Record<string, new(fields: unknown) => StytchError.StytchError>)[
        expected.tag
      ]!(expected.fields)
      checkOwnError(error, expected)
      assert.isTrue(StytchError.isStytchError(error), expected.tag)
      assert.instanceOf(error, Error)
    }
    assert.isFalse(StytchError.isStytchError(new Error("plain")))
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Redaction

const PASSWORD = "Pw-canary-7f3a9c1e-correct-horse"
const SESSION_TOKEN = "session-token-canary-4b1d8e2f0a"
const SESSION_JWT = "eyJhbGciOiJSUzI1NiJ9.jwt-canary-payload.jwt-canary-signature"
const WRONG_SECRET = "secret-test-wrong-canary-9d2e5b"

layer(StytchEmulator.layerStytch())("redaction", (it) => {
  /** Everything that must never appear in text: credentials, Authorization values, passwords and tokens. */
  const secretsOf = (emulator: StytchEmulator.Service) => {
    const right = Redacted.value(emulator.secret)
    const basic = (secret: string) => Buffer.from(`${emulator.projectId}:${secret}`).toString("base64")
    return [right, WRONG_SECRET, basic(right), basic(WRONG_SECRET), PASSWORD, SESSION_TOKEN, SESSION_JWT]
  }

  /** The SDK wired to the emulator's HttpClient, but with another secret (or another client). */
  const sdk = (
    emulator: StytchEmulator.Service,
    options: { readonly secret?: string; readonly client?: HttpClient.HttpClient; readonly maxRetries?: number } = {}
  ) =>
    Effect.provide(
      Stytch.layer({
        projectId: emulator.projectId,
        secret: options.secret ?? emulator.secret,
        baseUrl: StytchEmulator.inProcessBaseUrl,
        ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries })
      }).pipe(
        Layer.orDie,
        Layer.provide(Layer.succeed(HttpClient.HttpClient, options.client ?? StytchEmulator.httpClient(emulator)))
      )
    )

  /** Records every log line (logfmt and JSON, so annotations and causes are included) and every span. */
  const observe = () => {
    const lines: Array<string> = []
    const spans: Array<Tracer.Span> = []
    const logger = Logger.make((options) => {
      lines.push(Logger.logfmtLogger.log(options))
      lines.push(Logger.jsonLogger.log(options))
    })
    const run = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.flatMap(Effect.tracer, (base) =>
        effect.pipe(
          // As an application would: log every failure with its cause.
          Effect.tapErrorCause((cause) => Effect.logError("Stytch call failed", cause)),
          Logger.withMinimumLogLevel(LogLevel.All),
          Effect.provide(Logger.add(logger)),
          Effect.withTracer(Tracer.make({
            span: (...args) => {
              const span = base.span(...args)
              spans.push(span)
              return span
            },
            context: base.context
          }))
        ))
    const attributes = () =>
      spans.flatMap((span) => [span.name, ...[...span.attributes].map(([k, v]) => `${k}=${String(v)}`)])
    return { lines, spans, run, attributes }
  }

  /** Fails the test if any secret appears in any rendering of the failure of `exit`; returns the error. */
  const assertNoLeak = <A, E>(exit: Exit.Exit<A, E>, secrets: ReadonlyArray<string>, expectedTag: string) => {
    assert.isTrue(Exit.isFailure(exit), "the call was expected to fail")
    const cause = (exit as Exit.Failure<A, E>).cause
    const error = Option.getOrThrow(Cause.failureOption(cause)) as { readonly _tag: string }
    assert.strictEqual(error._tag, expectedTag)
    for (const [how, text] of Object.entries(renderings(error, cause))) {
      for (const secret of secrets) assert.notInclude(text, secret, `${expectedTag} leaks through ${how}`)
    }
    return error
  }

  it.effect("a wrong secret (UnauthorizedCredentials) on passwords and sessions calls", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const secrets = secretsOf(emulator)
      const { attributes, lines, run } = observe()
      const wrong = sdk(emulator, { secret: WRONG_SECRET })

      const passwordExit = yield* Effect.flatMap(Passwords.Passwords, (p) =>
        p.authenticate({
          email: "redaction@example.test",
          password: PASSWORD,
          session_token: SESSION_TOKEN,
          session_jwt: SESSION_JWT
        })).pipe(wrong, run, Effect.exit)
      const error = assertNoLeak(passwordExit, secrets, "UnauthorizedCredentials") as StytchError.StytchApiError
      assert.strictEqual(error.status_code, 401)
      // The rendering is informative, not just empty.
      assert.include(error.message, "unauthorized_credentials")

      const sessionExit = yield* Effect.flatMap(
        Sessions.Sessions,
        (s) => s.authenticate({ session_token: SESSION_TOKEN })
      ).pipe(wrong, run, Effect.exit)
      assertNoLeak(sessionExit, secrets, "UnauthorizedCredentials")

      assert.isAbove(lines.length, 0, "the failures were logged")
      // The SDK's span per call records its attributes (the in-process emulator's client opens no platform span).
      assert.isTrue(attributes().some((a) => a.startsWith("http.response.status_code=")))
      for (const line of [...lines, ...attributes()]) {
        for (const secret of secrets) assert.notInclude(line, secret)
      }
    }))

  it.effect("a transport error whose platform error holds the request and its Authorization header", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const secrets = secretsOf(emulator)
      const { lines, run } = observe()
      let seenAuthorization: string | undefined
      const failing = HttpClient.make((request) => {
        seenAuthorization = request.headers["authorization"]
        return Effect.fail(
          new HttpClientError.RequestError({ request, reason: "Transport", cause: new Error("socket hang up") })
        )
      })
      const exit = yield* Effect.flatMap(Passwords.Passwords, (p) =>
        p.authenticate({ email: "redaction@example.test", password: PASSWORD, session_token: SESSION_TOKEN }))
        .pipe(sdk(emulator, { client: failing }), run, Effect.exit)
      // The header really was there to leak.
      assert.include(secrets, seenAuthorization!.replace("Basic ", ""))
      const error = assertNoLeak(exit, secrets, "StytchTransportError")
      assert.include(String(error), "Transport error on POST")
      for (const line of lines) for (const secret of secrets) assert.notInclude(line, secret)
    }))

  it.effect("a real connection failure through FetchClient (the request held the Authorization header)", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const secrets = secretsOf(emulator)
      const { lines, run } = observe()
      let seenAuthorization: string | undefined
      // The real fetch, sent to a loopback port nobody listens on: undici's own error and cause chain.
      const refused = FetchClient.make((input, init) => {
        seenAuthorization = (init?.headers as Record<string, string>)["authorization"]
        return fetch(String(input).replace(StytchEmulator.inProcessBaseUrl, "http://127.0.0.1:1"), init)
      })
      const exit = yield* Effect.flatMap(Passwords.Passwords, (p) =>
        p.authenticate({ email: "redaction@example.test", password: PASSWORD, session_token: SESSION_TOKEN }))
        .pipe(sdk(emulator, { client: refused, maxRetries: 0 }), run, Effect.exit)
      assert.include(secrets, seenAuthorization!.replace("Basic ", ""))
      const error = assertNoLeak(exit, secrets, "StytchTransportError") as StytchError.StytchTransportError
      assert.strictEqual(error.reason, "Transport")
      for (const line of lines) for (const secret of secrets) assert.notInclude(line, secret)
    }))

  it.effect("a timeout, an HTML 502 and a malformed 2xx holding tokens (decode errors)", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const secrets = secretsOf(emulator)
      const { attributes, lines, run } = observe()
      const authenticate = Effect.flatMap(Passwords.Passwords, (p) =>
        p.authenticate({ email: "redaction@example.test", password: PASSWORD, session_jwt: SESSION_JWT }))
      const path = "/v1/passwords/authenticate"

      yield* emulator.failNext({ delayMillis: 60_000, pathPrefix: path })
      const timeout = yield* drive(authenticate.pipe(sdk(emulator), run))
      const timeoutError = assertNoLeak(timeout, secrets, "StytchTransportError") as StytchError.StytchTransportError
      assert.strictEqual(timeoutError.reason, "Timeout")

      yield* emulator.failNext({ status: 502, rawBody: "<html><body>Bad gateway</body></html>", pathPrefix: path })
      const html = yield* authenticate.pipe(sdk(emulator), run, Effect.exit)
      const htmlError = assertNoLeak(html, secrets, "StytchDecodeError") as StytchError.StytchDecodeError
      assert.strictEqual(htmlError.status, 502)

      // A 200 whose body echoes the tokens in the wrong shape: the decode error names paths, never values.
      yield* emulator.failNext({
        status: 200,
        rawBody: JSON.stringify({
          request_id: "request-id-test-malformed",
          status_code: 200,
          user_id: "user-test-malformed",
          // The first field that fails decoding is reported: make it a token.
          session_token: { value: SESSION_TOKEN },
          session_jwt: [SESSION_JWT]
        }),
        pathPrefix: path
      })
      const malformed = yield* authenticate.pipe(sdk(emulator), run, Effect.exit)
      const decodeError = assertNoLeak(malformed, secrets, "StytchDecodeError") as StytchError.StytchDecodeError
      assert.strictEqual(decodeError.request_id, "request-id-test-malformed")
      assert.include(decodeError.detail, "session_token")

      for (const line of [...lines, ...attributes()]) {
        for (const secret of secrets) assert.notInclude(line, secret)
      }
    }))

  it.effect("request errors for requests holding a password or a token", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const secrets = secretsOf(emulator)
      const { lines, run } = observe()
      const cases = [
        { email: 42, password: PASSWORD, session_token: SESSION_TOKEN },
        { email: "redaction@example.test", password: { value: PASSWORD } },
        { email: "redaction@example.test", password: [PASSWORD] },
        { email: "redaction@example.test", password: PASSWORD, session_jwt: { jwt: SESSION_JWT } }
      ]
      for (const request of cases) {
        const exit = yield* Effect.flatMap(Passwords.Passwords, (p) => p.authenticate(request as any)).pipe(
          sdk(emulator),
          run,
          Effect.exit
        )
        const error = assertNoLeak(exit, secrets, "StytchRequestError") as StytchError.StytchRequestError
        assert.strictEqual(error.endpoint, "passwords.authenticate")
      }
      for (const line of lines) for (const secret of secrets) assert.notInclude(line, secret)
    }))

  it.effect("retries are logged at debug level without credentials or tokens", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const secrets = secretsOf(emulator)
      const { attributes, lines, run } = observe()

      // sessions.authenticate is transient: two 503s, then the real answer (no such session).
      yield* emulator.failNext({ status: 503, pathPrefix: "/v1/sessions/authenticate" }, 2)
      const session = yield* drive(
        Effect.flatMap(Sessions.Sessions, (s) => s.authenticate({ session_token: SESSION_TOKEN })).pipe(
          sdk(emulator),
          run
        )
      )
      assert.isTrue(Exit.isFailure(session))

      // passwords.authenticate retries only 429 (with Retry-After), then the wrong secret is refused.
      yield* emulator.failNext({ status: 429, retryAfter: "1", pathPrefix: "/v1/passwords/authenticate" })
      const password = yield* drive(
        Effect.flatMap(Passwords.Passwords, (p) =>
          p.authenticate({ email: "redaction@example.test", password: PASSWORD, session_token: SESSION_TOKEN }))
          .pipe(sdk(emulator, { secret: WRONG_SECRET }), run)
      )
      assertNoLeak(password, secrets, "UnauthorizedCredentials")

      const retries = lines.filter((line) => line.includes("retrying in"))
      // 2 retries + 1 retry, each recorded by both formats.
      assert.strictEqual(retries.length, 6)
      assert.isTrue(retries.some((line) => line.includes("level=DEBUG")))
      for (const line of [...lines, ...attributes()]) {
        for (const secret of secrets) assert.notInclude(line, secret)
      }
    }))
})
