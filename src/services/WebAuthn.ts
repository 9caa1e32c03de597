/**
 * WebAuthn: register and authenticate passkeys and security keys.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient, withClaims, type WithClaimsMethod } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/WebAuthn.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.webauthn> {
  /** `authenticate`, with the session's custom claims decoded by the given schema (the seed's `AuthenticateWithClaims`). */
  readonly authenticateWithClaims: WithClaimsMethod<
    Endpoints.RequestOf<typeof Endpoints.webauthn.authenticate>,
    Endpoints.ResponseOf<typeof Endpoints.webauthn.authenticate>
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class WebAuthn extends Context.Tag("effect-stytch/WebAuthn")<WebAuthn, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  WebAuthn.of({
    ...makeClient(http, Endpoints.webauthn),
    authenticateWithClaims: withClaims(http, Endpoints.webauthn.authenticate)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<WebAuthn, never, StytchHttp> = Layer.effect(WebAuthn, make)
