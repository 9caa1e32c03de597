/**
 * Connected Apps: the project's OAuth clients (create, get, update, delete, search with cursors) and secret rotation
 * (start, cancel, complete).
 *
 * Client types: `first_party` and `third_party` are confidential and hold a secret; `first_party_public` and
 * `third_party_public` are public and hold none. A secret is shown once (create, rotateStart) and stored as a
 * SHA-256 hash with its last four characters, as M2M secrets are: random and long, so a fast hash is enough.
 *
 * Every handler validates everything first, then mutates in one synchronous block: a failure changes nothing.
 *
 * Facts from the catalogue: `connected_app_not_found` (404 and its message). Guesses (the catalogue has the
 * error_type names but no status or message; the docs do not state these rules):
 * - a `client_id` that is not a `connected-app-<test|live>-<uuid>` id (create takes no custom id) is 400
 *   `invalid_client_id`, a well-formed unknown one `connected_app_not_found`;
 * - every other failure is a 400 with a message written here;
 * - an unknown `client_type` is `invalid_connected_app_type`;
 * - redirect URLs (and post-logout redirect URLs, checked by the same rules): a URL without a scheme is
 *   `connected_app_redirect_url_must_include_scheme`; one that does not parse, or carries a fragment (RFC 6749
 *   section 3.1.2), is `connected_app_invalid_redirect_url`; a scheme other than http/https is
 *   `connected_app_redirect_url_must_use_http_or_https_scheme` (no private-use schemes, even for public clients);
 *   `http` only on a loopback host (`localhost`, 127.0.0.0/8, `[::1]`), else
 *   `connected_app_redirect_url_http_scheme_must_use_loopback`; third-party clients may not name the host
 *   `localhost` (http or https; loopback IP literals stay allowed, as RFC 8252 section 8.3 recommends), which is
 *   `connected_app_redirect_url_cannot_use_localhost`; repeated URLs are kept once, in order; more than
 *   MAX_REDIRECT_URLS is `too_many_redirect_urls`;
 * - `full_access_allowed` and `bypass_consent_for_offline_access` are for first-party clients only (the docs say
 *   so): `true` on a third-party client is `bad_request`;
 * - `access_token_expiry_minutes`: an integer from 5 to 1440, 60 by default; otherwise
 *   `idp_invalid_access_token_expiry_minutes`;
 * - `logo_url`: an absolute http(s) URL, otherwise `invalid_url`; `""` on update removes it, as `""` does for
 *   `access_token_custom_audience`;
 * - rotation on a public client is `public_connected_apps_do_not_have_secrets`; a second rotateStart is
 *   `connected_app_already_rotating_secret`; rotate or rotateCancel without one is
 *   `connected_app_not_rotating_secret`;
 * - search: `limit` from 1 to 1000 (100 by default) and an unreadable cursor are `bad_request`, as for M2M;
 * - `status` is always `active` (no endpoint changes it) and `creation_method` is `api`.
 */
import * as Effect from "effect/Effect"
import { isIP } from "node:net"
import { type ApiFailure, type Ctx, fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import { type ConnectedAppClientRecord, newId, type Store } from "../internal/store.js"
import { newSecret, pageRequest, storedSecret, unknownConnectedApp } from "./common.js"

type ClientType = ConnectedAppClientRecord["client_type"]

const CLIENT_TYPES: ReadonlyArray<ClientType> = ["first_party", "first_party_public", "third_party", "third_party_public"]
const isClientType = (s: string): s is ClientType => (CLIENT_TYPES as ReadonlyArray<string>).includes(s)
const isConfidential = (t: ClientType) => t === "first_party" || t === "third_party"
const isThirdParty = (t: ClientType) => t === "third_party" || t === "third_party_public"

const DEFAULT_EXPIRY_MINUTES = 60
const MIN_EXPIRY_MINUTES = 5
const MAX_EXPIRY_MINUTES = 1440
const MAX_REDIRECT_URLS = 50

// ---------------------------------------------------------------------------------------------------------------
// Wire shape

const clientWire = (c: ConnectedAppClientRecord) => ({
  client_id: c.client_id,
  client_name: c.client_name,
  client_description: c.client_description,
  status: c.status,
  full_access_allowed: c.full_access_allowed,
  client_type: c.client_type,
  redirect_urls: [...c.redirect_urls],
  access_token_expiry_minutes: c.access_token_expiry_minutes,
  access_token_template_content: c.access_token_template_content,
  post_logout_redirect_urls: [...c.post_logout_redirect_urls],
  bypass_consent_for_offline_access: c.bypass_consent_for_offline_access,
  creation_method: c.creation_method,
  ...(c.secret === undefined ? {} : { client_secret_last_four: c.secret.last_four }),
  next_client_secret_last_four: c.next_secret === undefined ? null : c.next_secret.last_four,
  ...(c.access_token_custom_audience === undefined ? {} : { access_token_custom_audience: c.access_token_custom_audience }),
  ...(c.logo_url === undefined ? {} : { logo_url: c.logo_url })
})

const getClient = (store: Store, client_id: string): Effect.Effect<ConnectedAppClientRecord, ApiFailure> => {
  const client = store.connectedAppClients.get(client_id)
  return client === undefined ? unknownConnectedApp(client_id) : Effect.succeed(client)
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const isLoopbackHost = (hostname: string) => {
  const host = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname
  if (isLocalhost(host)) return true
  if (isIP(host) === 4) return host.startsWith("127.")
  return isIP(host) === 6 && (host === "::1" || host === "0:0:0:0:0:0:0:1")
}

const isLocalhost = (hostname: string) => {
  const host = hostname.toLowerCase().replace(/\.$/, "")
  return host === "localhost" || host.endsWith(".localhost")
}

/** A scheme, and not a `host:port` without one (`localhost:3000/callback`). */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)/

/** One redirect URL, checked for a client of type `type`. */
const checkRedirectUrl = (url: string, type: ClientType): Effect.Effect<void, ApiFailure> => {
  if (!SCHEME.test(url)) {
    return fail("connected_app_redirect_url_must_include_scheme", `The redirect URL ${url} has no scheme.`, 400)
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return fail("connected_app_invalid_redirect_url", `The redirect URL ${url} is not a valid URL.`, 400)
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return fail(
      "connected_app_redirect_url_must_use_http_or_https_scheme",
      `The redirect URL ${url} must use the https scheme (or http on a loopback host).`,
      400
    )
  }
  if (parsed.hostname === "") {
    return fail("connected_app_invalid_redirect_url", `The redirect URL ${url} has no host.`, 400)
  }
  if (parsed.hash !== "" || url.includes("#")) {
    return fail("connected_app_invalid_redirect_url", `The redirect URL ${url} must not contain a fragment.`, 400)
  }
  if (parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname)) {
    return fail(
      "connected_app_redirect_url_http_scheme_must_use_loopback",
      `The redirect URL ${url} uses http on a host that is not a loopback address; use https.`,
      400
    )
  }
  if (isThirdParty(type) && isLocalhost(parsed.hostname)) {
    return fail(
      "connected_app_redirect_url_cannot_use_localhost",
      `Third-party clients cannot use localhost in redirect URLs (${url}); use a loopback IP such as 127.0.0.1.`,
      400
    )
  }
  return Effect.void
}

/** A list of redirect URLs: each checked, repeats dropped (first kept). */
const checkRedirectUrls = (
  urls: ReadonlyArray<string> | undefined,
  type: ClientType
): Effect.Effect<Array<string> | undefined, ApiFailure> =>
  Effect.suspend(() => {
    if (urls === undefined) return Effect.succeed(undefined)
    const unique = [...new Set(urls)]
    if (unique.length > MAX_REDIRECT_URLS) {
      return fail("too_many_redirect_urls", `A Connected App can have at most ${MAX_REDIRECT_URLS} redirect URLs.`, 400)
    }
    return Effect.as(Effect.forEach(unique, (u) => checkRedirectUrl(u, type), { discard: true }), unique)
  })

interface ClientFields {
  readonly redirect_urls?: ReadonlyArray<string> | undefined
  readonly post_logout_redirect_urls?: ReadonlyArray<string> | undefined
  readonly full_access_allowed?: boolean | undefined
  readonly bypass_consent_for_offline_access?: boolean | undefined
  readonly access_token_expiry_minutes?: number | undefined
  readonly logo_url?: string | undefined
}

/** The checks create and update share, for a client of type `type`; the redirect URL lists come back de-duplicated. */
const checkFields = (req: ClientFields, type: ClientType) =>
  Effect.gen(function*() {
    if (isThirdParty(type)) {
      if (req.full_access_allowed === true) {
        return yield* fail("bad_request", "full_access_allowed is valid for first-party clients only.", 400)
      }
      if (req.bypass_consent_for_offline_access === true) {
        return yield* fail(
          "bad_request",
          "bypass_consent_for_offline_access is valid for first-party clients only.",
          400
        )
      }
    }
    const minutes = req.access_token_expiry_minutes
    if (
      minutes !== undefined &&
      (!Number.isInteger(minutes) || minutes < MIN_EXPIRY_MINUTES || minutes > MAX_EXPIRY_MINUTES)
    ) {
      return yield* fail(
        "idp_invalid_access_token_expiry_minutes",
        `access_token_expiry_minutes must be a whole number from ${MIN_EXPIRY_MINUTES} to ${MAX_EXPIRY_MINUTES}.`,
        400
      )
    }
    if (req.logo_url !== undefined && req.logo_url !== "") {
      let ok = false
      try {
        const u = new URL(req.logo_url)
        ok = (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== ""
      } catch {
        ok = false
      }
      if (!ok) return yield* fail("invalid_url", "logo_url must be an absolute http or https URL.", 400)
    }
    const redirect_urls = yield* checkRedirectUrls(req.redirect_urls, type)
    const post_logout_redirect_urls = yield* checkRedirectUrls(req.post_logout_redirect_urls, type)
    return { redirect_urls, post_logout_redirect_urls }
  })

/** `""` means absent. */
const optional = (s: string | undefined) => (s === undefined || s === "" ? undefined : s)

// ---------------------------------------------------------------------------------------------------------------
// Clients

const create: Handler<"connectedApp.clients.create"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const type: string = req.client_type
    if (!isClientType(type)) {
      return yield* fail(
        "invalid_connected_app_type",
        `client_type must be one of ${CLIENT_TYPES.join(", ")}.`,
        400
      )
    }
    const urls = yield* checkFields(req, type)
    const client_secret = isConfidential(type) ? newSecret() : undefined
    const client: ConnectedAppClientRecord = {
      client_id: newId("connected-app", store.settings.projectId),
      seq: store.nextSeq(),
      created_at: ctx.now,
      client_type: type,
      creation_method: "api",
      client_name: req.client_name ?? "",
      client_description: req.client_description ?? "",
      status: "active",
      full_access_allowed: req.full_access_allowed ?? false,
      bypass_consent_for_offline_access: req.bypass_consent_for_offline_access ?? false,
      redirect_urls: urls.redirect_urls ?? [],
      post_logout_redirect_urls: urls.post_logout_redirect_urls ?? [],
      access_token_expiry_minutes: req.access_token_expiry_minutes ?? DEFAULT_EXPIRY_MINUTES,
      access_token_template_content: req.access_token_template_content ?? "",
      access_token_custom_audience: optional(req.access_token_custom_audience),
      logo_url: optional(req.logo_url),
      secret: client_secret === undefined ? undefined : storedSecret(client_secret)
    }
    store.putConnectedAppClient(client)
    // The only answer that carries the secret: it is not stored in the clear. (Its model has no creation_method.)
    const { creation_method: _, ...shown } = clientWire(client)
    return { connected_app: { ...shown, ...(client_secret === undefined ? {} : { client_secret }) } }
  })

const get: Handler<"connectedApp.clients.get"> = (ctx, req) =>
  Effect.map(getClient(ctx.store, req.client_id), (client) => ({ connected_app: clientWire(client) }))

const update: Handler<"connectedApp.clients.update"> = (ctx, req) =>
  Effect.gen(function*() {
    const client = yield* getClient(ctx.store, req.client_id)
    const urls = yield* checkFields(req, client.client_type)
    // Only what the request gives changes.
    if (req.client_name !== undefined) client.client_name = req.client_name
    if (req.client_description !== undefined) client.client_description = req.client_description
    if (urls.redirect_urls !== undefined) client.redirect_urls = urls.redirect_urls
    if (urls.post_logout_redirect_urls !== undefined) client.post_logout_redirect_urls = urls.post_logout_redirect_urls
    if (req.full_access_allowed !== undefined) client.full_access_allowed = req.full_access_allowed
    if (req.bypass_consent_for_offline_access !== undefined) {
      client.bypass_consent_for_offline_access = req.bypass_consent_for_offline_access
    }
    if (req.access_token_expiry_minutes !== undefined) {
      client.access_token_expiry_minutes = req.access_token_expiry_minutes
    }
    if (req.access_token_template_content !== undefined) {
      client.access_token_template_content = req.access_token_template_content
    }
    if (req.access_token_custom_audience !== undefined) {
      client.access_token_custom_audience = optional(req.access_token_custom_audience)
    }
    if (req.logo_url !== undefined) client.logo_url = optional(req.logo_url)
    return { connected_app: clientWire(client) }
  })

const deleteClient: Handler<"connectedApp.clients.delete"> = (ctx, req) =>
  Effect.map(getClient(ctx.store, req.client_id), (client) => {
    ctx.store.deleteConnectedAppClient(client.client_id)
    return { client_id: client.client_id }
  })

// ---------------------------------------------------------------------------------------------------------------
// Search

/** An opaque cursor: the creation position of the last client of the page. */
const CURSOR_PREFIX = "connected-apps:"
const cursorAfter = (c: ConnectedAppClientRecord) => Buffer.from(`${CURSOR_PREFIX}${c.seq}`).toString("base64url")
const positionOf = (cursor: string): number | undefined => {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  const text = Buffer.from(cursor, "base64url").toString("utf8")
  if (!text.startsWith(CURSOR_PREFIX)) return undefined
  const digits = text.slice(CURSOR_PREFIX.length)
  return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined
}

const search: Handler<"connectedApp.clients.search"> = (ctx, req) =>
  Effect.gen(function*() {
    const { after, limit } = yield* pageRequest(req, positionOf)
    // Map order is insertion order, which is seq order.
    const all = [...ctx.store.connectedAppClients.values()]
    const rest = after === undefined ? all : all.filter((c) => c.seq > after)
    const page = rest.slice(0, limit)
    const more = rest.length > limit
    return {
      connected_apps: page.map(clientWire),
      results_metadata: { total: all.length, next_cursor: more ? cursorAfter(page[page.length - 1]!) : null }
    }
  })

// ---------------------------------------------------------------------------------------------------------------
// Secret rotation

/** A confidential client (rotation is meaningless for a public one). */
const confidentialClient = (store: Store, client_id: string) =>
  Effect.flatMap(getClient(store, client_id), (client) =>
    client.secret === undefined
      ? fail("public_connected_apps_do_not_have_secrets", "Public Connected Apps do not have client secrets.", 400)
      : Effect.succeed({ client, secret: client.secret }))

const rotateStart: Handler<"connectedApp.clients.secrets.rotateStart"> = (ctx, req) =>
  Effect.gen(function*() {
    const { client, secret } = yield* confidentialClient(ctx.store, req.client_id)
    if (client.next_secret !== undefined) {
      return yield* fail("connected_app_already_rotating_secret", "A secret rotation is already in progress.", 400)
    }
    const next_client_secret = newSecret()
    client.next_secret = storedSecret(next_client_secret)
    // The only time the next secret is shown. (Its model has no creation_method.)
    const { creation_method: _, ...shown } = clientWire(client)
    return {
      connected_app: {
        ...shown,
        client_secret_last_four: secret.last_four,
        next_client_secret
      }
    }
  })

/** rotate and rotateCancel: both need a rotation in progress; `promote` says whether the next secret wins. */
const finishRotation = (promote: boolean) => (ctx: Ctx, req: { client_id: string }) =>
  Effect.gen(function*() {
    const { client } = yield* confidentialClient(ctx.store, req.client_id)
    const next = client.next_secret
    if (next === undefined) {
      return yield* fail("connected_app_not_rotating_secret", "No secret rotation is in progress.", 400)
    }
    if (promote) client.secret = next
    client.next_secret = undefined
    return { connected_app: clientWire(client) }
  })

export const connectedAppsHandlers = {
  "connectedApp.clients.create": create,
  "connectedApp.clients.get": get,
  "connectedApp.clients.update": update,
  "connectedApp.clients.delete": deleteClient,
  "connectedApp.clients.search": search,
  "connectedApp.clients.secrets.rotateStart": rotateStart,
  "connectedApp.clients.secrets.rotateCancel": finishRotation(false),
  "connectedApp.clients.secrets.rotate": finishRotation(true)
} satisfies AreaHandlers
