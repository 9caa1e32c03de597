/**
 * Every error the SDK can fail with.
 *
 * - One class per Stytch `error_type` (`ResetPassword`, `TelemetryIdNotFound`, ...), generated from the catalogue.
 * - `StytchUnknownError`: an `error_type` the catalogue does not know, everything kept.
 * - `StytchRequestError`: the request was refused before anything was sent (a field fails the request schema, an
 *   unknown field, a path parameter that is empty, `.` or `..`).
 * - `StytchTransportError`: the request did not get an answer (connection, DNS, TLS, reset, timeout, oversized body).
 * - `StytchDecodeError`: an answer that is not the documented JSON.
 * - `StytchJwt*`: local session JWT verification failures.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as ParseResult from "effect/ParseResult"
import { plainExpectation } from "../core/expectation.js"
import { ERROR_TYPES } from "./ErrorCatalog.js"
import type { CatalogError } from "./ErrorTypes.js"
import { type ApiErrorFields, errorClass, StytchApiError, TypeId } from "./StytchApiError.js"

export * from "./ErrorTypes.js"
export {
  type ApiError,
  type ApiErrorClass,
  type ApiErrorFields,
  errorClass,
  StytchApiError,
  TypeId
} from "./StytchApiError.js"

/**
 * An `error_type` this SDK's catalogue does not know. The raw `error_type` is kept.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchUnknownError extends StytchApiError {
  readonly _tag = "StytchUnknownError"
}

/**
 * The request was not sent: it fails the endpoint's request schema, has a field the endpoint does not know, or a
 * path parameter that is empty, `.` or `..` (which would leave the endpoint's route). Names the field and what was
 * expected, never the value (it may be a password or a token). Never retried.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchRequestError extends Data.TaggedError("StytchRequestError")<{
  /** The api-spec id of the endpoint (`users.get`, `m2m.token`, ...). */
  readonly endpoint: string
  readonly method: string
  /** The endpoint's URL template (`https://test.stytch.com/v1/users/{user_id}`): no request values. */
  readonly url: string
  /** The dotted path of the first offending field (`(root)` for the request itself). */
  readonly path: string
  /** What that field should have been. */
  readonly expected: string
  /** Every issue found (capped), as `path: expected`. */
  readonly detail: string
}> {
  readonly [TypeId]: TypeId = TypeId
  override get message(): string {
    return `Invalid request to ${this.endpoint} (${this.method} ${this.url}): ${this.detail}`
  }
}

/**
 * The request got no answer: connection refused, DNS, TLS, reset, a per-attempt timeout, or an answer body over
 * the transport's size cap (`reason: "BodyTooLarge"`). `code` is the cause's error code when it has one
 * (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`, ...) and `detail` its message. Never holds a body or a
 * credential.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchTransportError extends Data.TaggedError("StytchTransportError")<{
  readonly reason: "Transport" | "Timeout" | "BodyTooLarge"
  readonly method: string
  readonly url: string
  /** The cause's error code (`ECONNREFUSED`, ...), when it has one. */
  readonly code?: string | undefined
  readonly detail: string
  readonly cause?: unknown
}> {
  readonly [TypeId]: TypeId = TypeId
  override get message(): string {
    return `${this.reason} error on ${this.method} ${this.url}: ${this.detail}`
  }
}

/**
 * An answer that is not the documented JSON: an HTML 502, a truncated body, or a 2xx whose body lacks what the
 * method exists to return. The HTTP status and the request id (when readable) are kept.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchDecodeError extends Data.TaggedError("StytchDecodeError")<{
  readonly status: number
  readonly request_id: string | undefined
  readonly method: string
  readonly url: string
  readonly detail: string
}> {
  readonly [TypeId]: TypeId = TypeId
  override get message(): string {
    return `Could not read the answer to ${this.method} ${this.url} (HTTP ${this.status}, request_id ${
      this.request_id ?? "unknown"
    }): ${this.detail}`
  }
}

/**
 * Custom claims that do not match the schema passed to a `...WithClaims` method.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchClaimsError extends Data.TaggedError("StytchClaimsError")<{ readonly detail: string }> {
  readonly [TypeId]: TypeId = TypeId
  override get message(): string {
    return `The session's custom claims do not match the expected schema: ${this.detail}`
  }
}

/**
 * The base of the local session JWT verification errors.
 *
 * @since 0.1.0
 * @category errors
 */
export abstract class StytchJwtFailure extends Data.Error<{ readonly detail: string }> {
  readonly [TypeId]: TypeId = TypeId
  abstract readonly _tag: string
  protected abstract readonly what: string
  override get name(): string {
    return this._tag
  }
  override get message(): string {
    return `Session JWT rejected, ${this.what}: ${this.detail}`
  }
}

/** `exp` (plus the clock tolerance) is in the past. @since 0.1.0 @category errors */
export class StytchJwtExpired extends StytchJwtFailure {
  readonly _tag = "StytchJwtExpired"
  protected readonly what = "expired"
}
/** `nbf` (minus the clock tolerance) is in the future. @since 0.1.0 @category errors */
export class StytchJwtNotYetValid extends StytchJwtFailure {
  readonly _tag = "StytchJwtNotYetValid"
  protected readonly what = "not yet valid"
}
/** `iat` is older than `max_token_age_seconds`. @since 0.1.0 @category errors */
export class StytchJwtTooOld extends StytchJwtFailure {
  readonly _tag = "StytchJwtTooOld"
  protected readonly what = "too old"
}
/** The signature does not verify with the key named by `kid`. @since 0.1.0 @category errors */
export class StytchJwtInvalidSignature extends StytchJwtFailure {
  readonly _tag = "StytchJwtInvalidSignature"
  protected readonly what = "bad signature"
}
/** `iss` is not `stytch.com/<project_id>` nor the configured base URL. @since 0.1.0 @category errors */
export class StytchJwtInvalidIssuer extends StytchJwtFailure {
  readonly _tag = "StytchJwtInvalidIssuer"
  protected readonly what = "bad issuer"
}
/** `aud` does not contain the project id. @since 0.1.0 @category errors */
export class StytchJwtInvalidAudience extends StytchJwtFailure {
  readonly _tag = "StytchJwtInvalidAudience"
  protected readonly what = "bad audience"
}
/** No key of the project's JWKS has the token's `kid`, even after a refetch. @since 0.1.0 @category errors */
export class StytchJwtUnknownKey extends StytchJwtFailure {
  readonly _tag = "StytchJwtUnknownKey"
  protected readonly what = "unknown signing key"
}
/** Signed with anything but RS256 (`none`, `HS256`, ...). @since 0.1.0 @category errors */
export class StytchJwtUnsupportedAlgorithm extends StytchJwtFailure {
  readonly _tag = "StytchJwtUnsupportedAlgorithm"
  protected readonly what = "algorithm not allowed"
}
/** Not a JWS compact token, or its claims are not a Stytch session. @since 0.1.0 @category errors */
export class StytchJwtMalformed extends StytchJwtFailure {
  readonly _tag = "StytchJwtMalformed"
  protected readonly what = "malformed"
}

/**
 * An error answer of an OAuth2 endpoint (`m2m.token`), which uses the OAuth2 error body
 * (`error`, `error_description`, `error_uri`) instead of Stytch's `error_type` body. Never holds the request, so
 * never the client secret.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchOAuth2Error extends Data.TaggedError("StytchOAuth2Error")<{
  readonly error: string
  readonly error_description: string
  readonly error_uri: string
  readonly status_code: number
  readonly request_id: string
}> {
  readonly [TypeId]: TypeId = TypeId
  override get message(): string {
    return `${this.error}: ${this.error_description} (request_id: ${this.request_id})`
  }
}

/**
 * An M2M access token that verified but lacks at least one of the `required_scopes`.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchM2MScopeError extends Data.TaggedError("StytchM2MScopeError")<{
  /** The required scopes the token's scopes do not grant. */
  readonly missing_scopes: ReadonlyArray<string>
  readonly client_id: string
}> {
  readonly [TypeId]: TypeId = TypeId
  override get message(): string {
    return `M2M token of client ${this.client_id} is missing required scopes: ${this.missing_scopes.join(", ")}`
  }
}

/**
 * Any reason a session JWT failed local verification.
 *
 * @since 0.1.0
 * @category errors
 */
export type StytchJwtError =
  | StytchJwtExpired
  | StytchJwtNotYetValid
  | StytchJwtTooOld
  | StytchJwtInvalidSignature
  | StytchJwtInvalidIssuer
  | StytchJwtInvalidAudience
  | StytchJwtUnknownKey
  | StytchJwtUnsupportedAlgorithm
  | StytchJwtMalformed

/**
 * Any error a Stytch API call can fail with.
 *
 * @since 0.1.0
 * @category errors
 */
export type StytchError =
  | CatalogError
  | StytchUnknownError
  | StytchRequestError
  | StytchTransportError
  | StytchDecodeError

/**
 * Errors of the local JWT helpers (they may also call the API, for the JWKS or a remote fallback).
 *
 * @since 0.1.0
 * @category errors
 */
export type StytchJwtVerifyError = StytchError | StytchJwtError

/**
 * @since 0.1.0
 * @category refinements
 */
export const isStytchError = (
  u: unknown
): u is StytchError | StytchJwtError | StytchClaimsError | StytchOAuth2Error | StytchM2MScopeError =>
  typeof u === "object" && u !== null && TypeId in u

/**
 * Builds the typed error for a Stytch error body: the catalogued class for its `error_type`, or `StytchUnknownError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromBody = (body: ApiErrorFields): CatalogError | StytchUnknownError => {
  const Class = isCatalogued(body.error_type) ? errorClass(body.error_type) : StytchUnknownError
  return new Class(body) as CatalogError | StytchUnknownError
}

let catalogued: ReadonlySet<string> | undefined

/** Whether `errorType` is one of the catalogue's (the set is built at the first error answer). */
const isCatalogued = (errorType: string): boolean =>
  (catalogued ??= new Set(ERROR_TYPES.split(" "))).has(errorType)

const MAX_ISSUES = 10
const MAX_DEPTH = 64

/** One schema issue: where, and what was expected there. */
export interface IssueSummary {
  readonly path: string
  readonly expected: string
}

/**
 * The leaf issues of a schema failure (at most 10), each as a path and an expectation: never the offending value,
 * since it may be a password, a token or a code. Walks at most 64 levels of the issue tree (an answer nested
 * thousands of levels deep must not overflow the stack while its error is described).
 *
 * @since 0.1.0
 * @category utils
 */
export const summarizeParseError = (error: ParseResult.ParseError): ReadonlyArray<IssueSummary> => {
  const out: Array<IssueSummary> = []
  const push = (path: ReadonlyArray<PropertyKey>, expected: string) => {
    out.push({
      path: path.length > 0 ? path.map(String).join(".") : "(root)",
      expected: plainExpectation(expected)
    })
  }
  const walk = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>, depth: number): void => {
    if (out.length >= MAX_ISSUES) return
    if (depth > MAX_DEPTH) return push(path, "a less deeply nested value")
    switch (issue._tag) {
      case "Pointer":
        return walk(issue.issue, path.concat(issue.path), depth + 1)
      case "Composite":
        if (Array.isArray(issue.issues)) {
          for (const inner of issue.issues) walk(inner, path, depth + 1)
          return
        }
        return walk(issue.issues as ParseResult.ParseIssue, path, depth + 1)
      case "Refinement":
      case "Transformation":
        return walk(issue.issue, path, depth + 1)
      case "Missing":
        return push(path, "is missing")
      case "Unexpected":
        return push(path, "is not a field of this request or model")
      case "Forbidden":
        return push(path, "is forbidden")
      case "Type":
        return push(path, issue.message ?? `Expected ${String(issue.ast)}`)
    }
  }
  walk(error.issue, [], 0)
  return out
}

/**
 * A schema failure described by paths and expectations only (see `summarizeParseError`).
 *
 * @since 0.1.0
 * @category utils
 */
export const describeParseError = (error: ParseResult.ParseError): string =>
  summarizeParseError(error).map((issue) => `${issue.path}: ${issue.expected}`).join("; ")
