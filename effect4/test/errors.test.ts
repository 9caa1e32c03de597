/**
 * The Effect 4 line's errors: the generated catalogue (one lazily made class per error_type, the same export names
 * as the Effect 3 line), `fromBody`, narrowing with `catchTag`/`catchTags`, how the SDK's own errors render, and
 * that a schema failure is described by paths and expectations only (a secret in the input never reaches the text).
 */
import { assert, describe, expectTypeOf, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as S from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import * as fs from "node:fs"
import * as util from "node:util"
import * as v3ErrorTypes from "../../src/schemas/ErrorTypes.js"
import * as StytchError from "../src/schemas/Errors.js"
import * as ErrorTypes from "../src/schemas/ErrorTypes.js"
import type { ApiErrorClass } from "../src/schemas/StytchApiError.js"
import { UsersCreateRequest } from "../src/schemas/Users.js"
import { checkOwnError, OWN_ERRORS } from "./support/errorCases.js"

interface Catalogue {
  readonly count: number
  readonly errorTypes: ReadonlyArray<{ readonly error_type: string; readonly tag: string }>
}
const catalogue: Catalogue = JSON.parse(
  fs.readFileSync(new URL("../../spec/error-types.json", import.meta.url), "utf8")
)

const bodyOf = (error_type: string, status_code = 400) => ({
  status_code,
  request_id: `request-id-test-${error_type}`,
  error_type,
  error_message: `Message of ${error_type}.`,
  error_url: `https://stytch.com/docs/api/errors/${status_code}#${error_type}`
})

/** Every way an error can be turned into text by a user, a logger or a test runner. */
const renderings = (error: unknown): Record<string, string> => ({
  message: (error as Error).message,
  string: String(error),
  json: JSON.stringify(error),
  inspect: util.inspect(error, { depth: 10 }),
  pretty: Cause.pretty(Cause.fail(error))
})

describe("the error catalogue", () => {
  it("has one class per catalogued error_type (816), named as in the Effect 3 line", () => {
    assert.strictEqual(catalogue.errorTypes.length, 816)
    assert.strictEqual(Object.keys(ErrorTypes.byErrorType).length, 816)
    // The same exports, by name: every class, byErrorType and facts.
    assert.deepStrictEqual(Object.keys(ErrorTypes).sort(), Object.keys(v3ErrorTypes).sort())
    assert.strictEqual(ErrorTypes.facts, v3ErrorTypes.facts, "the plain facts module is shared, not copied")
    const tags = new Set(catalogue.errorTypes.map((e) => e.tag))
    for (const own of ["StytchUnknownError", "StytchRequestError", "StytchTransportError", "StytchDecodeError"]) {
      assert.isFalse(tags.has(own), own)
    }
  })

  it("every class constructs with the PascalCase tag, its brand, a readable message and full JSON", () => {
    const problems: Array<string> = []
    for (const { error_type, tag } of catalogue.errorTypes) {
      const Class = (ErrorTypes.byErrorType as Record<string, ApiErrorClass<string> | undefined>)[error_type]
      if (Class === undefined) {
        problems.push(`${error_type}: no class`)
        continue
      }
      const body = bodyOf(error_type)
      const error = new Class(body)
      const check = (ok: boolean, what: string) => ok || problems.push(`${error_type}: ${what}`)
      const pascal = error_type.split("_").map((p) => p.slice(0, 1).toUpperCase() + p.slice(1)).join("")
      check(error._tag === tag && tag === pascal, `_tag ${error._tag} !== ${pascal}`)
      check((ErrorTypes as Record<string, unknown>)[tag] === Class, "named export")
      check(Class.errorType === error_type, "errorType")
      check(error instanceof Class, "instanceof its class")
      check(error instanceof StytchError.StytchApiError && error instanceof Error, "instanceof StytchApiError, Error")
      check(StytchError.isStytchError(error), "isStytchError")
      check(error.name === tag, "name")
      check(
        error.message === `${error_type}: ${body.error_message} (HTTP 400, request_id ${body.request_id})`,
        `message "${error.message}"`
      )
      check(JSON.stringify(error) === JSON.stringify({ _tag: tag, ...body }), `JSON ${JSON.stringify(error)}`)
      check(StytchError.fromBody(body) instanceof Class, "fromBody")
      check(!(error instanceof StytchError.StytchUnknownError), "not StytchUnknownError")
    }
    assert.deepStrictEqual(problems, [])
  })
})

describe("fromBody", () => {
  it("gives the catalogued class, with its _tag, for several error types", () => {
    const cases = [
      ["user_not_found", 404, "UserNotFound", ErrorTypes.UserNotFound],
      ["duplicate_email", 400, "DuplicateEmail", ErrorTypes.DuplicateEmail],
      ["unauthorized_credentials", 401, "UnauthorizedCredentials", ErrorTypes.UnauthorizedCredentials],
      ["session_not_found", 404, "SessionNotFound", ErrorTypes.SessionNotFound],
      ["too_many_requests", 429, "TooManyRequests", ErrorTypes.TooManyRequests]
    ] as const
    for (const [errorType, status, tag, Class] of cases) {
      const error = StytchError.fromBody(bodyOf(errorType, status))
      assert.strictEqual(error._tag, tag)
      assert.isTrue(error instanceof Class, tag)
      assert.strictEqual(error.status_code, status)
      assert.strictEqual(error.error_type, errorType)
    }
  })

  it("an unknown error_type is a StytchUnknownError that keeps it; error_details only when present", () => {
    const unknown = StytchError.fromBody(bodyOf("not_in_the_catalogue"))
    assert.instanceOf(unknown, StytchError.StytchUnknownError)
    assert.strictEqual(unknown._tag, "StytchUnknownError")
    assert.strictEqual(unknown.error_type, "not_in_the_catalogue")
    assert.isTrue(StytchError.isStytchError(unknown))
    assert.include(unknown.message, "not_in_the_catalogue")
    assert.notProperty(JSON.parse(JSON.stringify(unknown)), "error_details")
    const detailed = StytchError.fromBody({ ...bodyOf("invalid_email"), error_details: { field: "email" } })
    assert.strictEqual(detailed._tag, "InvalidEmail")
    assert.deepStrictEqual(JSON.parse(JSON.stringify(detailed)).error_details, { field: "email" })
  })
})

describe("narrowing", () => {
  const failing = (errorType: string): Effect.Effect<string, StytchError.StytchError> =>
    Effect.fail(StytchError.fromBody(bodyOf(errorType)))

  it.effect("catchTag catches its tag and removes it from the error channel", () =>
    Effect.gen(function*() {
      const program = failing("user_not_found").pipe(
        Effect.catchTag("UserNotFound", (e) => {
          expectTypeOf(e).toEqualTypeOf<StytchError.UserNotFound>()
          return Effect.succeed(`caught ${e.error_type}`)
        })
      )
      type Remaining = Effect.Error<typeof program>
      expectTypeOf<Extract<Remaining, { readonly _tag: "UserNotFound" }>>().toEqualTypeOf<never>()
      expectTypeOf<Extract<Remaining, { readonly _tag: "DuplicateEmail" }>>()
        .toEqualTypeOf<StytchError.DuplicateEmail>()
      assert.strictEqual(yield* program, "caught user_not_found")
    }))

  it.effect("catchTags picks the handler; an uncaught tag stays a typed failure", () =>
    Effect.gen(function*() {
      const handlers = {
        UserNotFound: (e: StytchError.UserNotFound) => Effect.succeed(`not found: ${e.status_code}`),
        DuplicateEmail: (e: StytchError.DuplicateEmail) => Effect.succeed(`duplicate: ${e.status_code}`)
      }
      assert.strictEqual(yield* failing("duplicate_email").pipe(Effect.catchTags(handlers)), "duplicate: 400")
      const error = yield* failing("invalid_email").pipe(
        Effect.catchTag("UserNotFound", () => Effect.die("unreachable")),
        Effect.flip
      )
      assert.strictEqual(error._tag, "InvalidEmail")
      assert.instanceOf(error, ErrorTypes.InvalidEmail)
    }))

  it.effect("the SDK's own errors narrow by tag too (Data.TaggedError and the JWT classes)", () =>
    Effect.gen(function*() {
      const request: Effect.Effect<never, StytchError.StytchRequestError | StytchError.StytchJwtExpired> = Effect.fail(
        new StytchError.StytchJwtExpired({ detail: "exp 1700000000 is before now" })
      )
      const caught = yield* request.pipe(
        Effect.catchTag("StytchJwtExpired", (e) => Effect.succeed(e.message)),
        Effect.catchTag("StytchRequestError", () => Effect.succeed("wrong"))
      )
      assert.strictEqual(caught, "Session JWT rejected, expired: exp 1700000000 is before now")
      const exit = yield* Effect.exit(
        Effect.fail(new StytchError.StytchClaimsError({ detail: "role: is missing" })).pipe(
          Effect.catchTag("StytchClaimsError", (e) => Effect.fail(e.detail))
        )
      )
      assert.deepStrictEqual(exit, Exit.fail("role: is missing"))
    }))
})

describe("the SDK's own errors", () => {
  it("render readably, with their tag, and are branded", () => {
    const errors = OWN_ERRORS.map((expected) => {
      const error = new (StytchError as unknown as Record<string, new(fields: unknown) => StytchError.StytchError>)[
        expected.tag
      ]!(expected.fields)
      checkOwnError(error, expected)
      return error
    })
    assert.isTrue(errors.at(-1) instanceof StytchError.StytchJwtFailure)
    const claims = new StytchError.StytchClaimsError({ detail: "d" })
    for (const error of [...errors, claims]) {
      assert.isTrue(StytchError.isStytchError(error), error._tag)
      assert.instanceOf(error, Error)
    }
    assert.isFalse(StytchError.isStytchError(new Error("plain")))
    assert.isFalse(StytchError.isStytchError(null))
  })

  it("every JWT failure class has its own tag and wording", () => {
    const classes = [
      [StytchError.StytchJwtExpired, "StytchJwtExpired", "expired"],
      [StytchError.StytchJwtNotYetValid, "StytchJwtNotYetValid", "not yet valid"],
      [StytchError.StytchJwtTooOld, "StytchJwtTooOld", "too old"],
      [StytchError.StytchJwtInvalidSignature, "StytchJwtInvalidSignature", "bad signature"],
      [StytchError.StytchJwtInvalidIssuer, "StytchJwtInvalidIssuer", "bad issuer"],
      [StytchError.StytchJwtInvalidAudience, "StytchJwtInvalidAudience", "bad audience"],
      [StytchError.StytchJwtUnknownKey, "StytchJwtUnknownKey", "unknown signing key"],
      [StytchError.StytchJwtUnsupportedAlgorithm, "StytchJwtUnsupportedAlgorithm", "algorithm not allowed"],
      [StytchError.StytchJwtMalformed, "StytchJwtMalformed", "malformed"]
    ] as const
    for (const [Class, tag, what] of classes) {
      const error = new Class({ detail: "d" })
      assert.strictEqual(error._tag, tag)
      assert.strictEqual(error.message, `Session JWT rejected, ${what}: d`)
      assert.include(JSON.stringify(error), `"_tag":"${tag}"`)
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------

describe("schema failures are described without values", () => {
  const PASSWORD = "Pw-canary-7f3a9c1e-correct-horse"
  const TOKEN = "session-token-canary-4b1d8e2f0a"

  const failureOf = <A>(exit: Exit.Exit<A, S.SchemaError>): S.SchemaError => {
    if (Exit.isSuccess(exit)) throw new Error("expected a failure")
    const reason = exit.cause.reasons.find((r) => r._tag === "Fail")
    if (reason === undefined || reason._tag !== "Fail") throw new Error(String(exit.cause))
    return reason.error
  }

  it("names paths and expectations: wrong types, missing keys, unknown keys, unions, literals", () => {
    const Req = S.Struct({
      password: S.Number,
      nested: S.Struct({ a: S.String }),
      kind: S.Literals(["a", "b"]),
      either: S.Union([S.String, S.Number]),
      list: S.Array(S.String),
      record: S.Record(S.String, S.Number)
    })
    const error = failureOf(
      S.decodeUnknownExit(Req, { errors: "all", onExcessProperty: "error" })({
        password: PASSWORD,
        nested: { a: 1, extra: TOKEN },
        kind: TOKEN,
        either: { token: TOKEN },
        list: ["ok", { token: TOKEN }],
        record: { k: TOKEN }
      })
    )
    const text = StytchError.describeParseError(error)
    assert.include(text, "password: Expected number")
    assert.include(text, "nested.a: Expected string")
    assert.include(text, "nested.extra: is not a field of this request or model")
    assert.include(text, "kind: Expected \"a\" | \"b\"")
    assert.include(text, "either: Expected string | number")
    assert.include(text, "list.1: Expected string")
    assert.include(text, "record.k: Expected number")
    for (const secret of [PASSWORD, TOKEN]) assert.notInclude(text, secret)
    const missing = StytchError.summarizeParseError(failureOf(S.decodeUnknownExit(Req)({})))
    assert.deepStrictEqual(missing, [{ path: "password", expected: "is missing" }])
  })

  it("holds even when the issues carry the input (reportInput) and through a request error's every rendering", () => {
    const encode = S.encodeUnknownExit(UsersCreateRequest, {
      onExcessProperty: "error",
      errors: "all",
      reportInput: true
    })
    const error = failureOf(encode({ email: { value: PASSWORD }, phone_number: [TOKEN], session_token: TOKEN }))
    // The Effect formatter itself would show the values: that is what the summary must not do.
    assert.include(String(error), PASSWORD)
    const detail = StytchError.describeParseError(error)
    assert.include(detail, "email: Expected string")
    assert.include(detail, "phone_number: Expected string")
    assert.include(detail, "session_token: is not a field of this request or model")
    const [first] = StytchError.summarizeParseError(error)
    const requestError = new StytchError.StytchRequestError({
      endpoint: "users.create",
      method: "POST",
      url: "https://test.stytch.com/v1/users",
      path: first!.path,
      expected: first!.expected,
      detail
    })
    for (const [how, text] of Object.entries(renderings(requestError))) {
      for (const secret of [PASSWORD, TOKEN]) assert.notInclude(text, secret, how)
    }
    // A filter's failure with the input reported: its expectation, not the value.
    const Short = S.String.check(S.isMaxLength(4))
    const short = failureOf(S.decodeUnknownExit(Short, { reportInput: true })(PASSWORD))
    const filtered = StytchError.describeParseError(short)
    assert.notInclude(filtered, PASSWORD)
    assert.include(filtered, "(root): Expected")
  })

  it("stays bounded for deep and wide failures", () => {
    let issue: SchemaIssue.Issue = new SchemaIssue.InvalidType(S.String.ast, PASSWORD, { reportInput: true })
    for (let i = 0; i < 5000; i++) issue = new SchemaIssue.Pointer(["a"], issue)
    const deep = StytchError.summarizeParseError(new S.SchemaError(issue))
    assert.strictEqual(deep.length, 1)
    assert.strictEqual(deep[0]!.expected, "a less deeply nested value")
    assert.isTrue(deep[0]!.path.startsWith("a.a.a"))
    const numbers = Array.from({ length: 1000 }, (_, i) => i)
    const wide = failureOf(S.decodeUnknownExit(S.Array(S.String), { errors: "all" })(numbers))
    assert.strictEqual(StytchError.summarizeParseError(wide).length, 10)
    // A long expectation is cut.
    const Big = S.Literals(Array.from({ length: 100 }, (_, i) => `literal-value-${i}`))
    const [big] = StytchError.summarizeParseError(failureOf(S.decodeUnknownExit(Big)("x")))
    assert.isAtMost(big!.expected.length, 163)
    assert.isTrue(big!.expected.endsWith("..."))
  })
})
