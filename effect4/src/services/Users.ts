/**
 * Users: create, read, update, search and delete users and their authentication factors.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { StytchHttp } from "../layers/StytchHttp.js"
import type { StytchError } from "../schemas/Errors.js"
import type { User } from "../schemas/Shared.js"
import type { UsersSearchRequest } from "../schemas/Users.js"
import { type Methods, methods } from "./generated/Users.js"

export * from "../schemas/Users.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Service extends Methods {
  /**
   * Every user matching the search, as a stream that follows `next_cursor` page by page (`limit` is the page size).
   */
  readonly searchAll: (request?: UsersSearchRequest) => Stream.Stream<User, StytchError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class Users extends Context.Service<Users, Service>()("effect-stytch/Users") {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, StytchHttp> = /* @__PURE__ */ Effect.gen(function*() {
  const http = yield* StytchHttp
  const client = methods(http)
  const searchAll = (request: UsersSearchRequest = {}): Stream.Stream<User, StytchError> =>
    Stream.paginate(request.cursor, (cursor: string | undefined) =>
      Effect.map(client.search(cursor === undefined ? request : { ...request, cursor }), (page) => {
        const next = page.results_metadata.next_cursor
        return [page.results, next ? Option.some(next) : Option.none()] as const
      }))
  return Users.of({ ...client, searchAll })
})

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Users, never, StytchHttp> = /* @__PURE__ */ Layer.effect(Users, make)
