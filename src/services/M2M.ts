/**
 * M2M: machine-to-machine clients, their secrets, and client-credentials tokens.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/M2M.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.m2m> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class M2M extends Context.Tag("effect-stytch/M2M")<M2M, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  M2M.of(makeClient(http, Endpoints.m2m)))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<M2M, never, StytchHttp> = Layer.effect(M2M, make)
