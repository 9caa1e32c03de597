/**
 * IDP: the project identity provider: OAuth authorization and access-token introspection, over the network
 * (`introspectTokenNetwork`, RFC 7662) or locally against the project's JWKS (`introspectTokenLocal`).
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as jose from "jose"
import { customClaims, projectExpected, verifyWithJwks } from "../internal/jwt.js"
import { oauth2Form } from "../internal/oauth2.js"
import { JwksCache } from "../layers/JwksCache.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import {
  type StytchError,
  type StytchJwtError,
  StytchJwtMalformed,
  type StytchOAuth2Error,
  TypeId
} from "../schemas/Errors.js"
import type { IntrospectTokenClaims } from "../schemas/IDP.js"
import { type Methods, methods } from "./generated/IDP.js"

export * from "../schemas/IDP.js"

/**
 * The request of `introspectTokenNetwork`: the token, and the caller's client credentials, the secret `Redacted`
 * until the form body is built (the wire shape is the generated `IntrospectTokenRequest`).
 *
 * @since 0.1.0
 * @category models
 */
export interface IntrospectTokenRequest {
  readonly token: string
  readonly client_id: string
  readonly client_secret?: Redacted.Redacted<string> | undefined
  readonly token_type_hint?: string | undefined
}

/**
 * Checks an `IntrospectTokenRequest` before anything is sent (callers in plain JavaScript pass anything).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntrospectTokenRequest: Schema.Codec<IntrospectTokenRequest> = /* @__PURE__ */ Schema.Struct({
  token: Schema.String,
  client_id: Schema.String,
  client_secret: Schema.optional(Schema.Redacted(Schema.String)),
  token_type_hint: Schema.optional(Schema.String)
}).annotate({ identifier: "IDP.IntrospectTokenRequest" })

/**
 * The request of `introspectTokenLocal`: the access token (a JWT) and the verification options.
 *
 * @since 0.1.0
 * @category models
 */
export interface IntrospectTokenLocalRequest {
  readonly token: string
  /** Leeway for `exp` and `nbf`. Default: 0. */
  readonly clock_tolerance_seconds?: number | undefined
  /** Reject tokens issued (`iat`) this many seconds ago or more. `0` makes every token stale. */
  readonly max_token_age_seconds?: number | undefined
}

/**
 * The introspection endpoint answered `active: false`: the token is expired, not yet valid, revoked, not issued for
 * this project, or not a token at all. RFC 7662 gives no reason, on purpose. Holds neither the token nor the secret.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchTokenInactive extends Data.TaggedError("StytchTokenInactive")<{ readonly request_id: string }> {
  readonly [TypeId]: TypeId = TypeId
  override get message(): string {
    return `The token is not active (request_id: ${this.request_id})`
  }
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Methods {
  /**
   * Asks the project's OAuth2 introspection endpoint about an access token (a form post without Basic auth; the
   * caller authenticates with `client_id` and `client_secret`). Safe to repeat, so transient failures are retried.
   * An inactive token fails with `StytchTokenInactive`; OAuth2 errors (`invalid_client`, ...) are `StytchOAuth2Error`.
   */
  readonly introspectTokenNetwork: (
    request: IntrospectTokenRequest
  ) => Effect.Effect<IntrospectTokenClaims, StytchTokenInactive | StytchOAuth2Error | StytchError>
  /**
   * Verifies an access token locally (RS256 against the project's JWKS, `typ: JWT`, issuer, audience, `exp`/`nbf`,
   * optional maximum age) and returns its claims, as `introspectTokenNetwork` would. Time comes from Effect's `Clock`.
   */
  readonly introspectTokenLocal: (
    request: IntrospectTokenLocalRequest
  ) => Effect.Effect<IntrospectTokenClaims, StytchJwtError | StytchError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class IDP extends Context.Service<IDP, Service>()("effect-stytch/IDP") {}

/**
 * The introspection answer, stricter than the generated `IntrospectTokenResponse` union: an active answer must carry
 * the claims the SDK returns (a lax union would read an active answer without them as an inactive one).
 */
const IntrospectionAnswer = /* @__PURE__ */ Schema.Union([
  Schema.Struct({
    active: Schema.Literal(true),
    request_id: Schema.String,
    sub: Schema.String,
    scope: Schema.optional(Schema.String),
    aud: Schema.Union([Schema.String, Schema.Array(Schema.String)]),
    exp: Schema.Number,
    iat: Schema.Number,
    nbf: Schema.optional(Schema.Number),
    iss: Schema.String,
    token_type: Schema.optional(Schema.String)
  }),
  Schema.Struct({ active: Schema.Literal(false), request_id: Schema.String })
])

/** The claims `IntrospectTokenClaims` names; neither is a custom claim. */
const STANDARD = ["aud", "exp", "iat", "iss", "jti", "nbf", "sub", "scope"]
/** What the local verification leaves out of `custom_claims` (the Node SDK's set). */
const LOCAL_EXCLUDED = /* @__PURE__ */ new Set(STANDARD)
/** The introspection answer adds its own fields, which are not claims of the token either. */
const NETWORK_EXCLUDED = /* @__PURE__ */ new Set([
  ...STANDARD,
  "active",
  "client_id",
  "request_id",
  "status_code",
  "token_type"
])

interface Standard {
  readonly sub: string
  readonly scope?: string | undefined
  readonly aud: string | ReadonlyArray<string>
  readonly exp: number
  readonly iat: number
  readonly nbf?: number | undefined
  readonly iss: string
}

/** The claims of a token, from its verified payload or from an introspection answer. */
const toClaims = (
  standard: Standard,
  all: Readonly<Record<string, unknown>>,
  excluded: ReadonlySet<string>,
  token_type: string
): IntrospectTokenClaims => {
  return {
    subject: standard.sub,
    scope: standard.scope ?? "",
    custom_claims: customClaims(all, excluded),
    audience: standard.aud,
    expires_at: standard.exp,
    issued_at: standard.iat,
    issuer: standard.iss,
    // A token without nbf is valid from its issuance.
    not_before: standard.nbf ?? standard.iat,
    token_type
  }
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp | JwksCache> = /* @__PURE__ */ Effect.gen(function*() {
  const http = yield* StytchHttp
  const jwks = yield* JwksCache
  // The Node SDK also requires the JOSE header `typ: JWT` on these tokens.
  const expected = projectExpected(http.config, { typ: "JWT", required: ["sub", "exp", "iat"] })

  const postIntrospect = oauth2Form(http, {
    id: "idp.introspectTokenNetwork",
    endpoint: "introspect",
    // A read: repeating it changes nothing, so transient failures may be retried like any safe call.
    retry: "transient",
    request: IntrospectTokenRequest,
    // As the Node SDK: the optional fields only when non-empty.
    form: ({ client_id, client_secret, token, token_type_hint }) => ({
      token,
      client_id,
      ...(client_secret && Redacted.value(client_secret) ? { client_secret: Redacted.value(client_secret) } : {}),
      ...(token_type_hint ? { token_type_hint } : {})
    }),
    response: IntrospectionAnswer
  })

  const introspectTokenNetwork = (
    request: IntrospectTokenRequest
  ): Effect.Effect<IntrospectTokenClaims, StytchTokenInactive | StytchOAuth2Error | StytchError> =>
    Effect.flatMap(postIntrospect(request), ({ body, json }) =>
      body.active
        ? Effect.succeed(
          toClaims(body, json as Record<string, unknown>, NETWORK_EXCLUDED, body.token_type ?? "access_token")
        )
        : Effect.fail(new StytchTokenInactive({ request_id: body.request_id })))

  /** The claims of a verified payload, once the standard claims' types are checked. */
  const localClaims = (payload: jose.JWTPayload): Effect.Effect<IntrospectTokenClaims, StytchJwtMalformed> => {
    // The verification checked that sub, exp and iat are present, and iss and aud against the project; only their
    // types remain.
    const { aud, exp, iat, iss, nbf, scope, sub } = payload
    if (
      typeof sub !== "string" || typeof exp !== "number" || typeof iat !== "number" || typeof iss !== "string" ||
      aud === undefined || (nbf !== undefined && typeof nbf !== "number") ||
      (scope !== undefined && typeof scope !== "string")
    ) {
      return Effect.fail(new StytchJwtMalformed({ detail: "a standard claim has the wrong type" }))
    }
    return Effect.succeed(
      toClaims({ aud, exp, iat, iss, nbf, scope: scope as string | undefined, sub }, payload, LOCAL_EXCLUDED, "access_token")
    )
  }

  // No span of its own, as the other local verifications: the JWKS fetch it may cause is traced by the pipeline.
  const introspectTokenLocal = (
    request: IntrospectTokenLocalRequest
  ): Effect.Effect<IntrospectTokenClaims, StytchJwtError | StytchError> =>
    Effect.flatMap(
      Clock.currentTimeMillis,
      (now) => verifyWithJwks<IntrospectTokenClaims, StytchJwtMalformed>(jwks, expected, request, now, localClaims)
    )

  return IDP.of({ ...methods(http), introspectTokenNetwork, introspectTokenLocal })
})

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<IDP, never, StytchHttp | JwksCache> = /* @__PURE__ */ Layer.effect(IDP, make)
