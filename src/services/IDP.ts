/**
 * IDP: the project identity provider: OAuth authorization and token introspection.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/IDP.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.idp> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class IDP extends Context.Tag("effect-stytch/IDP")<IDP, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  IDP.of(makeClient(http, Endpoints.idp)))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<IDP, never, StytchHttp> = Layer.effect(IDP, make)
