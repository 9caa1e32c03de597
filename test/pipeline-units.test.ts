/**
 * The pipeline's plain functions (src/internal/{path,retry,answer,transport}.ts and the parse-error summary):
 * no Effect, no client. The Effect 4 line shares them.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { classifyErrorBody, NOT_JSON, parseJson, requestIdOf, withStatusCode } from "../src/internal/answer.js"
import { buildPath, validatePathParam } from "../src/core/path.js"
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDecision } from "../src/core/retry.js"
import { describeCause } from "../src/core/transport.js"
import { describeParseError, summarizeParseError } from "../src/schemas/Errors.js"

describe("path", () => {
  it("validatePathParam refuses empty, non-string, . and .., and accepts anything else", () => {
    assert.strictEqual(validatePathParam(""), "a non-empty string")
    assert.strictEqual(validatePathParam(42), "a non-empty string")
    assert.strictEqual(validatePathParam(undefined), "a non-empty string")
    assert.include(validatePathParam(".")!, "..")
    assert.include(validatePathParam("..")!, "..")
    for (const ok of ["user-test-1", "...", ".a", "%2e", "%2e%2e", "a/b"]) assert.isUndefined(validatePathParam(ok), ok)
  })

  it("buildPath fills every parameter percent-encoded, or names the first invalid one", () => {
    assert.deepStrictEqual(buildPath("/v1/users/{user_id}/emails/{email_id}", ["user_id", "email_id"], {
      user_id: "a/b c",
      email_id: "%2e"
    }), { _tag: "Path", path: "/v1/users/a%2Fb%20c/emails/%252e" })
    const invalid = buildPath("/v1/users/{user_id}", ["user_id"], { user_id: ".." })
    assert.strictEqual(invalid._tag === "Invalid" && invalid.name, "user_id")
  })
})

describe("retry", () => {
  it("retryDecision: 429 always; transient also 408/5xx (not 501), transport and timeout; never an oversized body", () => {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      assert.isTrue(retryDecision("transient", { _tag: "Answer", status }, 0, 2), String(status))
    }
    for (const status of [200, 400, 401, 404, 501]) {
      assert.isFalse(retryDecision("transient", { _tag: "Answer", status }, 0, 2), String(status))
    }
    assert.isTrue(retryDecision("rateLimitOnly", { _tag: "Answer", status: 429 }, 0, 2))
    assert.isFalse(retryDecision("rateLimitOnly", { _tag: "Answer", status: 503 }, 0, 2))
    assert.isTrue(retryDecision("transient", { _tag: "NoAnswer", reason: "Transport" }, 0, 2))
    assert.isTrue(retryDecision("transient", { _tag: "NoAnswer", reason: "Timeout" }, 1, 2))
    assert.isFalse(retryDecision("rateLimitOnly", { _tag: "NoAnswer", reason: "Timeout" }, 0, 2))
    assert.isFalse(retryDecision("transient", { _tag: "NoAnswer", reason: "BodyTooLarge" }, 0, 2))
    // The last attempt is never retried.
    assert.isFalse(retryDecision("transient", { _tag: "Answer", status: 429 }, 2, 2))
  })

  it("backoffDelay: 0.5 s doubling to 8 s, minus up to 25%", () => {
    assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, 0)), [500, 1000, 2000, 4000, 8000, 8000, 8000])
    assert.strictEqual(backoffDelay(0, 0.999999), 500 * (1 - 0.25 * 0.999999))
    assert.strictEqual(backoffDelay(1, 0.5), 875)
  })

  it("parseRetryAfter: ms, seconds, fractional seconds, HTTP dates, caps and malformed values", () => {
    const now = Date.parse("2026-01-01T00:00:00Z")
    assert.strictEqual(parseRetryAfter({ "retry-after-ms": "250" }, now), 250)
    assert.strictEqual(parseRetryAfter({ "retry-after": "3" }, now), 3000)
    assert.strictEqual(parseRetryAfter({ "retry-after": " 1.5 " }, now), 1500)
    assert.strictEqual(parseRetryAfter({ "retry-after": "3600" }, now), MAX_RETRY_AFTER_MS)
    assert.strictEqual(parseRetryAfter({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }, now), 5000)
    assert.strictEqual(parseRetryAfter({ "retry-after": "Wed, 31 Dec 2025 00:00:00 GMT" }, now), 0)
    for (const bad of ["-1", "1,5", "soon", ""]) assert.isUndefined(parseRetryAfter({ "retry-after": bad }, now), bad)
    assert.isUndefined(parseRetryAfter({}, now))
  })
})

describe("answer", () => {
  it("parseJson and requestIdOf", () => {
    assert.strictEqual(parseJson("<html>"), NOT_JSON)
    assert.deepStrictEqual(parseJson("{\"a\":1}"), { a: 1 })
    assert.strictEqual(requestIdOf({ request_id: "r" }), "r")
    assert.isUndefined(requestIdOf({ request_id: 5 }))
    assert.isUndefined(requestIdOf(["r"]))
  })

  it("classifyErrorBody needs only a non-empty error_type; the rest defaults from the status or to \"\"", () => {
    assert.deepStrictEqual(classifyErrorBody({ error_type: "user_not_found" }, 404), {
      status_code: 404,
      request_id: "",
      error_type: "user_not_found",
      error_message: "",
      error_url: ""
    })
    const full = {
      status_code: 400,
      request_id: "r",
      error_type: "x",
      error_message: "m",
      error_url: "u",
      error_details: { a: 1 }
    }
    assert.deepStrictEqual(classifyErrorBody(full, 502), full)
    for (const bad of [null, [], "x", { error_type: "" }, { error_type: 5 }, { message: "Forbidden" }]) {
      assert.isUndefined(classifyErrorBody(bad, 403), JSON.stringify(bad))
    }
  })

  it("withStatusCode fills a missing status_code from the HTTP status and keeps a present one", () => {
    assert.deepStrictEqual(withStatusCode({ keys: [] }, 200), { keys: [], status_code: 200 })
    assert.deepStrictEqual(withStatusCode({ status_code: 201 }, 200), { status_code: 201 })
    assert.deepStrictEqual(withStatusCode([1], 200), [1])
  })
})

describe("transport", () => {
  const systemError = (code: string, message: string) => Object.assign(new Error(message), { code })

  it("describeCause reads the innermost code and message of fetch's cause chain", () => {
    const refused = new TypeError("fetch failed", { cause: systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:9") })
    assert.deepStrictEqual(describeCause(refused), { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:9" })
    const tls = new TypeError("fetch failed", { cause: systemError("CERT_HAS_EXPIRED", "certificate has expired") })
    assert.deepStrictEqual(describeCause(tls), { code: "CERT_HAS_EXPIRED", message: "CERT_HAS_EXPIRED: certificate has expired" })
    // Happy eyeballs: an AggregateError with one error per address, and an empty message.
    const both = Object.assign(new AggregateError([systemError("ECONNREFUSED", "connect ECONNREFUSED ::1:9")], ""), {
      code: "ECONNREFUSED"
    })
    assert.strictEqual(describeCause(new TypeError("fetch failed", { cause: both })).message, "connect ECONNREFUSED ::1:9")
    assert.deepStrictEqual(describeCause(new Error("ECONNRESET")), { code: undefined, message: "ECONNRESET" })
    assert.deepStrictEqual(describeCause("Transport"), { code: undefined, message: "Transport" })
    assert.isAtMost(describeCause(new Error("x".repeat(10_000))).message.length, 303)
  })
})

describe("parse error summaries", () => {
  it("name paths and expectations, never values, and stay bounded for deep and wide failures", () => {
    const Req = Schema.Struct({ password: Schema.Number, nested: Schema.Struct({ a: Schema.String }) })
    const left = Schema.decodeUnknownEither(Req, { errors: "all", onExcessProperty: "error" })({
      password: "hunter2",
      nested: { a: 1, extra: true }
    })
    assert.isTrue(Either.isLeft(left))
    if (Either.isRight(left)) return
    const text = describeParseError(left.left)
    assert.include(text, "password: Expected number")
    assert.include(text, "nested.a: Expected string")
    assert.include(text, "nested.extra: is not a field")
    assert.notInclude(text, "hunter2")

    // An issue tree 5,000 levels deep (what a deeply nested answer can produce).
    let issue: ParseResult.ParseIssue = new ParseResult.Type(Schema.String.ast, 5)
    for (let i = 0; i < 5000; i++) issue = new ParseResult.Pointer("a", {}, issue)
    const issues = summarizeParseError(ParseResult.parseError(issue))
    assert.strictEqual(issues.length, 1)
    assert.strictEqual(issues[0]!.expected, "a less deeply nested value")
    assert.isTrue(issues[0]!.path.startsWith("a.a.a"))

    const Wide = Schema.Array(Schema.String)
    const wide = Schema.decodeUnknownEither(Wide, { errors: "all" })(Array.from({ length: 1000 }, (_, i) => i))
    if (Either.isRight(wide)) return assert.fail("decoded")
    assert.strictEqual(summarizeParseError(wide.left).length, 10)
  })
})
