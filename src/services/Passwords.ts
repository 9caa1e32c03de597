/**
 * Passwords: create, authenticate, check strength, migrate hashes, and reset (by email, with the existing password, or with a session).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient, withClaims, type WithClaimsMethod } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/Passwords.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.passwords> {
  /** `authenticate`, with the session's custom claims decoded by the given schema (the seed's `AuthenticateWithClaims`). */
  readonly authenticateWithClaims: WithClaimsMethod<
    Endpoints.RequestOf<typeof Endpoints.passwords.authenticate>,
    Endpoints.ResponseOf<typeof Endpoints.passwords.authenticate>
  >
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Passwords extends Context.Tag("effect-stytch/Passwords")<Passwords, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  Passwords.of({
    ...makeClient(http, Endpoints.passwords),
    authenticateWithClaims: withClaims(http, Endpoints.passwords.authenticate)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Passwords, never, StytchHttp> = Layer.effect(Passwords, make)
