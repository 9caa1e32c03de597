/**
 * The shape of one endpoint definition (see `src/schemas/Endpoints.ts`, generated from spec/api-spec.json).
 */
import type * as Schema from "effect/Schema"

/** Where the request's non-path fields go on the wire. */
export type Fields =
  | "body" // JSON body
  | "query" // query string
  | "none" // every field is a path parameter; no body
  | "emptyBody" // every field is a path parameter; the literal body `{}` is still sent

/**
 * Which failures may be retried.
 * - `transient`: reads and other safe calls: network errors, timeouts, 408, 429, 5xx.
 * - `rateLimitOnly`: calls that consume a token or send something: only 429 (the request was not processed).
 */
export type RetryPolicy = "transient" | "rateLimitOnly"

export interface Endpoint<Req = any, ReqI = any, Res = any, ResI = any> {
  readonly id: string
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  readonly path: string
  readonly pathParams: ReadonlyArray<string>
  readonly fields: Fields
  readonly host: "api" | "fraud"
  readonly request: Schema.Schema<Req, ReqI>
  readonly response: Schema.Schema<Res, ResI>
  readonly retry: RetryPolicy
  /** The response carries a session (`session`; OAuth's `user_session`): an `authenticate` then has `...WithClaims`. */
  readonly session: boolean
}

export const endpoint = <Req, ReqI, Res, ResI>(e: Endpoint<Req, ReqI, Res, ResI>): Endpoint<Req, ReqI, Res, ResI> => e

export type RequestOf<E> = E extends Endpoint<infer Req, any, any, any> ? Req : never
export type ResponseOf<E> = E extends Endpoint<any, any, infer Res, any> ? Res : never
