/**
 * The shape of one endpoint definition (see `effect4/src/schemas/Endpoints.ts`, generated from spec/api-spec.json).
 */
import type * as Schema from "effect/Schema"

import type { Fields, RetryPolicy } from "../../../src/core/wire.js"

export type { Fields, RetryPolicy } from "../../../src/core/wire.js"

export interface Endpoint<Req = any, ReqI = any, Res = any, ResI = any> {
  readonly id: string
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  readonly path: string
  readonly pathParams: ReadonlyArray<string>
  readonly fields: Fields
  readonly host: "api" | "fraud"
  readonly request: Schema.Codec<Req, ReqI>
  readonly response: Schema.Codec<Res, ResI>
  readonly retry: RetryPolicy
  /** The response carries a session (`session`; OAuth's `user_session`): an `authenticate` then has `...WithClaims`. */
  readonly session: boolean
}

export const endpoint = <Req, ReqI, Res, ResI>(e: Endpoint<Req, ReqI, Res, ResI>): Endpoint<Req, ReqI, Res, ResI> => e

export type RequestOf<E> = E extends Endpoint<infer Req, any, any, any> ? Req : never
export type ResponseOf<E> = E extends Endpoint<any, any, infer Res, any> ? Res : never
