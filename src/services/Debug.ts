/**
 * Debug: who the credentials belong to.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/Debug.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.debug> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Debug extends Context.Tag("effect-stytch/Debug")<Debug, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  Debug.of({
    ...makeClient(http, Endpoints.debug)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Debug, never, StytchHttp> = Layer.effect(Debug, make)
