/**
 * Project: the project's metrics.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Client, makeClient } from "../internal/client.js"
import { StytchHttp } from "../layers/StytchHttp.js"
import * as Endpoints from "../schemas/Endpoints.js"

export * from "../schemas/Project.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Client<typeof Endpoints.project> {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Project extends Context.Tag("effect-stytch/Project")<Project, Service>() {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = Effect.map(StytchHttp, (http) =>
  Project.of({
    ...makeClient(http, Endpoints.project)
  }))

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Project, never, StytchHttp> = Layer.effect(Project, make)
