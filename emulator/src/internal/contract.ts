/**
 * The handler contract, typed from the SDK's endpoint table: a handler receives its endpoint's decoded request and
 * answers its response's wire (`Encoded`) form without `request_id` and `status_code`, so explicit `null`s Stytch
 * sends type-check and reach the wire. The handler map is keyed by endpoint id and checked exhaustively: a typo, a
 * missing handler or a missing response field fails `tsc`.
 */
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type { Endpoint } from "../../../src/internal/endpoint.js"
import type * as Endpoints from "../../../src/schemas/Endpoints.js"
import { facts } from "../../../src/schemas/ErrorFacts.js"
import type { SigningKeys } from "./jwt.js"
import type { Store } from "./store.js"

// ---------------------------------------------------------------------------------------------------------------
// Failures

/** A Stytch API error, as a handler fails with it. */
export class ApiFailure {
  readonly _tag = "ApiFailure"
  constructor(
    readonly error_type: string,
    readonly status: number,
    readonly error_message: string,
    readonly error_details?: unknown
  ) {}
}

/** Fails with `error_type`; status and message default to the catalogue's (400 and a generic sentence otherwise). */
export const fail = (error_type: string, message?: string, status?: number): Effect.Effect<never, ApiFailure> =>
  Effect.fail(apiFailure(error_type, message, status))

export const apiFailure = (error_type: string, message?: string, status?: number): ApiFailure => {
  const known = facts[error_type]
  return new ApiFailure(
    error_type,
    status ?? known?.status ?? 400,
    message ?? known?.message ?? error_type.replace(/_/g, " ")
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Ids

/** Stytch's ids: `<prefix>-<test|live>-<uuid>`. */
const ID_TAIL = /^(?:test|live)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Whether `id` is a well-formed `<prefix>-<test|live>-<uuid>` id. */
export const isId = (id: string, prefix: string): boolean =>
  id.startsWith(`${prefix}-`) && ID_TAIL.test(id.slice(prefix.length + 1))

/**
 * The failure for an id that names nothing: Stytch's 400 `invalid_<thing>_id` when the id is malformed, the 404
 * `notFound` when it is well-formed but unknown.
 */
export const unknownId = (id: string, prefix: string, invalid: string, notFound: string): Effect.Effect<never, ApiFailure> =>
  fail(isId(id, prefix) ? notFound : invalid)

// ---------------------------------------------------------------------------------------------------------------
// Handlers

export interface Ctx {
  readonly store: Store
  readonly keys: SigningKeys
  /** The request's time (Effect's Clock), in milliseconds. */
  readonly now: number
  readonly request_id: string
  /** Request headers (lower-cased), for IP / user-agent checks. */
  readonly headers: Readonly<Record<string, string>>
  /** The base URL the request was addressed to (used as a JWT issuer alternative, as Stytch's custom domains). */
  readonly baseUrl: string
}

type Table = Omit<typeof Endpoints, "all" | "RequestOf" | "ResponseOf" | "Endpoint">

/** `[id, endpoint]` for every endpoint of the table (ids are the dotted paths, as `test/contract` checks). */
type Leaves<T, P extends string> = {
  [K in keyof T & string]: T[K] extends Endpoint ? readonly [`${P}${K}`, T[K]] : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every endpoint of the table, by id. */
export type EndpointById = { readonly [L in Leaves<Table, ""> as L[0]]: L[1] }

/** A form body's fields (all strings) plus `project_id` from the path. */
export type FormFields = Readonly<Record<string, string | undefined>> & { readonly project_id: string }

/** The two public OAuth2 form routes (not in the endpoint table): string fields plus `project_id` from the path. */
export interface FormRoutes {
  readonly "m2m.token": {
    readonly request: FormFields
    readonly response: {
      readonly access_token: string
      readonly token_type: string
      readonly expires_in: number
      readonly scope?: string
    }
  }
  readonly "idp.introspectTokenNetwork": {
    readonly request: FormFields
    readonly response: { readonly active: boolean; readonly [claim: string]: unknown }
  }
}

export type EndpointId = keyof EndpointById
export type HandlerId = EndpointId | keyof FormRoutes

/** What a handler answers: the response's wire form without the two fields the pipeline adds. */
export type AnswerOf<K extends HandlerId> = K extends EndpointId
  ? Omit<Schema.Schema.Encoded<EndpointById[K]["response"]>, "request_id" | "status_code">
  : K extends keyof FormRoutes ? FormRoutes[K]["response"]
  : never

export type RequestOf<K extends HandlerId> = K extends EndpointId ? Schema.Schema.Type<EndpointById[K]["request"]>
  : K extends keyof FormRoutes ? FormRoutes[K]["request"]
  : never

export type Handler<K extends HandlerId> = (ctx: Ctx, request: RequestOf<K>) => Effect.Effect<AnswerOf<K>, ApiFailure>

/** Every handler, by id: the map the router serves (exhaustive). */
export type Handlers = { readonly [K in HandlerId]: Handler<K> }

/** One area's handlers (each area file's map; `handlers/index.ts` checks that together they cover every id). */
export type AreaHandlers = { readonly [K in HandlerId]?: Handler<K> }

/** A placeholder for an endpoint the emulator does not implement yet: answers 501. */
export const notImplemented = (id: HandlerId): Handler<any> => () =>
  fail("emulator_not_implemented", `The emulator does not implement ${id} yet.`, 501)

/** Endpoints answering another success status than 200 (Stytch documents 201 for `users.create`). */
export const successStatus: { readonly [K in HandlerId]?: 201 } = { "users.create": 201 }
