/**
 * Path building and path-parameter validation (plain functions, no Effect).
 */

/**
 * What a path parameter value fails to be, or `undefined` when it is fine. `""`, `.` and `..` are refused: fetch's
 * URL parser removes dot segments, so `users.delete({ user_id: ".." })` would send `DELETE /v1/` and `"."` would
 * land on a neighbouring route. (Any other value is percent-encoded, so `%2e` is sent as `%252e`, not as a dot.)
 */
export const validatePathParam = (value: unknown): string | undefined => {
  if (typeof value !== "string" || value === "") return "a non-empty string"
  if (value === "." || value === "..") return `not "." or ".." (a dot segment leaves the endpoint's route)`
  return undefined
}

/** A path with its parameters filled in, or the first parameter that is not valid and why. */
export type BuiltPath =
  | { readonly _tag: "Path"; readonly path: string }
  | { readonly _tag: "Invalid"; readonly name: string; readonly expected: string }

/** Fills `{name}` in `template` with the percent-encoded value of `params[name]`, for each of `names`. */
export const buildPath = (
  template: string,
  names: ReadonlyArray<string>,
  params: Readonly<Record<string, unknown>>
): BuiltPath => {
  let path = template
  for (const name of names) {
    const value = params[name]
    const expected = validatePathParam(value)
    if (expected !== undefined) return { _tag: "Invalid", name, expected }
    path = path.replace(`{${name}}`, encodeURIComponent(value as string))
  }
  return { _tag: "Path", path }
}
