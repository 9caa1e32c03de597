/**
 * TOTPs: authenticator-app second factors and their recovery codes.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient, withClaims, type WithClaimsMethod } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/TOTPs.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.totps> {
  /** `authenticate`, with the session's custom claims decoded by the given schema (the seed's `AuthenticateWithClaims`). */
  readonly authenticateWithClaims: WithClaimsMethod<
    Endpoints.RequestOf<typeof Endpoints.totps.authenticate>,
    Endpoints.ResponseOf<typeof Endpoints.totps.authenticate>
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class TOTPs extends Context.Tag("effect-stytch/TOTPs")<TOTPs, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  TOTPs.of({
    ...makeClient(http, Endpoints.totps),
    authenticateWithClaims: withClaims(http, Endpoints.totps.authenticate)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<TOTPs, never, StytchHttp> = Layer.effect(TOTPs, make)
