/**
 * Magic links: email login or sign-up links, invites, and embeddable links.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient, withClaims, type WithClaimsMethod } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/MagicLinks.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.magicLinks> {
  /** `authenticate`, with the session's custom claims decoded by the given schema (the seed's `AuthenticateWithClaims`). */
  readonly authenticateWithClaims: WithClaimsMethod<
    Endpoints.RequestOf<typeof Endpoints.magicLinks.authenticate>,
    Endpoints.ResponseOf<typeof Endpoints.magicLinks.authenticate>
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class MagicLinks extends Context.Tag("effect-stytch/MagicLinks")<MagicLinks, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  MagicLinks.of({
    ...makeClient(http, Endpoints.magicLinks),
    authenticateWithClaims: withClaims(http, Endpoints.magicLinks.authenticate)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<MagicLinks, never, StytchHttp> = Layer.effect(MagicLinks, make)
