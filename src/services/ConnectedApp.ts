/**
 * Connected Apps: OAuth clients of the project's identity provider.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/ConnectedApp.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.connectedApp> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class ConnectedApp extends Context.Tag("effect-stytch/ConnectedApp")<ConnectedApp, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  ConnectedApp.of({
    ...makeClient(http, Endpoints.connectedApp)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<ConnectedApp, never, StytchHttp> = Layer.effect(ConnectedApp, make)
