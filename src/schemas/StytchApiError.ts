/**
 * The base class of every error the Stytch API answers with. Each `error_type` has its own subclass, generated in
 * `ErrorTypes.ts`; this file holds what they share.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import type { ApiErrorFields } from "../core/answer.js"

/**
 * Brand shared by every error this SDK produces (API errors and its own `Stytch*` errors).
 *
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("effect-stytch/StytchError")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * The wire fields of a Stytch error body, kept as they came (defined with the rules that read them, in
 * `core/answer.ts`).
 *
 * @since 0.1.0
 * @category models
 */
export type { ApiErrorFields } from "../core/answer.js"

/**
 * An error answered by the Stytch API. Subclasses fix `_tag` to the PascalCase of their `error_type`.
 *
 * @since 0.1.0
 * @category errors
 */
export abstract class StytchApiError extends Data.Error<ApiErrorFields> {
  readonly [TypeId]: TypeId = TypeId
  abstract readonly _tag: string

  override get name(): string {
    return this._tag
  }

  override get message(): string {
    const requestId = this.request_id || "unknown"
    return `${this.error_type}: ${this.error_message} (HTTP ${this.status_code}, request_id ${requestId})`
  }

  override toJSON(): unknown {
    const { error_details, error_message, error_type, error_url, request_id, status_code } = this
    return {
      _tag: this._tag,
      status_code,
      request_id,
      error_type,
      error_message,
      error_url,
      ...(error_details === undefined ? {} : { error_details })
    }
  }
}

/**
 * The instance type of the error class of one `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type ApiError<Tag extends string> = StytchApiError & { readonly _tag: Tag }

/**
 * The constructor of the error class of one `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApiErrorClass<Tag extends string> {
  new(fields: ApiErrorFields): ApiError<Tag>
  /** The wire `error_type` this class stands for. */
  readonly errorType: string
}

/**
 * Makes the error class of one `error_type`. A tiny subclass with `_tag` on its prototype: creating 816 of them
 * at import costs a few milliseconds, where `class` declarations with fields cost several times more.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tagged = <Tag extends string>(tag: Tag, errorType: string): ApiErrorClass<Tag> => {
  class Tagged extends StytchApiError {
    declare readonly _tag: Tag
  }
  Object.defineProperty(Tagged.prototype, "_tag", { value: tag, enumerable: true })
  Object.defineProperty(Tagged, "name", { value: tag })
  Object.defineProperty(Tagged, "errorType", { value: errorType })
  return Tagged as unknown as ApiErrorClass<Tag>
}

/** The classes made so far, by `error_type` (made lazily: a bundle that never sees an error type never builds it). */
let classes: Map<string, ApiErrorClass<string>> | undefined

/** `user_not_found` -> `UserNotFound`, the catalogue's mechanical tag (the generator checks it for every entry). */
const tagOf = (errorType: string): string =>
  errorType.split("_").map((part) => part.slice(0, 1).toUpperCase() + part.slice(1)).join("")

/**
 * The error class of one catalogued `error_type`, made the first time it is asked for and the same class every time
 * after (so `instanceof` holds between a named export such as `UserNotFound` and an error decoded from an answer).
 *
 * @since 0.1.0
 * @category constructors
 */
export const errorClass = <Tag extends string>(errorType: string): ApiErrorClass<Tag> => {
  classes ??= new Map()
  let Class = classes.get(errorType)
  if (Class === undefined) {
    Class = tagged(tagOf(errorType), errorType)
    classes.set(errorType, Class)
  }
  return Class as ApiErrorClass<Tag>
}
