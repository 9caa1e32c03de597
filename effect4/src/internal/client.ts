/**
 * Turns a tree of endpoint definitions into a tree of methods (`users.get`, `passwords.email.resetStart`, ...).
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { describeParseError, StytchClaimsError, type StytchError } from "../schemas/Errors.js"
import type { Endpoint } from "./endpoint.js"
import type { Pipeline } from "./pipeline.js"

/** A method: requests whose fields are all optional (or that take none) may be called without an argument. */
export type Method<Req, Res> = {} extends Req ? (request?: Req) => Effect.Effect<Res, StytchError>
  : (request: Req) => Effect.Effect<Res, StytchError>

/** The methods of an endpoint tree. */
export type Client<T> = {
  readonly [K in keyof T]: T[K] extends Endpoint<infer Req, any, infer Res, any> ? Method<Req, Res> : Client<T[K]>
}

const isEndpoint = (u: unknown): u is Endpoint =>
  typeof u === "object" && u !== null && "id" in u && "path" in u

export const makeClient = <T extends object>(http: Pipeline, tree: T): Client<T> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tree)) {
    out[key] = isEndpoint(value)
      ? (request?: unknown) => http.call(value, request ?? {})
      : makeClient(http, value as object)
  }
  return out as Client<T>
}

/** A response with its session's custom claims decoded by a caller-supplied schema. */
export type WithClaims<Res, A> = Res & { readonly custom_claims: A }

/**
 * The seed's `AuthenticateWithClaims`: the same call, with `session.custom_claims` decoded by `claims` (an Effect 4
 * `Schema.Codec` without services).
 */
export type WithClaimsMethod<Req, Res> = <A, I>(
  request: Req,
  claims: Schema.Codec<A, I>
) => Effect.Effect<WithClaims<Res, A>, StytchError | StytchClaimsError>

export const withClaims = <Req, Res>(
  http: Pipeline,
  endpoint: Endpoint<Req, any, Res, any>
): WithClaimsMethod<Req, Res> =>
<A, I>(request: Req, claims: Schema.Codec<A, I>) =>
  Effect.flatMap(http.call(endpoint, request), (response) => {
    // Most responses carry `session`; OAuth's carries `user_session`.
    const session = (response as any).session ?? (response as any).user_session
    return decodeClaims(response, session?.custom_claims, claims)
  })

export const decodeClaims = <Res, A, I>(
  response: Res,
  raw: unknown,
  claims: Schema.Codec<A, I>
): Effect.Effect<WithClaims<Res, A>, StytchClaimsError> =>
  Schema.decodeUnknownEffect(claims)(raw ?? {}).pipe(
    Effect.map((custom_claims): WithClaims<Res, A> => ({ ...response, custom_claims })),
    Effect.mapError((error) => new StytchClaimsError({ detail: describeParseError(error) }))
  )
