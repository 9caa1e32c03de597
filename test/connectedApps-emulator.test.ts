/**
 * Connected Apps against the emulator, through the SDK's `ConnectedApp` service: clients (create, get, update,
 * delete, search with cursors), secret rotation (start, cancel, complete), redirect URL rules, and every failure
 * path as a typed error with the state unchanged afterwards. Secrets appear only in the create and rotateStart
 * answers, never in get or search (checked on the wire too).
 *
 * One in-process emulator for the file; the tests run one after another.
 */
import { assert, describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { randomUUID } from "node:crypto"
import { StytchEmulator } from "effect-stytch/testing"
import { ConnectedApp } from "../src/index.js"
import { expectFailure } from "./support.js"

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`

type CreateRequest = ConnectedApp.ConnectedAppsClientsCreateRequest

const service = ConnectedApp.ConnectedApp

/** A new client; returns the create answer's client (with its secret, for confidential types). */
const createClient = (client_type: string, extra: Partial<CreateRequest> = {}) =>
  Effect.flatMap(service, (ca) =>
    Effect.map(
      ca.clients.create({ client_type, client_name: unique("app"), ...extra }),
      (response) => response.connected_app
    ))

/** Every client the API shows, as text: equal before and after a failed call means nothing changed. */
const allState = Effect.flatMap(service, (ca) =>
  Effect.map(ca.clients.search({ limit: 1000 }), (r) => JSON.stringify([r.results_metadata.total, r.connected_apps])))

/** Runs a call that must fail and checks its tag (and status, when given); returns the error. */
const failsWith = <A, E extends { readonly _tag: string }, R>(
  self: Effect.Effect<A, E, R>,
  tag: string,
  status?: number,
  label?: string
) =>
  Effect.map(expectFailure(self), (error) => {
    expect(error._tag, label).toBe(tag)
    if (status !== undefined) expect((error as unknown as { status_code: number }).status_code, label).toBe(status)
    return error
  })

/** A raw request to the emulator, below the SDK: for what is on the wire. */
const raw = (method: string, url: string, body = "") =>
  Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const authorization = `Basic ${
      Buffer.from(`${emulator.projectId}:${Redacted.value(emulator.secret)}`).toString("base64")
    }`
    const answer = yield* emulator.handle({
      method,
      url,
      headers: { authorization, "content-type": "application/json" },
      body
    })
    return { status: answer.status, json: JSON.parse(answer.body) as Record<string, any>, body: answer.body }
  })

layer(StytchEmulator.layerStytch())("Connected Apps against the emulator", (it) => {
  // -------------------------------------------------------------------------------------------------------------
  // Create and get

  it.effect("a confidential client: the secret is shown once at create; get and search show only its last four", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const name = unique("first-party")
      const created = yield* createClient("first_party", {
        client_name: name,
        client_description: "our admin console",
        redirect_urls: ["https://admin.example.com/callback"]
      })
      assert.match(created.client_id, /^connected-app-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      const secret = created.client_secret!
      assert.isString(secret)
      assert.isAtLeast(secret.length, 32)
      assert.strictEqual(created.client_secret_last_four, secret.slice(-4))
      assert.isUndefined(created.next_client_secret_last_four)
      assert.deepStrictEqual({ ...created, client_secret: "<secret>" }, {
        client_id: created.client_id,
        client_name: name,
        client_description: "our admin console",
        status: "active",
        full_access_allowed: false,
        client_type: "first_party",
        redirect_urls: ["https://admin.example.com/callback"],
        access_token_expiry_minutes: 60,
        access_token_template_content: "",
        post_logout_redirect_urls: [],
        bypass_consent_for_offline_access: false,
        client_secret_last_four: secret.slice(-4),
        client_secret: "<secret>"
      } as typeof created)

      const got = yield* ca.clients.get({ client_id: created.client_id })
      const { client_secret: _secret, ...shown } = created
      // get's model adds creation_method (the create answer's model has none).
      assert.deepStrictEqual(got.connected_app, { ...shown, creation_method: "api" })
      assert.notProperty(got.connected_app, "client_secret")

      // On the wire, not only after the SDK's decoding.
      const wireGet = yield* raw("GET", `/v1/connected_apps/clients/${created.client_id}`)
      assert.strictEqual(wireGet.status, 200)
      assert.notInclude(wireGet.body, secret)
      assert.notProperty(wireGet.json.connected_app, "client_secret")
      const wireSearch = yield* raw("POST", "/v1/connected_apps/clients/search", JSON.stringify({ limit: 1000 }))
      assert.strictEqual(wireSearch.status, 200)
      assert.include(wireSearch.body, created.client_id)
      assert.notInclude(wireSearch.body, secret)
      const listed = (wireSearch.json.connected_apps as Array<Record<string, unknown>>)
        .find((c) => c.client_id === created.client_id)!
      assert.strictEqual(listed.client_secret_last_four, secret.slice(-4))
      assert.notProperty(listed, "client_secret")
    }))

  it.effect("each create gets its own id and secret", () =>
    Effect.gen(function*() {
      const a = yield* createClient("third_party", { redirect_urls: ["https://partner.example.com/cb"] })
      const b = yield* createClient("third_party", { redirect_urls: ["https://partner.example.com/cb"] })
      assert.notStrictEqual(a.client_id, b.client_id)
      assert.notStrictEqual(a.client_secret, b.client_secret)
      assert.strictEqual(b.client_type, "third_party")
      assert.isString(b.client_secret)
    }))

  it.effect("public clients get no secret, and secret rotation on them fails typed without changing them", () =>
    Effect.gen(function*() {
      const ca = yield* service
      for (const client_type of ["first_party_public", "third_party_public"]) {
        const created = yield* createClient(client_type, { redirect_urls: ["http://127.0.0.1:8765/callback"] })
        assert.strictEqual(created.client_type, client_type)
        assert.notProperty(created, "client_secret")
        assert.notProperty(created, "client_secret_last_four")
        const wire = yield* raw("GET", `/v1/connected_apps/clients/${created.client_id}`)
        assert.notProperty(wire.json.connected_app, "client_secret_last_four")
        const before = yield* allState
        const client_id = created.client_id
        yield* failsWith(ca.clients.secrets.rotateStart({ client_id }), "PublicConnectedAppsDoNotHaveSecrets", 400)
        yield* failsWith(ca.clients.secrets.rotate({ client_id }), "PublicConnectedAppsDoNotHaveSecrets", 400)
        yield* failsWith(ca.clients.secrets.rotateCancel({ client_id }), "PublicConnectedAppsDoNotHaveSecrets", 400)
        assert.strictEqual(yield* allState, before)
      }
    }))

  it.effect("every optional field is stored and answered as given", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const created = yield* createClient("first_party", {
        client_description: "full",
        redirect_urls: ["https://app.example.com/a", "http://localhost:3000/b", "https://app.example.com/a"],
        post_logout_redirect_urls: ["https://app.example.com/bye"],
        full_access_allowed: true,
        bypass_consent_for_offline_access: true,
        access_token_expiry_minutes: 15,
        access_token_custom_audience: "https://api.example.com",
        access_token_template_content: "{\"plan\": {{ user.trusted_metadata.plan }}}",
        logo_url: "https://cdn.example.com/logo.png"
      })
      const got = (yield* ca.clients.get({ client_id: created.client_id })).connected_app
      // A repeated redirect URL is kept once, in order.
      assert.deepStrictEqual(got.redirect_urls, ["https://app.example.com/a", "http://localhost:3000/b"])
      assert.deepStrictEqual(got.post_logout_redirect_urls, ["https://app.example.com/bye"])
      assert.isTrue(got.full_access_allowed)
      assert.isTrue(got.bypass_consent_for_offline_access)
      assert.strictEqual(got.access_token_expiry_minutes, 15)
      assert.strictEqual(got.access_token_custom_audience, "https://api.example.com")
      assert.strictEqual(got.access_token_template_content, "{\"plan\": {{ user.trusted_metadata.plan }}}")
      assert.strictEqual(got.logo_url, "https://cdn.example.com/logo.png")
      assert.isUndefined(got.client_id_metadata_url)
    }))

  it.effect("redirect URLs: https anywhere, http only on loopback hosts, localhost not for third parties", () =>
    Effect.gen(function*() {
      const firstParty = yield* createClient("first_party_public", {
        redirect_urls: [
          "https://app.example.com/callback",
          "http://localhost:3000/callback",
          "http://127.0.0.1:49152/callback",
          "http://[::1]:8080/callback",
          "https://localhost/callback"
        ]
      })
      assert.lengthOf(firstParty.redirect_urls, 5)
      const thirdParty = yield* createClient("third_party_public", {
        redirect_urls: ["https://tool.example.org/cb", "http://127.0.0.1:33418/cb", "http://[::1]/cb"]
      })
      assert.deepStrictEqual(thirdParty.redirect_urls, [
        "https://tool.example.org/cb",
        "http://127.0.0.1:33418/cb",
        "http://[::1]/cb"
      ])
    }))

  it.effect("create failures are typed and create nothing", () =>
    Effect.gen(function*() {
      const ca = yield* service
      yield* createClient("first_party") // at least one client in the state
      const before = yield* allState
      const cases: Array<[CreateRequest, string]> = [
        [{ client_type: "confidential" }, "InvalidConnectedAppType"],
        [{ client_type: "" }, "InvalidConnectedAppType"],
        [{ client_type: "first_party", redirect_urls: ["app.example.com/callback"] }, "ConnectedAppRedirectUrlMustIncludeScheme"],
        [{ client_type: "first_party", redirect_urls: ["localhost:3000/callback"] }, "ConnectedAppRedirectUrlMustIncludeScheme"],
        [{ client_type: "first_party", redirect_urls: ["https://"] }, "ConnectedAppInvalidRedirectUrl"],
        [{ client_type: "first_party", redirect_urls: ["https://app.example.com/cb#frag"] }, "ConnectedAppInvalidRedirectUrl"],
        [{ client_type: "first_party", redirect_urls: ["ftp://files.example.com/cb"] }, "ConnectedAppRedirectUrlMustUseHttpOrHttpsScheme"],
        [{ client_type: "first_party_public", redirect_urls: ["com.example.app:/oauth"] }, "ConnectedAppRedirectUrlMustUseHttpOrHttpsScheme"],
        [{ client_type: "first_party", redirect_urls: ["http://app.example.com/cb"] }, "ConnectedAppRedirectUrlHttpSchemeMustUseLoopback"],
        [{ client_type: "third_party", redirect_urls: ["http://10.0.0.1/cb"] }, "ConnectedAppRedirectUrlHttpSchemeMustUseLoopback"],
        [{ client_type: "third_party", redirect_urls: ["http://localhost:3000/cb"] }, "ConnectedAppRedirectUrlCannotUseLocalhost"],
        [{ client_type: "third_party_public", redirect_urls: ["https://localhost/cb"] }, "ConnectedAppRedirectUrlCannotUseLocalhost"],
        // The valid first URL does not save the list.
        [
          { client_type: "first_party", redirect_urls: ["https://ok.example.com/cb", "http://bad.example.com/cb"] },
          "ConnectedAppRedirectUrlHttpSchemeMustUseLoopback"
        ],
        [
          { client_type: "first_party", post_logout_redirect_urls: ["http://app.example.com/bye"] },
          "ConnectedAppRedirectUrlHttpSchemeMustUseLoopback"
        ],
        [
          {
            client_type: "first_party",
            redirect_urls: Array.from({ length: 51 }, (_, i) => `https://app.example.com/cb/${i}`)
          },
          "TooManyRedirectUrls"
        ],
        [{ client_type: "first_party", access_token_expiry_minutes: 0 }, "IdpInvalidAccessTokenExpiryMinutes"],
        [{ client_type: "first_party", access_token_expiry_minutes: 2.5 }, "IdpInvalidAccessTokenExpiryMinutes"],
        [{ client_type: "first_party", access_token_expiry_minutes: 100_000 }, "IdpInvalidAccessTokenExpiryMinutes"],
        [{ client_type: "first_party", logo_url: "not a url" }, "InvalidUrl"],
        [{ client_type: "first_party", logo_url: "javascript:alert(1)" }, "InvalidUrl"],
        [{ client_type: "third_party", full_access_allowed: true }, "BadRequest"],
        [{ client_type: "third_party_public", bypass_consent_for_offline_access: true }, "BadRequest"]
      ]
      for (const [request, tag] of cases) {
        yield* failsWith(ca.clients.create(request), tag, 400, JSON.stringify(request).slice(0, 100))
      }
      assert.strictEqual(yield* allState, before)
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Update

  it.effect("update changes only what it is given", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const created = yield* createClient("first_party", {
        client_description: "before",
        redirect_urls: ["https://app.example.com/cb"],
        access_token_expiry_minutes: 30,
        logo_url: "https://cdn.example.com/old.png",
        access_token_custom_audience: "aud-1"
      })
      const { client_secret: _secret, ...fromCreate } = created
      const shown = { ...fromCreate, creation_method: "api" }

      const renamed = yield* ca.clients.update({ client_id: created.client_id, client_name: "renamed" })
      assert.deepStrictEqual(renamed.connected_app, { ...shown, client_name: "renamed" })

      const changed = yield* ca.clients.update({
        client_id: created.client_id,
        client_description: "after",
        redirect_urls: ["https://app.example.com/new", "http://127.0.0.1:9000/cb"],
        post_logout_redirect_urls: ["https://app.example.com/bye"],
        full_access_allowed: true,
        bypass_consent_for_offline_access: true,
        access_token_expiry_minutes: 120,
        access_token_template_content: "{\"k\": 1}",
        access_token_custom_audience: "",
        logo_url: ""
      })
      const { logo_url: _logo, access_token_custom_audience: _aud, ...rest } = shown
      assert.deepStrictEqual(changed.connected_app, {
        ...rest,
        client_name: "renamed",
        client_description: "after",
        redirect_urls: ["https://app.example.com/new", "http://127.0.0.1:9000/cb"],
        post_logout_redirect_urls: ["https://app.example.com/bye"],
        full_access_allowed: true,
        bypass_consent_for_offline_access: true,
        access_token_expiry_minutes: 120,
        access_token_template_content: "{\"k\": 1}"
      })
      // get agrees with update's answer; an empty update changes nothing.
      const got = yield* ca.clients.get({ client_id: created.client_id })
      assert.deepStrictEqual(got.connected_app, changed.connected_app)
      const noop = yield* ca.clients.update({ client_id: created.client_id })
      assert.deepStrictEqual(noop.connected_app, changed.connected_app)
      // An empty list clears the redirect URLs.
      const cleared = yield* ca.clients.update({ client_id: created.client_id, redirect_urls: [] })
      assert.deepStrictEqual(cleared.connected_app.redirect_urls, [])
      assert.deepStrictEqual(cleared.connected_app.post_logout_redirect_urls, ["https://app.example.com/bye"])
    }))

  it.effect("update failures are typed and change nothing (checked against the stored client type)", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const third = yield* createClient("third_party", { redirect_urls: ["https://partner.example.com/cb"] })
      const client_id = third.client_id
      const before = yield* allState
      const cases: Array<[Partial<ConnectedApp.ConnectedAppsClientsUpdateRequest>, string]> = [
        [{ client_name: "x", redirect_urls: ["http://localhost:3000/cb"] }, "ConnectedAppRedirectUrlCannotUseLocalhost"],
        [{ client_name: "x", redirect_urls: ["http://partner.example.com/cb"] }, "ConnectedAppRedirectUrlHttpSchemeMustUseLoopback"],
        [{ client_name: "x", post_logout_redirect_urls: ["partner.example.com"] }, "ConnectedAppRedirectUrlMustIncludeScheme"],
        [{ client_name: "x", full_access_allowed: true }, "BadRequest"],
        [{ client_name: "x", bypass_consent_for_offline_access: true }, "BadRequest"],
        [{ client_name: "x", access_token_expiry_minutes: -5 }, "IdpInvalidAccessTokenExpiryMinutes"],
        [{ client_name: "x", logo_url: "ftp://cdn.example.com/logo.png" }, "InvalidUrl"]
      ]
      for (const [fields, tag] of cases) {
        yield* failsWith(ca.clients.update({ client_id, ...fields }), tag, 400, JSON.stringify(fields))
      }
      yield* failsWith(
        ca.clients.update({ client_id: "connected-app-test-00000000-0000-0000-0000-000000000000", client_name: "x" }),
        "ConnectedAppNotFound",
        404
      )
      assert.strictEqual(yield* allState, before)
      // Setting them to false is allowed on a third-party client.
      const ok = yield* ca.clients.update({ client_id, full_access_allowed: false, bypass_consent_for_offline_access: false })
      assert.isFalse(ok.connected_app.full_access_allowed)
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Delete and unknown clients

  it.effect("delete removes the client: get, update, delete, rotation then fail typed; search no longer lists it", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const created = yield* createClient("first_party")
      const client_id = created.client_id
      const listedBefore = yield* ca.clients.search({ limit: 1000 })
      assert.include(listedBefore.connected_apps.map((c) => c.client_id), client_id)

      const deleted = yield* ca.clients.delete({ client_id })
      assert.strictEqual(deleted.client_id, client_id)

      const notFound = yield* failsWith(ca.clients.get({ client_id }), "ConnectedAppNotFound", 404)
      assert.strictEqual(
        (notFound as unknown as { error_message: string }).error_message,
        "The Connected App requested could not be found."
      )
      const after = yield* allState
      yield* failsWith(ca.clients.delete({ client_id }), "ConnectedAppNotFound", 404)
      yield* failsWith(ca.clients.update({ client_id, client_name: "x" }), "ConnectedAppNotFound", 404)
      yield* failsWith(ca.clients.secrets.rotateStart({ client_id }), "ConnectedAppNotFound", 404)
      yield* failsWith(ca.clients.secrets.rotate({ client_id }), "ConnectedAppNotFound", 404)
      yield* failsWith(ca.clients.secrets.rotateCancel({ client_id }), "ConnectedAppNotFound", 404)
      assert.strictEqual(yield* allState, after)

      const listedAfter = yield* ca.clients.search({ limit: 1000 })
      assert.notInclude(listedAfter.connected_apps.map((c) => c.client_id), client_id)
      assert.strictEqual(listedAfter.results_metadata.total, listedBefore.results_metadata.total - 1)
    }))

  it.effect("an id of another kind (an M2M client id) is a malformed Connected App id", () =>
    Effect.gen(function*() {
      const ca = yield* service
      yield* failsWith(ca.clients.get({ client_id: "m2m-client-test-123" }), "InvalidClientId", 400)
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Secret rotation

  it.effect("rotation: start shows the next secret once; rotate swaps it in", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const created = yield* createClient("third_party", { redirect_urls: ["https://partner.example.com/cb"] })
      const client_id = created.client_id
      const first = created.client_secret!

      const started = yield* ca.clients.secrets.rotateStart({ client_id })
      const next = started.connected_app.next_client_secret
      assert.isAtLeast(next.length, 32)
      assert.notStrictEqual(next, first)
      assert.strictEqual(started.connected_app.client_secret_last_four, first.slice(-4))
      assert.strictEqual(started.connected_app.next_client_secret_last_four, next.slice(-4))

      // During the rotation: both last fours shown, neither secret.
      const during = yield* ca.clients.get({ client_id })
      assert.strictEqual(during.connected_app.client_secret_last_four, first.slice(-4))
      assert.strictEqual(during.connected_app.next_client_secret_last_four, next.slice(-4))
      const wire = yield* raw("GET", `/v1/connected_apps/clients/${client_id}`)
      assert.notInclude(wire.body, next)
      assert.notInclude(wire.body, first)
      assert.notProperty(wire.json.connected_app, "next_client_secret")
      const wireSearch = yield* raw("POST", "/v1/connected_apps/clients/search", "{}")
      assert.notInclude(wireSearch.body, next)
      assert.notInclude(wireSearch.body, first)

      const before = yield* allState
      yield* failsWith(ca.clients.secrets.rotateStart({ client_id }), "ConnectedAppAlreadyRotatingSecret", 400)
      assert.strictEqual(yield* allState, before)

      const rotated = yield* ca.clients.secrets.rotate({ client_id })
      assert.strictEqual(rotated.connected_app.client_secret_last_four, next.slice(-4))
      assert.isUndefined(rotated.connected_app.next_client_secret_last_four)
      assert.notProperty(rotated.connected_app, "next_client_secret")
      const got = yield* ca.clients.get({ client_id })
      assert.deepStrictEqual(got.connected_app, rotated.connected_app)

      const settled = yield* allState
      yield* failsWith(ca.clients.secrets.rotate({ client_id }), "ConnectedAppNotRotatingSecret", 400)
      yield* failsWith(ca.clients.secrets.rotateCancel({ client_id }), "ConnectedAppNotRotatingSecret", 400)
      assert.strictEqual(yield* allState, settled)

      // A new rotation can start after one completed.
      const again = yield* ca.clients.secrets.rotateStart({ client_id })
      assert.strictEqual(again.connected_app.client_secret_last_four, next.slice(-4))
      assert.notStrictEqual(again.connected_app.next_client_secret, next)
    }))

  it.effect("rotation: cancel keeps the current secret and drops the next one", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const created = yield* createClient("first_party")
      const client_id = created.client_id
      const first = created.client_secret!
      const before = yield* allState
      yield* failsWith(ca.clients.secrets.rotateCancel({ client_id }), "ConnectedAppNotRotatingSecret", 400)
      yield* failsWith(ca.clients.secrets.rotate({ client_id }), "ConnectedAppNotRotatingSecret", 400)
      assert.strictEqual(yield* allState, before)

      const started = yield* ca.clients.secrets.rotateStart({ client_id })
      const cancelled = yield* ca.clients.secrets.rotateCancel({ client_id })
      assert.strictEqual(cancelled.connected_app.client_secret_last_four, first.slice(-4))
      assert.isUndefined(cancelled.connected_app.next_client_secret_last_four)
      assert.strictEqual(
        started.connected_app.next_client_secret_last_four,
        started.connected_app.next_client_secret.slice(-4)
      )
      // The client is as it was before the rotation.
      assert.strictEqual(yield* allState, before)
      yield* failsWith(ca.clients.secrets.rotateCancel({ client_id }), "ConnectedAppNotRotatingSecret", 400)
    }))

  // -------------------------------------------------------------------------------------------------------------
  // Search and reset

  describe("search", () => {
    it.effect("pages with limit and next_cursor in creation order; the last page has no cursor", () =>
      Effect.gen(function*() {
        const ca = yield* service
        const emulator = yield* StytchEmulator.StytchEmulator
        yield* emulator.reset
        const ids: Array<string> = []
        for (let i = 0; i < 5; i++) ids.push((yield* createClient(i % 2 === 0 ? "first_party" : "third_party_public")).client_id)

        const pages: Array<Array<string>> = []
        let cursor: string | undefined
        do {
          const page = yield* ca.clients.search({ limit: 2, ...(cursor === undefined ? {} : { cursor }) })
          assert.strictEqual(page.results_metadata.total, 5)
          pages.push(page.connected_apps.map((c) => c.client_id))
          for (const c of page.connected_apps) assert.notProperty(c, "client_secret")
          cursor = page.results_metadata.next_cursor
          assert.isAtMost(pages.length, 3)
        } while (cursor !== undefined)
        assert.deepStrictEqual(pages, [ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)])

        // Without a limit: everything, no cursor. A limit equal to the count: no cursor either.
        const all = yield* ca.clients.search()
        assert.deepStrictEqual(all.connected_apps.map((c) => c.client_id), ids)
        assert.isUndefined(all.results_metadata.next_cursor)
        const exact = yield* ca.clients.search({ limit: 5 })
        assert.isUndefined(exact.results_metadata.next_cursor)
        assert.lengthOf(exact.connected_apps, 5)
        const empty = yield* ca.clients.search({ cursor: "", limit: 1 })
        assert.deepStrictEqual(empty.connected_apps.map((c) => c.client_id), [ids[0]])
      }))

    it.effect("a cursor stays valid when the client it points at is deleted", () =>
      Effect.gen(function*() {
        const ca = yield* service
        const emulator = yield* StytchEmulator.StytchEmulator
        yield* emulator.reset
        const ids: Array<string> = []
        for (let i = 0; i < 4; i++) ids.push((yield* createClient("first_party_public")).client_id)
        const first = yield* ca.clients.search({ limit: 2 })
        const cursor = first.results_metadata.next_cursor!
        assert.isString(cursor)
        yield* ca.clients.delete({ client_id: ids[1]! })
        const second = yield* ca.clients.search({ limit: 2, cursor })
        assert.deepStrictEqual(second.connected_apps.map((c) => c.client_id), ids.slice(2))
        assert.strictEqual(second.results_metadata.total, 3)
        assert.isUndefined(second.results_metadata.next_cursor)
      }))

    it.effect("a bad limit or cursor is a typed failure", () =>
      Effect.gen(function*() {
        const ca = yield* service
        const m2mCursor = Buffer.from(`123:m2m-client-test-x`).toString("base64url")
        for (const cursor of ["not-a-cursor", "!!!", m2mCursor, Buffer.from("connected-apps:-1").toString("base64url")]) {
          yield* failsWith(ca.clients.search({ cursor }), "BadRequest", 400, cursor)
        }
        for (const limit of [0, -1, 1001, 2.5]) {
          yield* failsWith(ca.clients.search({ limit }), "BadRequest", 400, String(limit))
        }
      }))
  })

  it.effect("reset forgets every Connected App", () =>
    Effect.gen(function*() {
      const ca = yield* service
      const emulator = yield* StytchEmulator.StytchEmulator
      const created = yield* createClient("first_party")
      assert.isAtLeast((yield* ca.clients.search()).results_metadata.total, 1)
      yield* emulator.reset
      const after = yield* ca.clients.search()
      assert.strictEqual(after.results_metadata.total, 0)
      assert.deepStrictEqual(after.connected_apps, [])
      yield* failsWith(ca.clients.get({ client_id: created.client_id }), "ConnectedAppNotFound", 404)
    }))
})
