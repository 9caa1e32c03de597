/**
 * The emulator's request pipeline, on a transport-neutral request/response pair (served in-process as an
 * `HttpClient`, or over loopback by `node:http`):
 *
 *   controls (`/emulator/v1/`) | fault injection -> route (from the SDK's endpoint definitions) -> Basic auth ->
 *   read the body (bounded, only now) -> JSON with a nesting cap -> decode with the endpoint's request schema ->
 *   handler -> encode the answer with the endpoint's response schema -> wire JSON
 *
 * Errors are rendered as Stytch error bodies with the catalogue's status and message where known. `handle` cannot
 * fail or die: a malformed request is a 4xx, and any defect in the pipeline a 500 with a Stytch body.
 */
import * as Effect from "effect/Effect"
import type * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { randomUUID } from "node:crypto"
import type { Endpoint } from "../../../src/internal/endpoint.js"
import * as Endpoints from "../../../src/schemas/Endpoints.js"
import { describeParseError } from "../../../src/schemas/Errors.js"
import { ApiFailure, apiFailure, type Ctx, type EndpointId, type Handler, type Handlers, successStatus } from "./contract.js"
import type { SigningKeys } from "./jwt.js"
import type { RequestLog } from "./requestLog.js"
import type { Store } from "./store.js"

export type { Ctx } from "./contract.js"

// ---------------------------------------------------------------------------------------------------------------
// Wire types

export interface WireRequest {
  readonly method: string
  /** Path and query, e.g. `/v1/sessions?user_id=...`. */
  readonly url: string
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * Why a streamed body could not be read: over the server's `maxBodyBytes` (413, and the rest is not read), not
 * UTF-8, or the client went away.
 */
export type BodyError = "tooLarge" | "notUtf8" | "aborted"

/**
 * A request as a transport hands it over: the loopback server passes the body as an effect that reads it from the
 * socket, so that the pipeline reads it only once the route and the credentials have been checked.
 */
export interface IncomingRequest extends Omit<WireRequest, "body"> {
  readonly body: string | Effect.Effect<string, BodyError>
  /** Set by the loopback server: the address it listens on (the controls only accept this or a loopback `Host`). */
  readonly listener?: { readonly host: string; readonly port: number } | undefined
}

export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

// ---------------------------------------------------------------------------------------------------------------
// Fault injection

export interface Fault {
  /** Answer with this status (and a Stytch error body) instead of handling the request. */
  readonly status?: number | undefined
  /** The error_type of that answer (default by status: too_many_requests, internal_server_error, ...). */
  readonly error_type?: string | undefined
  /** A raw body instead of the JSON error body (e.g. an HTML 502 page or truncated JSON). */
  readonly rawBody?: string | undefined
  /** Delay before answering (or before handling, when no status is given), in milliseconds. */
  readonly delayMillis?: number | undefined
  /** A `Retry-After` header value. */
  readonly retryAfter?: string | undefined
  /** Only requests whose path starts with this are affected. */
  readonly pathPrefix?: string | undefined
}

const DEFAULT_ERROR_TYPE: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized_credentials",
  404: "route_not_found",
  408: "request_timeout",
  429: "too_many_requests",
  500: "internal_server_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout"
}

// ---------------------------------------------------------------------------------------------------------------
// Routing

interface Route {
  readonly endpoint: Endpoint
  readonly method: string
  readonly pattern: RegExp
}

const routes: ReadonlyArray<Route> = Endpoints.all.map((endpoint: Endpoint) => ({
  endpoint,
  method: endpoint.method,
  pattern: new RegExp(`^${endpoint.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`)
}))
/** Routes without path parameters, by "METHOD /path": most requests resolve with one map lookup. */
const staticRoutes = new Map(
  routes.filter((r) => r.endpoint.pathParams.length === 0).map((r) => [`${r.method} ${r.endpoint.path}`, r] as const)
)
const paramRoutes = routes.filter((r) => r.endpoint.pathParams.length > 0)

/** `decodeURIComponent`, but `undefined` for malformed percent-encoding (`%zz`, `%`, `%FF`) instead of a URIError. */
export const decodePathSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

const match = (method: string, path: string) => {
  const exact = staticRoutes.get(`${method} ${path}`)
  if (exact !== undefined) return { route: exact, params: {} } as const
  let otherMethod = false
  for (const route of paramRoutes) {
    const m = route.pattern.exec(path)
    if (m === null) continue
    if (route.method !== method) {
      otherMethod = true
      continue
    }
    const params: Record<string, string> = {}
    for (const [k, v] of Object.entries(m.groups ?? {})) {
      const decoded = decodePathSegment(v)
      if (decoded === undefined) return "badPath" as const
      params[k] = decoded
    }
    return { route, params } as const
  }
  if (!otherMethod) for (const r of staticRoutes.values()) if (r.endpoint.path === path) otherMethod = true
  return otherMethod ? "methodNotAllowed" as const : undefined
}

// Request decoders and response encoders, compiled once per schema (synchronous `Either` forms: cheaper).
type Parse = (u: unknown) => Either.Either<any, ParseResult.ParseError>
const decoders = new Map<Schema.Schema.Any, Parse>()
const encoders = new Map<Schema.Schema.Any, Parse>()
const compiled = (map: typeof decoders, schema: Schema.Schema.Any, make: (s: Schema.Schema<any, any>) => Parse) => {
  let fn = map.get(schema)
  if (fn === undefined) map.set(schema, fn = make(schema as Schema.Schema<any, any>))
  return fn
}

const guards = new Map<Schema.Schema.Any, (u: unknown) => boolean>()
const compiledIs = (schema: Schema.Schema.Any) => {
  let fn = guards.get(schema)
  if (fn === undefined) guards.set(schema, fn = Schema.is(Schema.encodedSchema(schema as Schema.Schema<any, any>)))
  return fn
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): WireResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
})

export const errorResponse = (
  failure: ApiFailure,
  request_id: string,
  headers: Record<string, string> = {}
): WireResponse =>
  json(failure.status, {
    status_code: failure.status,
    request_id,
    error_type: failure.error_type,
    error_message: failure.error_message,
    error_url: `https://stytch.com/docs/api/errors/${failure.status}#${failure.error_type}`,
    ...(failure.error_details === undefined ? {} : { error_details: failure.error_details })
  }, headers)

/**
 * The last accepted Authorization header and the credentials it was checked against (one client, one header), per
 * emulator: a header accepted by one emulator says nothing about another's credentials.
 */
export interface AuthCache {
  last?: { readonly header: string; readonly projectId: string; readonly secret: string } | undefined
}

const checkAuth = (cache: AuthCache = {}, header: string | undefined, projectId: string, secret: string): boolean => {
  if (header === undefined || !header.startsWith("Basic ")) return false
  const last = cache.last
  if (last?.header === header && last.projectId === projectId && last.secret === secret) return true
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  const ok = colon > 0 && decoded.slice(0, colon) === projectId && decoded.slice(colon + 1) === secret
  if (ok) cache.last = { header, projectId, secret }
  return ok
}

/**
 * Endpoints Stytch serves without credentials: the JWKS, which the official SDKs fetch without Basic auth for local
 * JWT verification (`authenticateJwtLocal`, `m2m.authenticateToken`).
 */
const PUBLIC_ENDPOINTS: ReadonlySet<string> = new Set(["sessions.getJWKS"])

// ---------------------------------------------------------------------------------------------------------------
// Bodies

/**
 * The deepest JSON nesting a request body may have. Deeper bodies are a 400 before they are parsed, which keeps every
 * later recursion over the value (schema decoding, error descriptions, metadata checks, JSON.stringify of the stored
 * value) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 64

/** The nesting depth of a JSON text's arrays and objects, counted without parsing; stops counting past `max`. */
export const jsonDepthExceeds = (text: string, max: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > max) return true
    } else if (c === 93 || c === 125) depth--
  }
  return false
}

/** A JSON object body (`""` is `{}`), or the message of the 400 that refuses it. */
export type ParsedBody =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly message: string }

export const parseJsonObject = (text: string): ParsedBody => {
  if (text === "") return { ok: true, value: {} }
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    return { ok: false, message: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.` }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: "The request body is not valid JSON." }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "The request body is not a JSON object." }
  }
  return { ok: true, value: value as Record<string, unknown> }
}

const bodyFailure = (error: BodyError): ApiFailure =>
  error === "tooLarge"
    ? apiFailure("request_too_large", "The request body is larger than the emulator accepts (maxBodyBytes).", 413)
    : error === "notUtf8"
    ? apiFailure("bad_request", "The request body is not valid UTF-8.")
    : apiFailure("bad_request", "The request body could not be read.")

/** The default of the loopback server's `maxBodyBytes`, and the cap of in-memory bodies: 1 MiB, far above any Stytch request. */
export const DEFAULT_MAX_BODY_BYTES = 1 << 20

/**
 * Whether a body already in memory is over `max` UTF-8 bytes (in-process requests: the loopback server counts the
 * bytes of a streamed body itself, against its own `maxBodyBytes`). A UTF-16 unit is 1 to 3 bytes, so the exact
 * count is needed only between `max / 3` and `max` units.
 */
const overCap = (text: string, max = DEFAULT_MAX_BODY_BYTES): boolean =>
  text.length > max || (text.length * 3 > max && new TextEncoder().encode(text).length > max)

/**
 * Reads a request's body (once); a body that cannot be read is an `ApiFailure`. An in-memory body (in-process
 * requests) is held to what the loopback server holds bytes to: over the default cap a 413, not representable as
 * UTF-8 a 400, so in-process and loopback answer alike.
 */
export const readBody = (request: IncomingRequest): Effect.Effect<string, ApiFailure> =>
  typeof request.body === "string" ? inMemoryBody(request.body) : Effect.mapError(request.body, bodyFailure)

/** A lone surrogate: a string no UTF-8 body can carry (the loopback server answers such bytes 400). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** An in-memory body checked as the loopback server checks bytes: the default cap, then well-formed Unicode. */
export const checkInMemoryBody = (text: string): BodyError | undefined =>
  overCap(text) ? "tooLarge" : LONE_SURROGATE.test(text) ? "notUtf8" : undefined

const inMemoryBody = (text: string): Effect.Effect<string, ApiFailure> => {
  const problem = checkInMemoryBody(text)
  return problem === undefined ? Effect.succeed(text) : Effect.fail(bodyFailure(problem))
}

// ---------------------------------------------------------------------------------------------------------------
// Public OAuth2 form routes

/**
 * The OAuth2 endpoints under `/v1/public/{project_id}/oauth2/`, which the endpoint table does not hold. They take a
 * form body (a JSON object is accepted too), authenticate with the client credentials in that body instead of the
 * project's Basic auth, and answer errors in the OAuth2 shape. Their handlers sit in the same handler map, under
 * their api-spec ids: a handler receives the fields as strings plus `project_id` from the path, and a failure's
 * `error_type` is the OAuth2 `error` code (`invalid_client`, `invalid_scope`, ...).
 */
const publicFormRoutes: ReadonlyArray<{ readonly id: "m2m.token" | "idp.introspectTokenNetwork"; readonly pattern: RegExp }> = [
  { id: "m2m.token", pattern: /^\/v1\/public\/([^/]+)\/oauth2\/token$/ },
  { id: "idp.introspectTokenNetwork", pattern: /^\/v1\/public\/([^/]+)\/oauth2\/introspect$/ }
]

/** An OAuth2 error body (RFC 6749 section 5.2, plus Stytch's `status_code` and `request_id`). */
const oauth2ErrorResponse = (failure: ApiFailure, request_id: string): WireResponse =>
  json(failure.status, {
    status_code: failure.status,
    request_id,
    error: failure.error_type,
    error_description: failure.error_message,
    error_uri: `https://stytch.com/docs/api/errors/${failure.status}#${failure.error_type}`
  })

/** The fields of a form (or JSON object) body as strings; a string describing the problem when it is neither. */
const formFields = (contentType: string, body: string): Record<string, string> | string => {
  if (contentType.startsWith("application/json")) {
    const parsed = parseJsonObject(body)
    if (!parsed.ok) return parsed.message
    const fields: Record<string, string> = {}
    for (const [k, v] of Object.entries(parsed.value)) {
      if (typeof v !== "string") return `The parameter ${k} must be a string.`
      fields[k] = v
    }
    return fields
  }
  const fields: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(body)) {
    // RFC 6749 section 3.2: request parameters must not be included more than once.
    if (Object.hasOwn(fields, k)) return `The parameter ${k} is repeated.`
    fields[k] = v
  }
  return fields
}

/** Answers a public form route; `undefined` when `path` is not one. */
const handlePublicForm = (
  state: AppState,
  request: IncomingRequest,
  path: string,
  ctx: Ctx
): Effect.Effect<WireResponse> | undefined => {
  const route = publicFormRoutes.find((r) => r.pattern.test(path))
  if (route === undefined) return undefined
  const project_id = decodePathSegment(route.pattern.exec(path)![1]!)
  return Effect.gen(function*() {
    if (project_id === undefined) {
      const failure = apiFailure("invalid_request", "The path is not validly percent-encoded.", 400)
      return oauth2ErrorResponse(failure, ctx.request_id)
    }
    if (request.method !== "POST") {
      return oauth2ErrorResponse(apiFailure("invalid_request", "Only POST is allowed.", 405), ctx.request_id)
    }
    const body = yield* Effect.either(readBody(request))
    if (body._tag === "Left") {
      const failure = new ApiFailure("invalid_request", body.left.status, body.left.error_message)
      return oauth2ErrorResponse(failure, ctx.request_id)
    }
    const fields = formFields(request.headers["content-type"] ?? "", body.right)
    if (typeof fields === "string") {
      return oauth2ErrorResponse(apiFailure("invalid_request", fields, 400), ctx.request_id)
    }
    const handler = state.handlers[route.id] as Handler<"m2m.token" | "idp.introspectTokenNetwork">
    const result = yield* Effect.either(handler(ctx, { ...fields, project_id }).pipe(
      Effect.catchAllDefect((defect) =>
        Effect.fail(new ApiFailure("server_error", 500, `Emulator defect in ${route.id}: ${String(defect)}`))
      )
    ))
    if (result._tag === "Left") return oauth2ErrorResponse(result.left, ctx.request_id)
    return json(200, { ...result.right, request_id: ctx.request_id, status_code: 200 })
  })
}

export interface AppState {
  readonly store: Store
  readonly keys: SigningKeys
  readonly faults: Array<Fault>
  readonly handlers: Handlers
  /** The accepted-credentials cache (none when absent). */
  readonly auth?: AuthCache | undefined
  /** Answers `/emulator/v1/...` (test controls); `undefined` when the path is not a control path. */
  readonly control: (request: IncomingRequest, now: number) => Effect.Effect<WireResponse> | undefined
  /** Where answered API requests are recorded (for the dashboard); none when absent. */
  readonly requestLog?: RequestLog | undefined
}

const takeFault = (faults: Array<Fault>, path: string): Fault | undefined => {
  const i = faults.findIndex((f) => f.pathPrefix === undefined || path.startsWith(f.pathPrefix))
  return i < 0 ? undefined : faults.splice(i, 1)[0]
}

/** Handles one wire request. Never fails and never dies: every problem is an HTTP answer with a Stytch body. */
export const handle = (state: AppState, request: IncomingRequest, baseUrl: string): Effect.Effect<WireResponse> => {
  const request_id = `request-id-test-${randomUUID()}`
  const started = performance.now()
  return pipeline(state, request, baseUrl, request_id).pipe(
    Effect.catchAllDefect((defect) => {
      const message = `Emulator defect: ${defect instanceof Error ? defect.message : String(defect)}`
      return Effect.succeed(errorResponse(new ApiFailure("internal_server_error", 500, message), request_id))
    }),
    Effect.tap((response) =>
      Effect.clockWith((clock) =>
        Effect.sync(() => state.requestLog?.record(request, response, started, clock.unsafeCurrentTimeMillis()))
      )
    )
  )
}

const pipeline = (state: AppState, request: IncomingRequest, baseUrl: string, request_id: string) =>
  Effect.gen(function*() {
    const now = yield* Effect.clockWith((c) => c.currentTimeMillis)
    const queryAt = request.url.indexOf("?")
    const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt)

    const control = state.control(request, now)
    if (control !== undefined) return yield* control

    const fault = takeFault(state.faults, path)
    if (fault !== undefined) {
      if (fault.delayMillis !== undefined) yield* Effect.sleep(fault.delayMillis)
      if (fault.status !== undefined) {
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter }
        if (fault.rawBody !== undefined) {
          return { status: fault.status, headers: { "content-type": "text/html", ...headers }, body: fault.rawBody }
        }
        const error_type = fault.error_type ?? DEFAULT_ERROR_TYPE[fault.status] ?? "internal_server_error"
        return errorResponse(apiFailure(error_type, undefined, fault.status), request_id, headers)
      }
    }

    // The OAuth2 form endpoints: no Basic auth, their own body and error formats.
    const formCtx: Ctx = { store: state.store, keys: state.keys, now, request_id, headers: request.headers, baseUrl }
    const publicForm = handlePublicForm(state, request, path, formCtx)
    if (publicForm !== undefined) return yield* publicForm

    const found = match(request.method, path)
    if (found === undefined) return errorResponse(apiFailure("route_not_found"), request_id)
    if (found === "methodNotAllowed") return errorResponse(apiFailure("method_not_allowed"), request_id)
    if (found === "badPath") {
      return errorResponse(apiFailure("bad_request", "The path is not validly percent-encoded."), request_id)
    }
    const { params, route } = found
    const { store } = state
    const { settings } = store
    // From the headers alone: a request without valid credentials is refused before its body is read.
    if (
      !PUBLIC_ENDPOINTS.has(route.endpoint.id) &&
      !checkAuth(state.auth, request.headers["authorization"], settings.projectId, settings.secret)
    ) {
      return errorResponse(apiFailure("unauthorized_credentials"), request_id)
    }

    let input: Record<string, unknown> = {}
    if (route.endpoint.fields === "body") {
      const body = yield* Effect.either(readBody(request))
      if (body._tag === "Left") return errorResponse(body.left, request_id)
      const parsed = parseJsonObject(body.right)
      if (!parsed.ok) return errorResponse(apiFailure("bad_request", parsed.message), request_id)
      input = parsed.value
    } else if (route.endpoint.fields === "query" && queryAt >= 0) {
      input = Object.fromEntries(new URLSearchParams(request.url.slice(queryAt + 1)))
    }
    input = { ...input, ...params }

    const decoded = compiled(decoders, route.endpoint.request, Schema.decodeUnknownEither)(input)
    if (decoded._tag === "Left") {
      return errorResponse(
        apiFailure("bad_request", `The request is invalid: ${describeParseError(decoded.left)}`),
        request_id
      )
    }

    store.expireUnverifiedFactors(now)
    const id = route.endpoint.id as EndpointId
    const handler = state.handlers[id] as Handler<EndpointId>
    const ctx: Ctx = { store, keys: state.keys, now, request_id, headers: request.headers, baseUrl }
    const result = yield* Effect.either(handler(ctx, decoded.right).pipe(
      Effect.catchAllDefect((defect) =>
        Effect.fail(new ApiFailure("internal_server_error", 500, `Emulator defect in ${route.endpoint.id}: ${String(defect)}`))
      )
    ))
    if (result._tag === "Left") return errorResponse(result.left, request_id)

    const status = successStatus[id] ?? 200
    const body = { ...result.right, request_id, status_code: status }
    // Checking against the wire form of the SDK's own response schema keeps the emulator honest about the wire
    // format (and lets it send the explicit `null`s Stytch sends). `is` allocates nothing; the full check runs only
    // to describe a mismatch.
    const valid = compiledIs(route.endpoint.response)(body)
    const encoded = valid
      ? { _tag: "Right" as const, right: body }
      : compiled(encoders, route.endpoint.response, (s) => Schema.decodeUnknownEither(Schema.encodedSchema(s)))(body)
    if (encoded._tag === "Left") {
      return errorResponse(
        new ApiFailure(
          "internal_server_error",
          500,
          `Emulator bug: the ${route.endpoint.id} answer does not match its schema: ${
            describeParseError(encoded.left)
          }`
        ),
        request_id
      )
    }
    return json(status, encoded.right)
  })
