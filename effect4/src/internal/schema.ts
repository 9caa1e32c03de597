/**
 * Schema helpers the generated Effect 4 schemas use where Effect 4 has no one-call equivalent of an Effect 3
 * construct.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as S from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"

/**
 * The schema `optionalNullable` returns: an optional key whose wire value may also be `null`.
 *
 * @since 0.1.0
 * @category models
 */
export interface optionalNullable<Value extends S.Top>
  extends S.decodeTo<S.optionalKey<S.toType<Value>>, S.optionalKey<S.NullOr<Value>>>
{}

/**
 * A response field that may be missing or `null` on the wire; a `null` decodes to a missing key. The decoded type
 * is `{ readonly key?: A }` and the encoded one `{ readonly key?: I | null }`: Effect 3's
 * `Schema.optionalWith(value, { exact: true, nullable: true })`. Encoding writes the key only when it is present.
 *
 * @since 0.1.0
 * @category constructors
 */
export const optionalNullable = <Value extends S.Top>(value: Value): optionalNullable<Value> =>
  S.optionalKey(S.NullOr(value)).pipe(
    S.decodeTo(S.optionalKey(S.toType(value)), {
      decode: SchemaGetter.transformOptional((o) => Option.filter(o, isPresent)),
      encode: SchemaGetter.passthroughSubtype()
    })
  )

const isPresent = <A>(a: A | null): a is A => a !== null
