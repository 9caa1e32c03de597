/**
 * The emulator's test controls over REST, under `/emulator/v1/` (no auth: see the guard below). The README's
 * "Controls over REST" table documents each request and answer.
 *
 *   GET  /emulator/v1/outbox?to=&kind=&channel=   messages the API would have sent
 *   POST /emulator/v1/reset                        forget all state (JSON body `{ keepSettings?: boolean }`)
 *   GET  /emulator/v1/settings                     project settings
 *   PATCH /emulator/v1/settings                    update them (JSON body: a partial settings object, deep-merged)
 *   POST /emulator/v1/keys/rotate                  new signing key; answers { kid }
 *   POST /emulator/v1/faults                       JSON body: a Fault plus optional "count"
 *   POST /emulator/v1/oauth/tokens                 mint an OAuth token (JSON body: MintOAuthTokenRequest)
 *   POST /emulator/v1/impersonation/tokens         mint an impersonation token
 *   POST /emulator/v1/sessions                     seed a session; answers { session_id, session_token, session_jwt }
 *   POST /emulator/v1/telemetry                    seed DFP telemetry (JSON body: SeedTelemetryOptions)
 *   POST /emulator/v1/sessions/revoke              revoke one session (JSON body `{ session_id }`)
 *   GET  /emulator/v1/state                        the saved state (README "Saved state")
 *   PUT  /emulator/v1/state                        replace the whole state with a saved one (JSON body: the state)
 *
 * Read-only views for the dashboard (`/` and `/emulator/ui`, see ../ui/page.ts), never showing a secret (no password
 * hash, client secret, session token or JWT; the outbox shows what the API "sent", codes and links included):
 *
 *   GET  /emulator/v1/summary                      counts and the newest request's seq (the page polls it)
 *   GET  /emulator/v1/users?q=&status=             users matching an email, phone number, id or name (newest first)
 *   GET  /emulator/v1/users/{user_id}              one user (as users.get answers it) and their sessions
 *   GET  /emulator/v1/m2m/clients                  M2M clients
 *   GET  /emulator/v1/connected-apps/clients       Connected Apps clients
 *   GET  /emulator/v1/fraud/rules                  DFP rules
 *   GET  /emulator/v1/telemetry                    seeded DFP telemetry
 *   GET  /emulator/v1/faults                       the queued faults, next first
 *   GET  /emulator/v1/requests                     the request log, newest first
 *
 * Every body is decoded with a closed schema: an unknown key or a bad value is a 400 `{ error }` naming the field.
 * Errors are `{ error: string }` (these are the emulator's own endpoints, not Stytch's).
 *
 * The guard: the controls are unauthenticated and the default credentials are public, so over the loopback server a
 * control request must name a loopback host (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`) or the address the
 * server listens on, with its port, in `Host` (DNS rebinding); must carry no `Origin` but one of those (a page
 * elsewhere); and a write must be `application/json` (which a cross-site page cannot send without a preflight).
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { RBACPolicy } from "../../../src/schemas/Models.js"
import type { Service } from "../Emulator.js"
import { sessionWire, userWire } from "../handlers/common.js"
import * as Page from "../ui/page.js"
import { type Fault, type IncomingRequest, parseJsonObject, readBody, type WireResponse } from "./app.js"
import type { RequestLog } from "./requestLog.js"
import {
  type ConnectedAppClientRecord,
  iso,
  type M2MClientRecord,
  type OutboxMessage,
  type Settings,
  type Store,
  type UserRecord
} from "./store.js"

const reply = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body)
})

const refuse = (status: number, error: string) => Effect.succeed(reply(status, { error }))

// ---------------------------------------------------------------------------------------------------------------
// Schemas (closed: unknown keys are errors)

/** The first problem of a decoding, as `field: message`. */
const firstProblem = (error: ParseResult.ParseError): string => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  if (issue === undefined) return "invalid"
  return issue.path.length === 0 ? issue.message : `${issue.path.join(".")}: ${issue.message}`
}

const decoder = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = Schema.decodeUnknownEither(schema, { onExcessProperty: "error", errors: "first" })
  return (u: unknown): Either.Either<A, string> => Either.mapLeft(decode(u), firstProblem)
}

const Int = (min: number, max: number) => Schema.Int.pipe(Schema.between(min, max))
/** A header-safe value (printable ASCII), so that writing it can never throw. */
const HeaderValue = Schema.String.pipe(Schema.pattern(/^[\x20-\x7e]{0,256}$/))

/** Most faults one request can queue. */
export const MAX_FAULT_COUNT = 1000

const FaultFields = {
  status: Schema.optional(Int(200, 599)),
  error_type: Schema.optional(Schema.String.pipe(Schema.pattern(/^[a-z0-9_]{1,100}$/))),
  rawBody: Schema.optional(Schema.String.pipe(Schema.maxLength(1 << 20))),
  delayMillis: Schema.optional(Int(0, 600_000)),
  retryAfter: Schema.optional(HeaderValue),
  pathPrefix: Schema.optional(Schema.String.pipe(Schema.maxLength(1000)))
}

const checkFault = (f: Fault): true | string =>
  f.status === undefined && f.delayMillis === undefined
    ? "a fault needs a status (to fail) or a delayMillis (to stall)"
    : f.status === undefined && (f.rawBody !== undefined || f.error_type !== undefined || f.retryAfter !== undefined)
    ? "rawBody, error_type and retryAfter need a status"
    : true

const FaultSchema: Schema.Schema<Fault> = Schema.Struct(FaultFields).pipe(Schema.filter(checkFault))
const FaultRequest = Schema.Struct({ ...FaultFields, count: Schema.optional(Int(1, MAX_FAULT_COUNT)) }).pipe(
  Schema.filter(checkFault)
)

/** A fault, validated (the REST control and `failNext` share it). */
export const decodeFault = decoder(FaultSchema)

const OUTBOX_KINDS = ["magic_link_login", "magic_link_signup", "magic_link_invite", "password_reset", "otp"] as const
const OUTBOX_CHANNELS = ["email", "sms", "whatsapp"] as const
// The lists above must name exactly the store's kinds and channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _kinds: Same<typeof OUTBOX_KINDS[number], OutboxMessage["kind"]> = true
const _channels: Same<typeof OUTBOX_CHANNELS[number], OutboxMessage["channel"]> = true
void _kinds
void _channels

const OutboxQuery = Schema.Struct({
  to: Schema.optional(Schema.String),
  kind: Schema.optional(Schema.Literal(...OUTBOX_KINDS)),
  channel: Schema.optional(Schema.Literal(...OUTBOX_CHANNELS))
})

const StrengthPolicyFields = {
  policy: Schema.Literal("zxcvbn", "luds"),
  ludsMinLength: Int(1, 256),
  ludsMinCharTypes: Int(1, 4),
  checkBreached: Schema.Boolean
}

const OtpMaxAttempts = Int(1, 100)

const BoundedString = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(10_000))
/** A Trusted Auth Token profile (`sessions.attest`); the keys are PEM text, checked when a token is attested. */
const TrustedAuthTokenProfileSchema = Schema.Struct({
  profile_id: BoundedString,
  issuer: BoundedString,
  audience: BoundedString,
  public_keys: Schema.Array(BoundedString).pipe(Schema.minItems(1), Schema.maxItems(20)),
  attribute_mapping: Schema.optional(Schema.Struct({
    email: Schema.optional(BoundedString),
    token_id: Schema.optional(BoundedString)
  }))
})

/** The settings a control may set: everything but the project id and the secret. */
type Editable = Omit<Settings, "projectId" | "secret">
const EditableSettings = Schema.Struct({
  passwordPolicy: Schema.Struct(StrengthPolicyFields),
  userinfoUrl: Schema.optional(Schema.String),
  loginRedirectUrl: Schema.String,
  signupRedirectUrl: Schema.String,
  inviteRedirectUrl: Schema.String,
  resetPasswordRedirectUrl: Schema.String,
  otpMaxAttempts: OtpMaxAttempts,
  projectName: Schema.String,
  // The policy is answered as is by rbac.policy, so it must have the wire shape.
  rbacPolicy: RBACPolicy,
  trustedAuthTokenProfiles: Schema.Array(TrustedAuthTokenProfileSchema).pipe(Schema.maxItems(100))
})
// The schema must describe the store's settings exactly (a new setting needs a field here).
const _editable: Same<Schema.Schema.Type<typeof EditableSettings>, Editable> = true
void _editable

/** A patch: any subset of the settings, `passwordPolicy` itself partial; `userinfoUrl: null` removes it. */
const SettingsPatch = Schema.extend(
  Schema.partial(EditableSettings.omit("passwordPolicy", "userinfoUrl")),
  Schema.Struct({
    userinfoUrl: Schema.optional(Schema.NullOr(Schema.String)),
    passwordPolicy: Schema.optional(Schema.partial(Schema.Struct(StrengthPolicyFields)))
  })
)
const decodeSettingsPatch = decoder(SettingsPatch)
const decodeEditable = decoder(EditableSettings)

/**
 * `current` with `patch` deep-merged into it (`passwordPolicy` field by field; the RBAC policy, a whole, replaced),
 * then validated as a whole; the message names the bad field. Nothing changes unless the result is valid.
 */
export const mergeSettings = (current: Settings, patch: unknown): Either.Either<Settings, string> =>
  Either.flatMap(decodeSettingsPatch(patch), (p) => {
    const { projectId, secret, ...editable } = current
    const merged: Record<string, unknown> = {
      ...editable,
      ...p,
      passwordPolicy: { ...editable.passwordPolicy, ...p.passwordPolicy }
    }
    if (p.userinfoUrl === null) delete merged.userinfoUrl
    return Either.map(decodeEditable(merged), (valid) => ({ ...valid, projectId, secret }))
  })

const MintOAuthToken = Schema.Struct({
  provider_type: Schema.String,
  provider_subject: Schema.String,
  email: Schema.optional(Schema.String),
  email_verified: Schema.optional(Schema.Boolean),
  name: Schema.optional(Schema.String),
  profile_picture_url: Schema.optional(Schema.String),
  locale: Schema.optional(Schema.String),
  expiration_minutes: Schema.optional(Int(1, 525_600)),
  attach_token: Schema.optional(Schema.String),
  code_challenge: Schema.optional(Schema.String),
  scopes: Schema.optional(Schema.Array(Schema.String))
})

const MintImpersonationToken = Schema.Struct({
  user_id: Schema.String,
  impersonator_id: Schema.optional(Schema.String),
  impersonator_email_address: Schema.optional(Schema.String)
})

const SeedSession = Schema.Struct({
  user_id: Schema.String,
  session_duration_minutes: Schema.optional(Schema.Number),
  custom_claims: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

const optionalStrings = <K extends string>(...keys: ReadonlyArray<K>) =>
  Object.fromEntries(keys.map((k) => [k, Schema.optional(Schema.String)])) as {
    [P in K]: Schema.optional<typeof Schema.String>
  }

const SeedTelemetry = Schema.Struct({
  ...optionalStrings(
    "telemetry_id",
    "hardware_id",
    "network_id",
    "visitor_id",
    "browser_id",
    "visitor_fingerprint",
    "browser_fingerprint",
    "hardware_fingerprint",
    "network_fingerprint",
    "ip_address",
    "user_agent",
    "country",
    "region",
    "city",
    "asn",
    "asn_name",
    "asn_network",
    "detected_device_type"
  ),
  is_proxy: Schema.optional(Schema.Boolean),
  is_vpn: Schema.optional(Schema.Boolean),
  is_authentic_device: Schema.optional(Schema.Boolean),
  verdict_reasons: Schema.optional(Schema.Array(Schema.String)),
  expires_in_minutes: Schema.optional(Schema.Number)
})

const RevokeSession = Schema.Struct({ session_id: Schema.String.pipe(Schema.maxLength(200)) })

const UsersQuery = Schema.Struct({
  q: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  status: Schema.optional(Schema.Literal("active", "pending"))
})

const Empty = Schema.Struct({})
const Reset = Schema.Struct({ keepSettings: Schema.optional(Schema.Boolean) })

// ---------------------------------------------------------------------------------------------------------------
// The guard

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"])

/** Whether `host[:port]` (`Host`, an origin's authority) names this server (loopback or its address, its port). */
const isOwnAuthority = (authority: string, listener: { readonly host: string; readonly port: number }): boolean => {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(authority)
  if (m === null) return false
  const host = m[1]!.toLowerCase()
  const port = m[2] === undefined ? 80 : Number(m[2])
  const listening = listener.host.includes(":") ? `[${listener.host.toLowerCase()}]` : listener.host.toLowerCase()
  const named = LOOPBACK_HOSTS.has(host) || host.endsWith(".localhost") || host === listening
  return named && port === listener.port
}

/** Why a control request over the loopback server is refused (403), or `undefined`. */
const guard = (request: IncomingRequest): string | undefined => {
  const { listener } = request
  if (listener === undefined) return undefined // in-process: no network, no browser
  const host = request.headers["host"]
  if (host === undefined || !isOwnAuthority(host, listener)) {
    return "the Host header must name this server (a loopback name or its address, with its port)"
  }
  const origin = request.headers["origin"]
  if (origin !== undefined) {
    const m = /^https?:\/\/([^/]+)$/i.exec(origin)
    if (m === null || !isOwnAuthority(m[1]!, listener)) return "cross-origin requests to the controls are refused"
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Routes

const GET_ROUTES = new Set([
  "GET /outbox",
  "GET /settings",
  "GET /state",
  "GET /summary",
  "GET /users",
  "GET /users/:id",
  "GET /m2m/clients",
  "GET /connected-apps/clients",
  "GET /fraud/rules",
  "GET /telemetry",
  "GET /faults",
  "GET /requests"
])

/** The emulator's state the dashboard's views read (beside the service). */
export interface ControlState {
  readonly store: Store
  readonly faults: ReadonlyArray<Fault>
  readonly requestLog: RequestLog
}

/** Most users one search answers. */
export const MAX_USERS_LISTED = 200

/** The query parameters of a GET control; a string when one is repeated. */
const queryParams = (query: string): Record<string, string> | string => {
  const params: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(query)) {
    if (Object.hasOwn(params, k)) return `${k}: repeated`
    params[k] = v
  }
  return params
}

const userMatches = (u: UserRecord, q: string): boolean =>
  u.user_id.toLowerCase().includes(q) ||
  u.emails.some((e) => e.email.toLowerCase().includes(q)) ||
  u.phone_numbers.some((p) => p.phone_number.includes(q)) ||
  (u.external_id ?? "").toLowerCase().includes(q) ||
  [u.name?.first_name, u.name?.middle_name, u.name?.last_name].some((n) => n?.toLowerCase().includes(q) === true)

const m2mClientView = (c: M2MClientRecord) => ({
  client_id: c.client_id,
  client_name: c.client_name,
  client_description: c.client_description,
  status: c.status,
  scopes: [...c.scopes],
  created_at: iso(c.created_at),
  client_secret_last_four: c.secret.last_four,
  next_client_secret_last_four: c.next_secret?.last_four,
  trusted_metadata: c.trusted_metadata
})

const connectedAppView = (c: ConnectedAppClientRecord) => ({
  client_id: c.client_id,
  client_name: c.client_name,
  client_description: c.client_description,
  client_type: c.client_type,
  status: c.status,
  redirect_urls: [...c.redirect_urls],
  full_access_allowed: c.full_access_allowed,
  created_at: iso(c.created_at),
  client_secret_last_four: c.secret?.last_four
})

const pageResponse = (path: string): WireResponse | undefined => {
  const asset = path === "/" || path === "/emulator/ui" || path === "/emulator/ui/"
    ? Page.html
    : path === "/emulator/ui/app.js"
    ? Page.script
    : path === "/emulator/ui/app.css"
    ? Page.style
    : undefined
  if (path === "/favicon.ico") return { status: 204, headers: Page.headers, body: "" }
  if (asset === undefined) return undefined
  return { status: 200, headers: { ...Page.headers, "content-type": asset.contentType }, body: asset.body }
}

/** The page's paths (the browser asks for `/favicon.ico` by itself: answered empty, so it is not an API request). */
const isPagePath = (path: string) =>
  path === "/" || path === "/favicon.ico" || path === "/emulator/ui" || path.startsWith("/emulator/ui/")

export const makeControl = (emulator: Service, state: ControlState) =>
(request: IncomingRequest, now: number): Effect.Effect<WireResponse> | undefined => {
  const queryAt = request.url.indexOf("?")
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt)
  if (isPagePath(path)) {
    return Effect.sync(() => {
      const refused = guard(request)
      if (refused !== undefined) return reply(403, { error: refused })
      if (request.method !== "GET" && request.method !== "HEAD") return reply(405, { error: "the page is GET only" })
      return pageResponse(path) ?? reply(404, { error: `no page ${path}` })
    })
  }
  if (!request.url.startsWith("/emulator/v1/")) return undefined
  return Effect.gen(function*() {
    const refused = guard(request)
    if (refused !== undefined) return reply(403, { error: refused })
    const sub = path.slice("/emulator/v1".length)
    const userPath = /^\/users\/([^/]+)$/.exec(sub)
    const route = `${request.method} ${userPath === null ? sub : "/users/:id"}`
    const isRead = GET_ROUTES.has(route)
    if (!isRead && !(request.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      return reply(415, { error: "control writes must be sent as content-type: application/json" })
    }
    const text = yield* Effect.either(readBody(request))
    if (Either.isLeft(text)) return reply(text.left.status, { error: text.left.error_message })
    if (isRead && text.right !== "") return reply(400, { error: "a GET control takes no body" })
    // A saved state has its own caps (size, deeper nesting than a request body) and its own validation.
    if (route === "PUT /state") {
      return yield* emulator.importState(text.right).pipe(
        Effect.as(reply(200, { imported: true })),
        Effect.catchTag("ImportStateError", (e) => refuse(400, e.message))
      )
    }
    const parsed = parseJsonObject(text.right)
    if (!parsed.ok) return reply(400, { error: parsed.message })
    const body = parsed.value
    /** Decodes the body with `schema`, then answers with `f`; a decoding problem is a 400 naming the field. */
    const withBody = <A, I>(schema: Schema.Schema<A, I>, f: (a: A) => Effect.Effect<WireResponse>) =>
      Either.match(decoder(schema)(body), { onLeft: (error) => refuse(400, error), onRight: f })

    switch (route) {
      case "GET /outbox": {
        const params = queryParams(queryAt < 0 ? "" : request.url.slice(queryAt + 1))
        if (typeof params === "string") return reply(400, { error: params })
        const filter = decoder(OutboxQuery)(params)
        if (Either.isLeft(filter)) return reply(400, { error: filter.left })
        return yield* Effect.map(emulator.outbox(filter.right), (messages) => reply(200, { messages }))
      }
      case "POST /reset":
        return yield* withBody(Reset, ({ keepSettings }) =>
          Effect.as(keepSettings === true ? emulator.resetKeepingSettings : emulator.reset, reply(200, { reset: true }))
        )
      case "GET /state":
        return yield* Effect.map(emulator.exportState, (state) => reply(200, state))
      case "GET /settings":
        return yield* Effect.map(emulator.settings, (settings) => reply(200, { ...settings, secret: undefined }))
      case "PATCH /settings":
        return yield* Either.match(mergeSettings(yield* emulator.settings, body), {
          onLeft: (error) => refuse(400, error),
          onRight: ({ projectId: _p, secret: _s, ...valid }) =>
            Effect.map(emulator.updateSettings(valid), (settings) => reply(200, { ...settings, secret: undefined }))
        })
      case "POST /keys/rotate":
        return yield* withBody(Empty, () => Effect.map(emulator.rotateKeys, (kid) => reply(200, { kid })))
      case "POST /faults":
        return yield* withBody(FaultRequest, ({ count = 1, ...fault }) =>
          Effect.as(emulator.failNext(fault, count), reply(200, { queued: true })))
      case "POST /oauth/tokens":
        return yield* withBody(MintOAuthToken, (req) => seeding(emulator.mintOAuthToken(req)))
      // The seeding controls die on a broken setup (an unknown user, a bad duration): over REST, a 400 with the reason.
      case "POST /impersonation/tokens":
        return yield* withBody(MintImpersonationToken, (req) => seeding(emulator.mintImpersonationToken(req)))
      case "POST /sessions":
        return yield* withBody(SeedSession, (req) => seeding(emulator.seedSession(req)))
      case "POST /telemetry":
        return yield* withBody(SeedTelemetry, (req) => seeding(emulator.seedTelemetry(req)))
      case "POST /sessions/revoke":
        return yield* withBody(RevokeSession, ({ session_id }) =>
          Effect.sync(() => {
            const session = state.store.sessions.get(session_id)
            if (session === undefined) return reply(404, { error: `session_id: no session ${session_id}` })
            state.store.deleteSession(session)
            return reply(200, { revoked: true })
          }))
      case "GET /summary": {
        const { store } = state
        return reply(200, {
          users: store.users.size,
          sessions: store.sessions.size,
          outbox: store.outbox.length,
          m2m_clients: store.m2mClients.size,
          connected_apps: store.connectedAppClients.size,
          fraud_rules: store.fraudRules.size,
          telemetry: store.telemetry.size,
          faults: state.faults.length,
          last_request: state.requestLog.last
        })
      }
      case "GET /users": {
        const params = queryParams(queryAt < 0 ? "" : request.url.slice(queryAt + 1))
        if (typeof params === "string") return reply(400, { error: params })
        const query = decoder(UsersQuery)(params)
        if (Either.isLeft(query)) return reply(400, { error: query.left })
        const q = (query.right.q ?? "").trim().toLowerCase()
        const { status } = query.right
        const sessions = new Map<string, number>()
        for (const s of state.store.sessions.values()) {
          if (s.expires_at > now) sessions.set(s.user_id, (sessions.get(s.user_id) ?? 0) + 1)
        }
        const found = [...state.store.users.values()].reverse()
          .filter((u) => (status === undefined || u.status === status) && (q === "" || userMatches(u, q)))
        return reply(200, {
          total: found.length,
          users: found.slice(0, MAX_USERS_LISTED).map((u) => ({
            ...userWire(u),
            active_sessions: sessions.get(u.user_id) ?? 0
          }))
        })
      }
      case "GET /users/:id": {
        let user_id: string
        try {
          user_id = decodeURIComponent(userPath![1]!)
        } catch {
          return reply(400, { error: "user_id: not validly percent-encoded" })
        }
        const user = state.store.users.get(user_id)
        if (user === undefined) return reply(404, { error: `no user ${user_id}` })
        const sessions = [...state.store.sessions.values()]
          .filter((s) => s.user_id === user_id && s.expires_at > now)
          .map((s) => sessionWire(s, user))
        return reply(200, { user: userWire(user), sessions })
      }
      case "GET /m2m/clients":
        return reply(200, { clients: [...state.store.m2mClients.values()].map(m2mClientView) })
      case "GET /connected-apps/clients":
        return reply(200, { clients: [...state.store.connectedAppClients.values()].map(connectedAppView) })
      case "GET /fraud/rules":
        return reply(200, {
          rules: [...state.store.fraudRules.values()].map((r) => ({
            rule_type: r.rule_type,
            identifier: r.identifier,
            action: r.action,
            description: r.description,
            created_at: iso(r.created_at),
            expires_at: r.expires_at === undefined ? undefined : iso(r.expires_at)
          }))
        })
      case "GET /telemetry":
        return reply(200, {
          telemetry: [...state.store.telemetry.values()].filter((t) => t.expires_at > now).map((t) => ({
            ...t,
            created_at: iso(t.created_at),
            expires_at: iso(t.expires_at)
          }))
        })
      case "GET /faults":
        return reply(200, { faults: state.faults })
      case "GET /requests":
        return reply(200, { requests: state.requestLog.list() })
      default:
        return reply(404, { error: `no emulator control ${route}` })
    }
  })
}

/** The answer of a seeding control: what it made, or a 400 naming why it died. */
const seeding = <A>(effect: Effect.Effect<A>): Effect.Effect<WireResponse> =>
  effect.pipe(
    Effect.map((made) => reply(200, made)),
    Effect.catchAllDefect((defect) =>
      Effect.succeed(reply(400, { error: defect instanceof Error ? defect.message : String(defect) }))
    )
  )
