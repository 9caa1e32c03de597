/**
 * M2M: machine-to-machine clients, their secrets, and client-credentials tokens: `token` exchanges a client's
 * credentials for an access token (OAuth2 form endpoint), `authenticateToken` verifies such a token locally against
 * the project's JWKS and checks its scopes.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { cachedVerifier, customClaims, projectExpected } from "../internal/jwt.js"
import { oauth2Form } from "../internal/oauth2.js"
import { JwksCache } from "../layers/JwksCache.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import {
  type StytchError,
  type StytchJwtError,
  StytchJwtMalformed,
  StytchM2MScopeError,
  type StytchOAuth2Error
} from "../schemas/Errors.js"
import { type AuthenticateTokenRequest, type AuthenticateTokenResponse, TokenResponse } from "../schemas/M2M.js"
import { type Methods, methods } from "./generated/M2M.js"

export * from "../schemas/M2M.js"

/**
 * The request of `token`: the client's id and its secret, `Redacted` until the form body is built (the wire shape is
 * the generated `TokenRequest`). `Redacted.make(m2m_client.client_secret)` wraps a secret just created.
 *
 * @since 0.1.0
 * @category models
 */
export interface TokenRequest {
  readonly client_id: string
  readonly client_secret: Redacted.Redacted<string>
  /** Narrows the token to these scopes; omitted or empty, the token carries every scope of the client. */
  readonly scopes?: ReadonlyArray<string> | undefined
}

/**
 * Checks a `TokenRequest` before anything is sent (callers in plain JavaScript pass anything).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TokenRequest: Schema.Codec<TokenRequest> = /* @__PURE__ */ Schema.Struct({
  client_id: Schema.String,
  client_secret: Schema.Redacted(Schema.String),
  scopes: Schema.optional(Schema.Array(Schema.String))
}).annotate({ identifier: "M2M.TokenRequest" })

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Methods {
  /**
   * Exchanges an M2M client's id and secret for an access token (OAuth2 client credentials). `scopes` narrows the
   * token to those scopes; omitted, the token carries every scope of the client. Retried on 429 only.
   */
  readonly token: (request: TokenRequest) => Effect.Effect<TokenResponse, StytchOAuth2Error | StytchError>
  /**
   * Verifies an M2M access token locally (RS256 against the project's JWKS, issuer, audience, `exp`/`nbf`, optional
   * maximum age) and checks that its scopes grant every one of `required_scopes`. Time comes from Effect's `Clock`.
   */
  readonly authenticateToken: (
    request: AuthenticateTokenRequest
  ) => Effect.Effect<AuthenticateTokenResponse, StytchJwtError | StytchM2MScopeError | StytchError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class M2M extends Context.Service<M2M, Service>()("effect-stytch/M2M") {}

/** Registered claims: never custom claims. `scope` becomes `scopes`, `sub` the client id. */
const REGISTERED = /* @__PURE__ */ new Set(["aud", "exp", "iat", "iss", "jti", "nbf", "sub", "scope"])

/** Splits `action:resource` at the first colon; a scope without a resource gets the placeholder resource `-`. */
const splitScope = (scope: string): readonly [string, string] => {
  const i = scope.indexOf(":")
  return i < 0 ? [scope, "-"] : [scope.slice(0, i), scope.slice(i + 1)]
}

/**
 * The required scopes that `granted` does not cover, with the Stytch backend SDKs' semantics: scopes are
 * `action:resource`, a required scope is granted by the same action on the same resource or on the resource `*`
 * (`read:*` grants `read:users`, and also the bare `read`). There is no wildcard action.
 */
const missingScopes = (granted: ReadonlyArray<string>, required: ReadonlyArray<string>): Array<string> => {
  const byAction = new Map<string, Set<string>>()
  for (const scope of granted) {
    const [action, resource] = splitScope(scope)
    let resources = byAction.get(action)
    if (resources === undefined) byAction.set(action, resources = new Set())
    resources.add(resource)
  }
  return required.filter((scope) => {
    const [action, resource] = splitScope(scope)
    const resources = byAction.get(action)
    return resources === undefined || !(resources.has("*") || resources.has(resource))
  })
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp | JwksCache> = /* @__PURE__ */ Effect.gen(function*() {
  const http = yield* StytchHttp
  const jwks = yield* JwksCache
  const expected = projectExpected(http.config)

  // The exchange consumes nothing, but it presents a credential: repeat it only on 429 (not processed), so that an
  // outage or a failing secret is not answered with more credential submissions.
  const postToken = oauth2Form(http, {
    id: "m2m.token",
    endpoint: "token",
    retry: "rateLimitOnly",
    request: TokenRequest,
    form: ({ client_id, client_secret, scopes }) => ({
      grant_type: "client_credentials",
      client_id,
      client_secret: Redacted.value(client_secret),
      ...(scopes !== undefined && scopes.length > 0 ? { scope: scopes.join(" ") } : {})
    }),
    response: TokenResponse
  })

  const token = (request: TokenRequest): Effect.Effect<TokenResponse, StytchOAuth2Error | StytchError> =>
    Effect.map(postToken(request), (answer) => answer.body)

  /** What a verified access token says, decoded once per token (the verified-token cache keeps it). */
  const verify = cachedVerifier(jwks, expected, (payload): AuthenticateTokenResponse | StytchJwtMalformed => {
    if (typeof payload.sub !== "string" || payload.sub === "") {
      return new StytchJwtMalformed({ detail: "no sub (client id) claim" })
    }
    if (payload.scope !== undefined && typeof payload.scope !== "string") {
      return new StytchJwtMalformed({ detail: "the scope claim is not a string" })
    }
    const custom_claims = customClaims(payload, REGISTERED)
    const scopes = ((payload.scope as string | undefined) ?? "").split(" ").filter((s) => s !== "")
    return { client_id: payload.sub, scopes, custom_claims }
  })

  const authenticateToken = (
    request: AuthenticateTokenRequest
  ): Effect.Effect<AuthenticateTokenResponse, StytchJwtError | StytchM2MScopeError | StytchError> =>
    Effect.flatMap(
      verify({
        token: request.access_token,
        clock_tolerance_seconds: request.clock_tolerance_seconds,
        max_token_age_seconds: request.max_token_age_seconds
      }),
      (token): Effect.Effect<AuthenticateTokenResponse, StytchM2MScopeError> => {
        // Per call: the same token may be asked for different scopes.
        const missing = missingScopes(token.scopes, request.required_scopes ?? [])
        return missing.length > 0
          ? Effect.fail(new StytchM2MScopeError({ missing_scopes: missing, client_id: token.client_id }))
          : Effect.succeed(token)
      }
    )

  return M2M.of({ ...methods(http), token, authenticateToken })
})

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<M2M, never, StytchHttp | JwksCache> = /* @__PURE__ */ Layer.effect(M2M, make)
