/**
 * Impersonation: authenticate an impersonation token.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/Impersonation.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.impersonation> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Impersonation extends Context.Tag("effect-stytch/Impersonation")<Impersonation, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  Impersonation.of({
    ...makeClient(http, Endpoints.impersonation)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Impersonation, never, StytchHttp> = Layer.effect(Impersonation, make)
