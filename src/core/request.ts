/**
 * The wire form of a request (plain functions, no Effect; shared by both Effect lines' pipelines): the path with its
 * parameters filled in, and the other fields as a JSON body or a query string, by the endpoint's `fields`.
 */
import { buildPath } from "./path.js"
import type { Fields } from "./wire.js"

/** What the wire form depends on, of an endpoint. */
export interface WireShape {
  readonly path: string
  readonly pathParams: ReadonlyArray<string>
  readonly fields: Fields
}

/**
 * A request as it goes on the wire: its path, and a JSON body or query parameters (or neither); or the first path
 * parameter that is not valid, and why.
 */
export type WireRequest =
  | { readonly _tag: "Body"; readonly path: string; readonly body: string }
  | { readonly _tag: "Query"; readonly path: string; readonly query: Readonly<Record<string, string>> }
  | { readonly _tag: "NoBody"; readonly path: string }
  | { readonly _tag: "Invalid"; readonly name: string; readonly expected: string }

/**
 * The wire form of `encoded` (a request already encoded by its schema) for `endpoint`: path parameters go into the
 * path (percent-encoded, dot segments refused), the other fields into a JSON body (`body`), the query string
 * (`query`: fields that are `undefined` are left out, the others are strings), or nowhere (`none`; `emptyBody`
 * sends the literal body `{}`).
 */
export const wireRequest = (endpoint: WireShape, encoded: Readonly<Record<string, unknown>>): WireRequest => {
  const built = buildPath(endpoint.path, endpoint.pathParams, encoded)
  if (built._tag === "Invalid") return built
  const { path } = built
  switch (endpoint.fields) {
    case "body": {
      const fields: Record<string, unknown> = { ...encoded }
      for (const name of endpoint.pathParams) delete fields[name]
      return { _tag: "Body", path, body: JSON.stringify(fields) }
    }
    case "emptyBody":
      return { _tag: "Body", path, body: "{}" }
    case "query": {
      const query: Record<string, string> = {}
      for (const k in encoded) {
        if (encoded[k] !== undefined && !endpoint.pathParams.includes(k)) query[k] = String(encoded[k])
      }
      return { _tag: "Query", path, query }
    }
    case "none":
      return { _tag: "NoBody", path }
  }
}
