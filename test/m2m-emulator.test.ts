/**
 * M2M against the emulator: clients (create, get, update, delete, search with cursors), secret rotation, the
 * OAuth2 token exchange and local verification of its tokens, every failure path as a typed error with the state
 * unchanged afterwards, the raw wire of the public form endpoint, and one run over loopback HTTP.
 *
 * One in-process emulator for the file: every test makes its own clients (unique names and scope tags).
 */
import { assert, describe, expect, it, layer } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as jose from "jose"
import { randomUUID } from "node:crypto"
import { inspect } from "node:util"
import { vi } from "vitest"
import { StytchEmulator } from "effect-stytch/testing"
import { M2M } from "../src/index.js"

// The emulator generates a 2048-bit RSA key on the first token: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`

/** A new client with `scopes`; returns the create answer's client (with its secret). */
const createClient = (
  scopes: Array<string> = ["read:users", "write:users"],
  extra: Partial<M2M.M2MClientsCreateRequest> = {}
) =>
  Effect.flatMap(M2M.M2M, (m2m) =>
    Effect.map(
      m2m.clients.create({ scopes, client_name: unique("client"), ...extra }),
      (response) => response.m2m_client
    ))

/** What the API shows of a client, as text: equal before and after a failed call means nothing changed. */
const clientState = (client_id: string) =>
  Effect.flatMap(M2M.M2M, (m2m) => Effect.map(m2m.clients.get({ client_id }), (r) => JSON.stringify(r.m2m_client)))

const tokenFor = (client_id: string, client_secret: string, scopes?: Array<string>) =>
  Effect.flatMap(M2M.M2M, (m2m) => m2m.token({ client_id, client_secret: Redacted.make(client_secret), ...(scopes === undefined ? {} : { scopes }) }))

/** A raw request to the emulator, below the SDK: for the wire format itself. */
const raw = (method: string, url: string, body: string, headers: Record<string, string> = {}) =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const answer = yield* emulator.handle({ method, url, headers, body })
    return { status: answer.status, json: JSON.parse(answer.body) as Record<string, unknown>, body: answer.body }
  })

const basicAuth = Effect.map(StytchEmulator.StytchEmulator, (e) =>
  `Basic ${Buffer.from(`${e.projectId}:${Redacted.value(e.secret)}`).toString("base64")}`)

const FORM = { "content-type": "application/x-www-form-urlencoded" }

layer(StytchEmulator.layerStytch())("M2M against the emulator", (it) => {
  // -------------------------------------------------------------------------------------------------------------
  // Clients

  it.effect("create shows the secret once; get and search show only its last four characters", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient(["read:users"], {
        client_description: "nightly export",
        trusted_metadata: { team: "data", dropped: null }
      })
      assert.match(created.client_id, /^m2m-client-test-[0-9a-f-]{36}$/)
      assert.isAtLeast(created.client_secret.length, 32)
      assert.strictEqual(created.client_secret_last_four, created.client_secret.slice(-4))
      assert.strictEqual(created.status, "active")
      assert.deepStrictEqual(created.scopes, ["read:users"])
      assert.strictEqual(created.client_description, "nightly export")
      assert.deepStrictEqual(created.trusted_metadata, { team: "data" })
      assert.isUndefined(created.next_client_secret_last_four)

      const got = yield* m2m.clients.get({ client_id: created.client_id })
      const { client_secret: _secret, ...shown } = created
      assert.deepStrictEqual(got.m2m_client, shown)
      // On the wire, not just after the SDK's decoding: the secret is not returned (nor stored) by the emulator.
      const wire = yield* raw("GET", `/v1/m2m/clients/${created.client_id}`, "", { authorization: yield* basicAuth })
      assert.strictEqual(wire.status, 200)
      assert.notInclude(wire.body, created.client_secret)
      assert.notProperty(wire.json.m2m_client as object, "client_secret")
    }))

  it.effect("a custom client_id and client_secret import an existing client", () =>
    Effect.gen(function*() {
      const client_id = unique("imported-client")
      const client_secret = `imported-secret-${randomUUID()}`
      const created = yield* createClient(["read:users"], { client_id, client_secret })
      assert.strictEqual(created.client_id, client_id)
      assert.strictEqual(created.client_secret, client_secret)
      const { access_token } = yield* tokenFor(client_id, client_secret)
      assert.strictEqual(jose.decodeJwt(access_token).sub, client_id)
    }))

  it.effect("create failures are typed and create nothing", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const existing = yield* createClient()
      const before = yield* clientState(existing.client_id)
      const name = unique("never-created")
      const cases: Array<[M2M.M2MClientsCreateRequest, string]> = [
        [{ scopes: [], client_id: existing.client_id }, "DuplicateM2mClientId"],
        [{ scopes: [], client_id: "has spaces/and slashes" }, "M2mClientInvalidClientId"],
        [{ scopes: [], client_secret: "short-secret" }, "InsecureM2mClientSecret"],
        [{ scopes: [], client_secret: "x".repeat(300) }, "ClientSecretTooLong"],
        [{ scopes: [], client_secret: "with a space and long enough" }, "M2mClientInvalidClientSecret"],
        [{ scopes: ["read users"] }, "InvalidM2mClientScope"],
        [{ scopes: Array.from({ length: 101 }, (_, i) => `scope:${i}`) }, "TooManyM2mClientScopes"],
        [{ scopes: [], client_description: "d".repeat(2000) }, "M2mClientInvalidClientDescription"]
      ]
      for (const [request, tag] of cases) {
        const error = yield* m2m.clients.create({ ...request, client_name: name }).pipe(Effect.flip)
        expect(error._tag, JSON.stringify(request).slice(0, 80)).toBe(tag)
      }
      const found = yield* m2m.clients.search({
        query: { operator: "AND", operands: [{ filter_name: "client_name", filter_value: [name] }] }
      })
      assert.strictEqual(found.results_metadata.total, 0)
      assert.strictEqual(yield* clientState(existing.client_id), before)
    }))

  it.effect("update changes what it is given, merges trusted_metadata, and fails typed without changing anything", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient(["read:users"], { trusted_metadata: { a: 1, b: 2 } })
      const updated = yield* m2m.clients.update({
        client_id: created.client_id,
        client_name: "renamed",
        client_description: "described",
        scopes: ["read:users", "write:books", "read:users"],
        trusted_metadata: { b: null, c: 3 }
      })
      assert.deepStrictEqual(updated.m2m_client, {
        client_id: created.client_id,
        client_name: "renamed",
        client_description: "described",
        status: "active",
        scopes: ["read:users", "write:books"],
        client_secret_last_four: created.client_secret_last_four,
        trusted_metadata: { a: 1, c: 3 }
      })
      const before = yield* clientState(created.client_id)
      const status = yield* m2m.clients.update({ client_id: created.client_id, client_name: "x", status: "paused" })
        .pipe(Effect.flip)
      assert.strictEqual(status._tag, "M2mClientInvalidStatus")
      const scope = yield* m2m.clients.update({ client_id: created.client_id, client_name: "x", scopes: ["a b"] })
        .pipe(Effect.flip)
      assert.strictEqual(scope._tag, "InvalidM2mClientScope")
      assert.strictEqual(yield* clientState(created.client_id), before)
      const missing = yield* m2m.clients.update({ client_id: "m2m-client-test-nope", client_name: "x" })
        .pipe(Effect.flip)
      assert.strictEqual(missing._tag, "M2mClientNotFound")
      if (missing._tag === "M2mClientNotFound") assert.strictEqual(missing.status_code, 404)
    }))

  it.effect("an inactive client gets no token until it is reactivated; its earlier tokens still verify", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient()
      const earlier = yield* tokenFor(created.client_id, created.client_secret)
      yield* m2m.clients.update({ client_id: created.client_id, status: "inactive" })
      const error = yield* tokenFor(created.client_id, created.client_secret).pipe(Effect.flip)
      assert.strictEqual(error._tag, "StytchOAuth2Error")
      if (error._tag === "StytchOAuth2Error") {
        assert.strictEqual(error.error, "invalid_client")
        assert.strictEqual(error.status_code, 401)
      }
      // As the docs warn: deactivation does not invalidate tokens already issued.
      const verified = yield* m2m.authenticateToken({ access_token: earlier.access_token })
      assert.strictEqual(verified.client_id, created.client_id)
      yield* m2m.clients.update({ client_id: created.client_id, status: "active" })
      const again = yield* tokenFor(created.client_id, created.client_secret)
      assert.strictEqual(jose.decodeJwt(again.access_token).sub, created.client_id)
    }))

  it.effect("delete removes the client (get, token, a second delete fail typed)", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient()
      const deleted = yield* m2m.clients.delete({ client_id: created.client_id })
      assert.strictEqual(deleted.client_id, created.client_id)
      const get = yield* m2m.clients.get({ client_id: created.client_id }).pipe(Effect.flip)
      assert.strictEqual(get._tag, "M2mClientNotFound")
      const again = yield* m2m.clients.delete({ client_id: created.client_id }).pipe(Effect.flip)
      assert.strictEqual(again._tag, "M2mClientNotFound")
      const token = yield* tokenFor(created.client_id, created.client_secret).pipe(Effect.flip)
      assert.strictEqual(token._tag === "StytchOAuth2Error" ? token.error : token._tag, "invalid_client")
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Search

  it.effect("search filters by scope, name and id, and pages with cursors in creation order", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const tag = `tag:${randomUUID()}`
      const ids: Array<string> = []
      for (let i = 0; i < 5; i++) {
        yield* TestClock.adjust("1 second") // distinct creation times: the order is the creation order
        ids.push((yield* createClient([tag, `n:${i}`])).client_id)
      }
      const byTag = { operator: "AND", operands: [{ filter_name: "scopes" as const, filter_value: [tag] }] }
      const pages: Array<Array<string>> = []
      let cursor: string | undefined
      do {
        const page = yield* m2m.clients.search({ query: byTag, limit: 2, ...(cursor === undefined ? {} : { cursor }) })
        assert.strictEqual(page.results_metadata.total, 5)
        pages.push(page.m2m_clients.map((c) => c.client_id))
        cursor = page.results_metadata.next_cursor
      } while (cursor !== undefined)
      assert.deepStrictEqual(pages, [ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)])

      const named = yield* m2m.clients.get({ client_id: ids[3]! })
      const or = yield* m2m.clients.search({
        query: {
          operator: "OR",
          operands: [
            { filter_name: "client_id", filter_value: [ids[0]!] },
            { filter_name: "client_name", filter_value: [named.m2m_client.client_name] }
          ]
        }
      })
      assert.deepStrictEqual(or.m2m_clients.map((c) => c.client_id), [ids[0], ids[3]])
      const and = yield* m2m.clients.search({
        query: {
          operator: "AND",
          operands: [
            { filter_name: "scopes", filter_value: [tag] },
            { filter_name: "scopes", filter_value: ["n:1", "n:2"] }
          ]
        }
      })
      assert.deepStrictEqual(and.m2m_clients.map((c) => c.client_id), [ids[1], ids[2]])
      // No secret in search results.
      assert.notProperty(and.m2m_clients[0]!, "client_secret")
    }))

  it.effect("search rejects a bad cursor, limit, operator or an empty filter value", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const cursor = yield* m2m.clients.search({ cursor: "not-a-cursor" }).pipe(Effect.flip)
      assert.strictEqual(cursor._tag, "BadRequest")
      const limit = yield* m2m.clients.search({ limit: 0 }).pipe(Effect.flip)
      assert.strictEqual(limit._tag, "BadRequest")
      const operator = yield* m2m.clients.search({ query: { operator: "XOR", operands: [] } }).pipe(Effect.flip)
      assert.strictEqual(operator._tag, "BadRequest")
      const empty = yield* m2m.clients.search({
        query: { operator: "AND", operands: [{ filter_name: "client_id", filter_value: [] }] }
      }).pipe(Effect.flip)
      assert.strictEqual(empty._tag, "M2mSearchMissingFilterValue")
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Tokens

  it.effect("token: a JWT for the client with every scope; verified locally with scope checks", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const emulator = yield* StytchEmulator.StytchEmulator
      yield* TestClock.adjust("1000 seconds")
      // The file's tests share one TestClock: read where it stands.
      const iat = Math.floor((yield* Clock.currentTimeMillis) / 1000)
      const created = yield* createClient(["read:users", "write:users"])
      const token = yield* tokenFor(created.client_id, created.client_secret)
      assert.strictEqual(token.token_type, "bearer")
      assert.strictEqual(token.expires_in, 3600)
      assert.deepStrictEqual(jose.decodeProtectedHeader(token.access_token).alg, "RS256")
      assert.deepStrictEqual(jose.decodeJwt(token.access_token), {
        sub: created.client_id,
        iss: `stytch.com/${emulator.projectId}`,
        aud: [emulator.projectId],
        scope: "read:users write:users",
        iat,
        nbf: iat,
        exp: iat + 3600
      })
      const verified = yield* m2m.authenticateToken({
        access_token: token.access_token,
        required_scopes: ["write:users"]
      })
      assert.deepStrictEqual(verified, {
        client_id: created.client_id,
        scopes: ["read:users", "write:users"],
        custom_claims: {}
      })
      const missing = yield* m2m.authenticateToken({ access_token: token.access_token, required_scopes: ["read:books"] })
        .pipe(Effect.flip)
      assert.strictEqual(missing._tag, "StytchM2MScopeError")
      if (missing._tag === "StytchM2MScopeError") assert.deepStrictEqual(missing.missing_scopes, ["read:books"])
    }))

  it.effect("token: requested scopes narrow the token; a scope the client lacks is invalid_scope", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient(["read:users", "write:users"])
      const narrow = yield* tokenFor(created.client_id, created.client_secret, ["read:users"])
      assert.strictEqual(jose.decodeJwt(narrow.access_token).scope, "read:users")
      const error = yield* m2m.authenticateToken({ access_token: narrow.access_token, required_scopes: ["write:users"] })
        .pipe(Effect.flip)
      assert.strictEqual(error._tag, "StytchM2MScopeError")
      const invalid = yield* tokenFor(created.client_id, created.client_secret, ["read:users", "admin"]).pipe(Effect.flip)
      assert.strictEqual(invalid._tag, "StytchOAuth2Error")
      if (invalid._tag === "StytchOAuth2Error") {
        assert.strictEqual(invalid.error, "invalid_scope")
        assert.strictEqual(invalid.status_code, 400)
      }
    }))

  it.effect("token: wrong secret or unknown client is invalid_client (401), the secret in no error", () =>
    Effect.gen(function*() {
      const created = yield* createClient()
      const wrongSecret = `${created.client_secret}-wrong`
      const before = yield* clientState(created.client_id)
      for (const [id, secret] of [[created.client_id, wrongSecret], ["m2m-client-test-unknown", wrongSecret]] as const) {
        const error = yield* tokenFor(id, secret).pipe(Effect.flip)
        assert.strictEqual(error._tag, "StytchOAuth2Error")
        if (error._tag !== "StytchOAuth2Error") continue
        assert.strictEqual(error.error, "invalid_client")
        assert.strictEqual(error.status_code, 401)
        assert.match(error.request_id, /^request-id-test-/)
        for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
          assert.notInclude(text, wrongSecret)
          assert.notInclude(text, created.client_secret)
        }
      }
      assert.strictEqual(yield* clientState(created.client_id), before)
    }))

  it.effect("tokens expire after an hour (TestClock)", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient()
      const { access_token } = yield* tokenFor(created.client_id, created.client_secret)
      yield* TestClock.adjust("3599 seconds")
      assert.strictEqual((yield* m2m.authenticateToken({ access_token })).client_id, created.client_id)
      yield* TestClock.adjust("1 second")
      const expired = yield* m2m.authenticateToken({ access_token }).pipe(Effect.flip)
      assert.strictEqual(expired._tag, "StytchJwtExpired")
    }))

  it.effect("a repeated token is served from the verified-token cache; scopes and max age are still checked per call", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient(["read:users"])
      const { access_token } = yield* tokenFor(created.client_id, created.client_secret)
      const first = yield* m2m.authenticateToken({ access_token, required_scopes: ["read:users"] })
      const again = yield* m2m.authenticateToken({ access_token })
      assert.strictEqual(again, first, "the second answer is the remembered one")
      const scopeError = yield* m2m.authenticateToken({ access_token, required_scopes: ["write:users"] }).pipe(Effect.flip)
      assert.strictEqual(scopeError._tag, "StytchM2MScopeError")
      yield* TestClock.adjust("30 seconds")
      const stale = yield* m2m.authenticateToken({ access_token, max_token_age_seconds: 10 }).pipe(Effect.flip)
      assert.strictEqual(stale._tag, "StytchJwtTooOld")
      // A tampered copy is a different token: verified in full, and rejected.
      const [h, p, sig] = access_token.split(".")
      const tampered = `${h}.${p}.${sig!.slice(0, -4)}${sig!.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`
      const forged = yield* m2m.authenticateToken({ access_token: tampered }).pipe(Effect.flip)
      assert.strictEqual(forged._tag, "StytchJwtInvalidSignature")
    }))

  it.effect("tokens are signed with the emulator's current key, and still verify after a key rotation", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const emulator = yield* StytchEmulator.StytchEmulator
      const created = yield* createClient()
      const before = yield* tokenFor(created.client_id, created.client_secret)
      const kid = yield* emulator.rotateKeys
      const after = yield* tokenFor(created.client_id, created.client_secret)
      assert.strictEqual(jose.decodeProtectedHeader(after.access_token).kid, kid)
      assert.notStrictEqual(jose.decodeProtectedHeader(before.access_token).kid, kid)
      for (const { access_token } of [before, after]) {
        assert.strictEqual((yield* m2m.authenticateToken({ access_token })).client_id, created.client_id)
      }
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Secret rotation

  it.effect("rotation: both secrets work until rotate; then only the new one", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient()
      const started = yield* m2m.clients.secrets.rotateStart({ client_id: created.client_id })
      const next = started.m2m_client.next_client_secret
      assert.notStrictEqual(next, created.client_secret)
      assert.strictEqual(started.m2m_client.next_client_secret_last_four, next.slice(-4))
      assert.strictEqual(started.m2m_client.client_secret_last_four, created.client_secret_last_four)
      const got = yield* m2m.clients.get({ client_id: created.client_id })
      assert.strictEqual(got.m2m_client.next_client_secret_last_four, next.slice(-4))
      for (const secret of [created.client_secret, next]) yield* tokenFor(created.client_id, secret)

      // A second start while one is pending fails and keeps the pending secret.
      const before = yield* clientState(created.client_id)
      const twice = yield* m2m.clients.secrets.rotateStart({ client_id: created.client_id }).pipe(Effect.flip)
      assert.strictEqual(twice._tag, "M2mClientAlreadyRotatingSecret")
      assert.strictEqual(yield* clientState(created.client_id), before)
      yield* tokenFor(created.client_id, next)

      const rotated = yield* m2m.clients.secrets.rotate({ client_id: created.client_id })
      assert.strictEqual(rotated.m2m_client.client_secret_last_four, next.slice(-4))
      assert.isUndefined(rotated.m2m_client.next_client_secret_last_four)
      const old = yield* tokenFor(created.client_id, created.client_secret).pipe(Effect.flip)
      assert.strictEqual(old._tag === "StytchOAuth2Error" ? old.error : old._tag, "invalid_client")
      yield* tokenFor(created.client_id, next)
      const again = yield* m2m.clients.secrets.rotate({ client_id: created.client_id }).pipe(Effect.flip)
      assert.strictEqual(again._tag, "M2mClientNotRotatingSecret")
    }))

  it.effect("rotation: cancel drops the next secret and keeps the current one", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const created = yield* createClient()
      const notStarted = yield* m2m.clients.secrets.rotateCancel({ client_id: created.client_id }).pipe(Effect.flip)
      assert.strictEqual(notStarted._tag, "M2mClientNotRotatingSecret")
      const started = yield* m2m.clients.secrets.rotateStart({ client_id: created.client_id })
      const cancelled = yield* m2m.clients.secrets.rotateCancel({ client_id: created.client_id })
      assert.strictEqual(cancelled.m2m_client.client_secret_last_four, created.client_secret_last_four)
      assert.isUndefined(cancelled.m2m_client.next_client_secret_last_four)
      const dropped = yield* tokenFor(created.client_id, started.m2m_client.next_client_secret).pipe(Effect.flip)
      assert.strictEqual(dropped._tag === "StytchOAuth2Error" ? dropped.error : dropped._tag, "invalid_client")
      yield* tokenFor(created.client_id, created.client_secret)
      const unknown = yield* m2m.clients.secrets.rotateStart({ client_id: "m2m-client-test-nope" }).pipe(Effect.flip)
      assert.strictEqual(unknown._tag, "M2mClientNotFound")
    }))

  // -------------------------------------------------------------------------------------------------------------
  // The public form endpoint on the wire

  it.effect("the token endpoint: no Basic auth, form or JSON body, OAuth2 error bodies", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const created = yield* createClient(["read:users"])
      const url = `/v1/public/${emulator.projectId}/oauth2/token`
      const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
      const credentials = { client_id: created.client_id, client_secret: created.client_secret }

      const ok = yield* raw("POST", url, form({ grant_type: "client_credentials", ...credentials }), FORM)
      assert.strictEqual(ok.status, 200)
      assert.deepStrictEqual(
        Object.keys(ok.json).sort(),
        ["access_token", "expires_in", "request_id", "status_code", "token_type"]
      )
      const json = yield* raw("POST", url, JSON.stringify({ grant_type: "client_credentials", ...credentials }), {
        "content-type": "application/json"
      })
      assert.strictEqual(json.status, 200)

      const errors: Array<[string, string, number, string]> = [
        ["POST", form(credentials), 400, "invalid_request"],
        ["POST", form({ grant_type: "password", ...credentials }), 400, "unsupported_grant_type"],
        [
          "POST",
          form({ grant_type: "client_credentials", client_secret: created.client_secret }),
          400,
          "invalid_request"
        ],
        ["POST", form({ grant_type: "client_credentials", client_id: created.client_id }), 401, "invalid_client"],
        ["POST", `${form({ grant_type: "client_credentials", ...credentials })}&client_id=x`, 400, "invalid_request"],
        ["GET", "", 405, "invalid_request"]
      ]
      for (const [method, body, status, error] of errors) {
        const answer = yield* raw(method, url, body, FORM)
        expect([answer.status, answer.json.error], body).toEqual([status, error])
        assert.deepStrictEqual(
          Object.keys(answer.json).sort(),
          ["error", "error_description", "error_uri", "request_id", "status_code"]
        )
        assert.notInclude(answer.body, created.client_secret)
      }
      const otherProject = yield* raw("POST", "/v1/public/project-test-other/oauth2/token", form({
        grant_type: "client_credentials",
        ...credentials
      }), FORM)
      assert.strictEqual(otherProject.json.error, "invalid_client")
    }))

  it.effect("fault injection applies to the token endpoint: a 429 is retried, then the token comes", () =>
    Effect.gen(function*() {
      const emulator = yield* StytchEmulator.StytchEmulator
      const created = yield* createClient()
      // `Retry-After: 0` makes the retry immediate, so the TestClock need not move.
      yield* emulator.failNext({ status: 429, retryAfter: "0", pathPrefix: "/v1/public/" })
      const token = yield* tokenFor(created.client_id, created.client_secret)
      assert.strictEqual(jose.decodeJwt(token.access_token).sub, created.client_id)
      // A 503 is not retried for a credential exchange, and arrives as its typed class.
      yield* emulator.failNext({ status: 503, pathPrefix: "/v1/public/" })
      const error = yield* tokenFor(created.client_id, created.client_secret).pipe(Effect.flip)
      assert.strictEqual(error._tag, "ServiceUnavailable")
    }))

  it.effect("reset forgets every M2M client", () =>
    Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const emulator = yield* StytchEmulator.StytchEmulator
      const created = yield* createClient()
      yield* emulator.reset
      const error = yield* m2m.clients.get({ client_id: created.client_id }).pipe(Effect.flip)
      assert.strictEqual(error._tag, "M2mClientNotFound")
    }))
})

// ---------------------------------------------------------------------------------------------------------------
// Loopback HTTP

describe("M2M over loopback HTTP", () => {
  const loopback = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.provide(effect, StytchEmulator.layerStytchServer())

  it.live("create, token, authenticateToken, rotation and an OAuth2 error over real HTTP", () =>
    loopback(Effect.gen(function*() {
      const m2m = yield* M2M.M2M
      const server = yield* StytchEmulator.EmulatorServer
      const emulator = yield* StytchEmulator.StytchEmulator
      const created = (yield* m2m.clients.create({ scopes: ["read:users"], client_name: "loopback" })).m2m_client
      const { access_token } = yield* m2m.token({ client_id: created.client_id, client_secret: Redacted.make(created.client_secret) })
      const verified = yield* m2m.authenticateToken({ access_token, required_scopes: ["read:users"] })
      assert.strictEqual(verified.client_id, created.client_id)
      const started = yield* m2m.clients.secrets.rotateStart({ client_id: created.client_id })
      yield* m2m.clients.secrets.rotate({ client_id: created.client_id })
      const old = yield* m2m.token({ client_id: created.client_id, client_secret: Redacted.make(created.client_secret) })
        .pipe(Effect.flip)
      assert.strictEqual(old._tag === "StytchOAuth2Error" ? old.error : old._tag, "invalid_client")
      yield* m2m.token({ client_id: created.client_id, client_secret: Redacted.make(started.m2m_client.next_client_secret) })
      // The raw answer: an OAuth2 error body with its status, without the project's Basic auth.
      const response = yield* Effect.promise(() =>
        fetch(`${server.url}/v1/public/${emulator.projectId}/oauth2/token`, {
          method: "POST",
          headers: FORM,
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: created.client_id,
            client_secret: "nope-nope-nope"
          })
        }).then(async (r) => ({ status: r.status, body: await r.json() as Record<string, unknown> }))
      )
      assert.strictEqual(response.status, 401)
      assert.strictEqual(response.body.error, "invalid_client")
    })))
})
