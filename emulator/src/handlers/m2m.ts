/**
 * M2M: clients (create, get, search, update, delete), secret rotation, and the two public OAuth2 form endpoints:
 * the client-credentials token exchange (`m2m.token`) and RFC 7662 introspection (`idp.introspectTokenNetwork`).
 *
 * Secrets are shown once (create, rotateStart) and stored as SHA-256 hashes: they are random and long, so a fast
 * hash is enough, as for any API key. Access tokens are RS256 JWTs signed with the same keys as session JWTs, so
 * the SDK verifies both with one JWKS.
 *
 * Create takes a custom `client_id` (the docs: "If not provided, Stytch will generate this value"), so any id a
 * custom one could be is well-formed at get, update, delete and rotation (404 `m2m_client_not_found` when
 * unknown); one no client can have (empty, too long, not url-safe) is 400 `invalid_client_id` (a guess: the
 * catalogue names the error but not when Stytch sends it).
 */
import * as Effect from "effect/Effect"
import { type AnswerOf, type ApiFailure, type Ctx, fail, type AreaHandlers, type Handler } from "../internal/contract.js"
import { type M2MClientRecord, newId, type Store } from "../internal/store.js"
import { mergeMetadata, newSecret, pageRequest, secretMatches, storedSecret } from "./common.js"

/** Access tokens are valid for one hour (the seed: "valid for one hour after issuance"). */
const TOKEN_LIFETIME_SECONDS = 3600

// Limits the docs do not state; chosen so that realistic values pass and abuse is caught.
const MAX_SCOPES = 100
const MAX_NAME_LENGTH = 256
const MAX_DESCRIPTION_LENGTH = 1024
const MIN_SECRET_LENGTH = 16
const MAX_SECRET_LENGTH = 256
/** A custom client_id travels in URL paths: url-safe characters only. */
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/
/** Scopes are joined by spaces in the token's `scope` claim, so a scope cannot hold whitespace. */
const SCOPE = /^[\x21-\x7e]{1,128}$/
/** A custom secret: printable ASCII without spaces (it goes into form bodies and config files). */
const SECRET = /^[\x21-\x7e]+$/

// ---------------------------------------------------------------------------------------------------------------
// Records and their wire shape

const clientWire = (c: M2MClientRecord) => ({
  client_id: c.client_id,
  client_name: c.client_name,
  client_description: c.client_description,
  status: c.status,
  scopes: [...c.scopes],
  client_secret_last_four: c.secret.last_four,
  trusted_metadata: { ...c.trusted_metadata },
  next_client_secret_last_four: c.next_secret === undefined ? null : c.next_secret.last_four
})

const getClient = (store: Store, client_id: string): Effect.Effect<M2MClientRecord, ApiFailure> => {
  const client = store.m2mClients.get(client_id)
  if (client !== undefined) return Effect.succeed(client)
  return CLIENT_ID.test(client_id)
    ? fail("m2m_client_not_found", "The M2M client was not found.", 404)
    : fail("invalid_client_id", "The client_id is not a valid M2M client id.", 400)
}

// ---------------------------------------------------------------------------------------------------------------
// Clients

interface ClientFields {
  readonly client_name?: string | undefined
  readonly client_description?: string | undefined
  readonly scopes?: ReadonlyArray<string> | undefined
}

/** The checks create and update share; scopes come back de-duplicated, in the order given. */
const checkFields = (req: ClientFields): Effect.Effect<Array<string> | undefined, ApiFailure> =>
  Effect.suspend(() => {
    if (req.client_name !== undefined && req.client_name.length > MAX_NAME_LENGTH) {
      return fail("m2m_client_invalid_client_name", `client_name is longer than ${MAX_NAME_LENGTH} characters.`, 400)
    }
    if (req.client_description !== undefined && req.client_description.length > MAX_DESCRIPTION_LENGTH) {
      return fail(
        "m2m_client_invalid_client_description",
        `client_description is longer than ${MAX_DESCRIPTION_LENGTH} characters.`,
        400
      )
    }
    if (req.scopes === undefined) return Effect.succeed(undefined)
    const invalid = req.scopes.find((s) => !SCOPE.test(s))
    if (invalid !== undefined) {
      return fail("invalid_m2m_client_scope", "A scope must be 1 to 128 printable characters without spaces.", 400)
    }
    const scopes = [...new Set(req.scopes)]
    if (scopes.length > MAX_SCOPES) {
      return fail("too_many_m2m_client_scopes", `An M2M client can have at most ${MAX_SCOPES} scopes.`, 400)
    }
    return Effect.succeed(scopes)
  })

const create: Handler<"m2m.clients.create"> = (ctx, req) =>
  Effect.gen(function*() {
    const { store } = ctx
    const scopes = (yield* checkFields(req))!
    if (req.client_id !== undefined) {
      if (!CLIENT_ID.test(req.client_id)) {
        return yield* fail(
          "m2m_client_invalid_client_id",
          "A custom client_id must be 1 to 128 characters among letters, digits and . _ ~ -",
          400
        )
      }
      if (store.m2mClients.has(req.client_id)) {
        return yield* fail("duplicate_m2m_client_id", "An M2M client with this client_id already exists.", 400)
      }
    }
    if (req.client_secret !== undefined) {
      if (req.client_secret.length > MAX_SECRET_LENGTH) {
        return yield* fail(
          "client_secret_too_long",
          `client_secret is longer than ${MAX_SECRET_LENGTH} characters.`,
          400
        )
      }
      if (!SECRET.test(req.client_secret)) {
        return yield* fail(
          "m2m_client_invalid_client_secret",
          "A custom client_secret must be printable ASCII without spaces.",
          400
        )
      }
      if (req.client_secret.length < MIN_SECRET_LENGTH) {
        return yield* fail(
          "insecure_m2m_client_secret",
          `A custom client_secret must be at least ${MIN_SECRET_LENGTH} characters.`,
          400
        )
      }
    }
    const client_secret: string = req.client_secret ?? newSecret()
    const client: M2MClientRecord = {
      client_id: req.client_id ?? newId("m2m-client", store.settings.projectId),
      created_at: ctx.now,
      client_name: req.client_name ?? "",
      client_description: req.client_description ?? "",
      status: "active",
      scopes,
      trusted_metadata: mergeMetadata({}, req.trusted_metadata),
      secret: storedSecret(client_secret)
    }
    store.putM2MClient(client)
    // The only answer that carries the secret: it is not stored in the clear.
    return { m2m_client: { ...clientWire(client), client_secret } }
  })

const get: Handler<"m2m.clients.get"> = (ctx, req) =>
  Effect.map(getClient(ctx.store, req.client_id), (client) => ({ m2m_client: clientWire(client) }))

const update: Handler<"m2m.clients.update"> = (ctx, req) =>
  Effect.gen(function*() {
    const client = yield* getClient(ctx.store, req.client_id)
    const scopes = yield* checkFields(req)
    if (req.status !== undefined && req.status !== "active" && req.status !== "inactive") {
      return yield* fail("m2m_client_invalid_status", "status must be active or inactive.", 400)
    }
    if (req.client_name !== undefined) client.client_name = req.client_name
    if (req.client_description !== undefined) client.client_description = req.client_description
    if (req.status !== undefined) client.status = req.status
    if (scopes !== undefined) client.scopes = scopes
    // As for users: top-level keys are set, `null` deletes a key.
    client.trusted_metadata = mergeMetadata(client.trusted_metadata, req.trusted_metadata)
    return { m2m_client: clientWire(client) }
  })

const deleteClient: Handler<"m2m.clients.delete"> = (ctx, req) =>
  Effect.map(getClient(ctx.store, req.client_id), (client) => {
    // Tokens already issued stay valid until they expire, as the docs warn: they are not tracked.
    ctx.store.deleteM2MClient(client.client_id)
    return { client_id: client.client_id }
  })

// ---------------------------------------------------------------------------------------------------------------
// Search

/** Clients in creation order, ties broken by client_id, so that cursors are stable. */
const byCreation = (a: Pick<M2MClientRecord, "created_at" | "client_id">, b: typeof a) =>
  a.created_at - b.created_at || a.client_id.localeCompare(b.client_id)

/** An opaque cursor: the sort key of the last client of the page, `<created_at>:<client_id>` in base64url. */
const cursorAfter = (c: M2MClientRecord) => Buffer.from(`${c.created_at}:${c.client_id}`).toString("base64url")
const positionOf = (cursor: string) => {
  const text = Buffer.from(cursor, "base64url").toString("utf8")
  const colon = text.indexOf(":")
  const created_at = Number(text.slice(0, colon))
  return colon > 0 && Number.isInteger(created_at) ? { created_at, client_id: text.slice(colon + 1) } : undefined
}

type Operand = {
  readonly filter_name: "client_id" | "client_name" | "scopes"
  readonly filter_value: ReadonlyArray<string>
}

const matchOperand = (c: M2MClientRecord, op: Operand): boolean => {
  switch (op.filter_name) {
    case "client_id":
      return op.filter_value.includes(c.client_id)
    case "client_name":
      // "Search for clients by exact match on client name".
      return op.filter_value.includes(c.client_name)
    case "scopes":
      return c.scopes.some((s) => op.filter_value.includes(s))
  }
}

const search: Handler<"m2m.clients.search"> = (ctx, req) =>
  Effect.gen(function*() {
    const { after, limit } = yield* pageRequest(req, positionOf)
    const query = req.query
    if (query !== undefined && query.operator !== "AND" && query.operator !== "OR") {
      return yield* fail("bad_request", "operator must be AND or OR.", 400)
    }
    const operands: ReadonlyArray<Operand> = query?.operands ?? []
    // Unknown filter names and non-array values are already rejected by the request schema.
    const empty = operands.find((op) => op.filter_value.length === 0)
    if (empty !== undefined) {
      return yield* fail("m2m_search_missing_filter_value", `filter_value is empty for ${empty.filter_name}.`, 400)
    }
    const matches = (c: M2MClientRecord) =>
      operands.length === 0 ||
      (query?.operator === "AND" ? operands.every((o) => matchOperand(c, o)) : operands.some((o) => matchOperand(c, o)))
    const all = [...ctx.store.m2mClients.values()].filter(matches).sort(byCreation)
    const start = after === undefined ? 0 : all.findIndex((c) => byCreation(c, after) > 0)
    const page = start < 0 ? [] : all.slice(start, start + limit)
    const more = start >= 0 && start + limit < all.length
    return {
      m2m_clients: page.map(clientWire),
      results_metadata: { total: all.length, next_cursor: more ? cursorAfter(page[page.length - 1]!) : null }
    }
  })

// ---------------------------------------------------------------------------------------------------------------
// Secret rotation

const rotateStart: Handler<"m2m.clients.secrets.rotateStart"> = (ctx, req) =>
  Effect.gen(function*() {
    const client = yield* getClient(ctx.store, req.client_id)
    if (client.next_secret !== undefined) {
      return yield* fail("m2m_client_already_rotating_secret", "A secret rotation is already in progress.", 400)
    }
    const next_client_secret = newSecret()
    client.next_secret = storedSecret(next_client_secret)
    // The only time the next secret is shown.
    return { m2m_client: { ...clientWire(client), next_client_secret } }
  })

/** rotate and rotateCancel: both need a rotation in progress; `promote` says whether the next secret wins. */
const finishRotation = (promote: boolean) => (ctx: Ctx, req: { client_id: string }) =>
  Effect.gen(function*() {
    const client = yield* getClient(ctx.store, req.client_id)
    if (client.next_secret === undefined) {
      return yield* fail("m2m_client_not_rotating_secret", "No secret rotation is in progress.", 400)
    }
    if (promote) client.secret = client.next_secret
    client.next_secret = undefined
    return { m2m_client: clientWire(client) }
  })

// ---------------------------------------------------------------------------------------------------------------
// The OAuth2 form endpoints. Fields arrive as strings (see `publicFormRoutes` in app.ts); failures carry OAuth2
// error codes in `error_type`.

/** The project in the path must be this emulator's: a client of another project is unknown here. */
export const checkProject = (ctx: Ctx, project_id: string) =>
  project_id === ctx.store.settings.projectId
    ? Effect.void
    : fail("invalid_client", "Unknown project.", 401)

/**
 * Client authentication by `client_id` and `client_secret` in the body (client_secret_post). During a rotation
 * both secrets are accepted. Every way to fail gives the same description, so a caller cannot probe client ids.
 */
const authenticateClient = (ctx: Ctx, req: Record<string, string | undefined>) =>
  Effect.suspend(() => {
    const { client_id, client_secret } = req
    if (client_id === undefined || client_id === "") return fail("invalid_request", "client_id is required.", 400)
    // M2M clients are confidential: the secret is required. (Connected App clients are answered by idpOAuth.ts.)
    if (client_secret === undefined || client_secret === "") {
      return fail("invalid_client", "Client authentication failed.", 401)
    }
    const client = ctx.store.m2mClients.get(client_id)
    const valid = client !== undefined &&
      (secretMatches(client.secret, client_secret) ||
        (client.next_secret !== undefined && secretMatches(client.next_secret, client_secret)))
    if (!valid) return fail("invalid_client", "Client authentication failed.", 401)
    // "A deactivated M2M Client will not be allowed to perform future token exchange flows until it is reactivated."
    if (client.status !== "active") return fail("invalid_client", "The client is inactive.", 401)
    return Effect.succeed(client)
  })

const token: Handler<"m2m.token"> = (ctx, req) =>
  Effect.gen(function*() {
    const { projectId } = ctx.store.settings
    yield* checkProject(ctx, req.project_id ?? "")
    if (req.grant_type === undefined || req.grant_type === "") {
      return yield* fail("invalid_request", "grant_type is required.", 400)
    }
    if (req.grant_type !== "client_credentials") {
      return yield* fail("unsupported_grant_type", "grant_type must be client_credentials, authorization_code or refresh_token.", 400)
    }
    const client = yield* authenticateClient(ctx, req)
    const requested = [...new Set((req.scope ?? "").split(" ").filter((s) => s !== ""))]
    const notGranted = requested.filter((s) => !client.scopes.includes(s))
    if (notGranted.length > 0) {
      return yield* fail("invalid_scope", `The client does not have the scopes: ${notGranted.join(" ")}.`, 400)
    }
    // No scope requested: the token carries every scope of the client.
    const scopes = requested.length > 0 ? requested : client.scopes
    const iat = Math.floor(ctx.now / 1000)
    const access_token = ctx.keys.signJwt({
      sub: client.client_id,
      iss: `stytch.com/${projectId}`,
      aud: [projectId],
      scope: scopes.join(" "),
      iat,
      nbf: iat,
      exp: iat + TOKEN_LIFETIME_SECONDS
    })
    return { access_token, token_type: "bearer", expires_in: TOKEN_LIFETIME_SECONDS }
  })

/** Claims the introspection answer sets itself; any other claim of the token is passed through. */
const INTROSPECTION_FIELDS = new Set([
  "active",
  "sub",
  "scope",
  "aud",
  "exp",
  "iat",
  "nbf",
  "iss",
  "client_id",
  "token_type",
  "request_id",
  "status_code"
])

/**
 * The claims of an access token this emulator issued and that is valid now; `undefined` for anything else. Session
 * JWTs are signed with the same keys but are not access tokens.
 */
const activeClaims = (ctx: Ctx, token: string): Record<string, unknown> | undefined => {
  const verified = ctx.keys.verifyJwt(token)
  if (!verified.ok) return undefined
  const p = verified.payload
  const { projectId } = ctx.store.settings
  const seconds = Math.floor(ctx.now / 1000)
  const aud = Array.isArray(p.aud) ? p.aud : [p.aud]
  const valid = typeof p.sub === "string" &&
    (p.iss === `stytch.com/${projectId}` || p.iss === ctx.baseUrl) &&
    aud.includes(projectId) &&
    typeof p.exp === "number" && p.exp > seconds &&
    (p.nbf === undefined || (typeof p.nbf === "number" && p.nbf <= seconds)) &&
    !("https://stytch.com/session" in p)
  return valid ? p : undefined
}

/**
 * The RFC 7662 answer for `token` (M2M and Connected App access tokens alike): `{ active: false }` says nothing more
 * about why, by design. Connected App tokens name their client in a `client_id` claim (their `sub` is the user).
 */
export const introspectionAnswer = (ctx: Ctx, token: string): AnswerOf<"idp.introspectTokenNetwork"> => {
  // token_type_hint is only a hint (RFC 7662 section 2.1): the one kind of token this server knows is checked.
  const claims = activeClaims(ctx, token)
  if (claims === undefined) return { active: false }
  const custom: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(claims)) if (!INTROSPECTION_FIELDS.has(k)) custom[k] = v
  return {
    ...custom,
    active: true,
    sub: claims.sub,
    scope: typeof claims.scope === "string" ? claims.scope : "",
    aud: Array.isArray(claims.aud) ? claims.aud : [claims.aud],
    exp: claims.exp,
    iat: claims.iat,
    nbf: claims.nbf ?? claims.iat,
    iss: claims.iss,
    client_id: typeof claims.client_id === "string" ? claims.client_id : claims.sub,
    token_type: "access_token"
  }
}

const introspect: Handler<"idp.introspectTokenNetwork"> = (ctx, req) =>
  Effect.gen(function*() {
    yield* checkProject(ctx, req.project_id ?? "")
    if (req.token === undefined || req.token === "") return yield* fail("invalid_request", "token is required.", 400)
    yield* authenticateClient(ctx, req)
    return introspectionAnswer(ctx, req.token)
  })

export const m2mHandlers = {
  "m2m.clients.create": create,
  "m2m.clients.get": get,
  "m2m.clients.search": search,
  "m2m.clients.update": update,
  "m2m.clients.delete": deleteClient,
  "m2m.clients.secrets.rotateStart": rotateStart,
  "m2m.clients.secrets.rotate": finishRotation(true),
  "m2m.clients.secrets.rotateCancel": finishRotation(false),
  // Public form routes (app.ts): not in the endpoint table.
  "m2m.token": token,
  "idp.introspectTokenNetwork": introspect
} satisfies AreaHandlers
