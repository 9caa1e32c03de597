/**
 * Every error the SDK can fail with.
 *
 * - One class per Stytch `error_type` (`ResetPassword`, `TelemetryIdNotFound`, ...), generated from the catalogue.
 * - `StytchUnknownError`: an `error_type` the catalogue does not know, everything kept.
 * - `StytchTransportError`: the request did not get an answer (connection, DNS, reset, timeout) or could not be built.
 * - `StytchDecodeError`: an answer that is not the documented JSON.
 * - `StytchJwt*`: local session JWT verification failures.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { CatalogError } from "./ErrorTypes.js"
import { byErrorType } from "./ErrorTypes.js"
import { type ApiErrorFields, StytchApiError, TypeId } from "./StytchApiError.js"

export * from "./ErrorTypes.js"
export { type ApiErrorFields, StytchApiError, TypeId } from "./StytchApiError.js"

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
 * The request got no answer: connection refused, DNS, reset, a per-attempt timeout, or a request that could not be
 * built (`reason: "Encode"`, e.g. a field that fails the request schema). Never holds a body or a credential.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchTransportError extends Data.TaggedError("StytchTransportError")<{
  readonly reason: "Transport" | "Timeout" | "Encode"
  readonly method: string
  readonly url: string
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
export type StytchError = CatalogError | StytchUnknownError | StytchTransportError | StytchDecodeError

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
 * The wire shape of every Stytch JSON error body (there is no `_tag` on the wire: `fromBody` picks the class).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorBody = Schema.Struct({
  status_code: Schema.Number,
  request_id: Schema.String,
  error_type: Schema.String,
  error_message: Schema.String,
  error_url: Schema.String,
  error_details: Schema.optional(Schema.Unknown)
})

/**
 * Builds the typed error for a Stytch error body: the catalogued class for its `error_type`, or `StytchUnknownError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromBody = (body: ApiErrorFields): CatalogError | StytchUnknownError => {
  const Class = Object.hasOwn(byErrorType, body.error_type)
    ? byErrorType[body.error_type as keyof typeof byErrorType]
    : StytchUnknownError
  return new Class(body)
}

/**
 * A schema failure described by paths and expectations only: the offending values are left out, since they may be
 * passwords, tokens or codes.
 *
 * @since 0.1.0
 * @category utils
 */
export const describeParseError = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((issue) =>
      `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message.replace(/, actual [\s\S]*$/, "")}`
    )
    .join("; ")
