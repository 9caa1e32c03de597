/**
 * RBAC: the project's role-based access control policy.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/RBAC.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.rbac> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class RBAC extends Context.Tag("effect-stytch/RBAC")<RBAC, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  RBAC.of({
    ...makeClient(http, Endpoints.rbac)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<RBAC, never, StytchHttp> = Layer.effect(RBAC, make)
