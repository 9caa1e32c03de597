/**
 * OAuth: authenticate the token of a completed OAuth flow, and attach flows to existing users.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient, withClaims, type WithClaimsMethod } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/OAuth.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.oauth> {
  /** `authenticate`, with the session's custom claims decoded by the given schema (the seed's `AuthenticateWithClaims`). */
  readonly authenticateWithClaims: WithClaimsMethod<
    Endpoints.RequestOf<typeof Endpoints.oauth.authenticate>,
    Endpoints.ResponseOf<typeof Endpoints.oauth.authenticate>
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class OAuth extends Context.Tag("effect-stytch/OAuth")<OAuth, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  OAuth.of({
    ...makeClient(http, Endpoints.oauth),
    authenticateWithClaims: withClaims(http, Endpoints.oauth.authenticate)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<OAuth, never, StytchHttp> = Layer.effect(OAuth, make)
