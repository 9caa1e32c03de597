/**
 * One-time passcodes by SMS, WhatsApp and email.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient, withClaims, type WithClaimsMethod } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/OTPs.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.otps> {
  /** `authenticate`, with the session's custom claims decoded by the given schema (the seed's `AuthenticateWithClaims`). */
  readonly authenticateWithClaims: WithClaimsMethod<
    Endpoints.RequestOf<typeof Endpoints.otps.authenticate>,
    Endpoints.ResponseOf<typeof Endpoints.otps.authenticate>
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class OTPs extends Context.Tag("effect-stytch/OTPs")<OTPs, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  OTPs.of({
    ...makeClient(http, Endpoints.otps),
    authenticateWithClaims: withClaims(http, Endpoints.otps.authenticate)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<OTPs, never, StytchHttp> = Layer.effect(OTPs, make)
