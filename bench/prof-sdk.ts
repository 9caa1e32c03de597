import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Stytch, Users } from "/work/main/src/index.js"
const body = JSON.stringify({ request_id: "r", status_code: 200, user_id: "user-test-1", emails: [{ email_id: "e", email: "a@b.c", verified: true }], status: "active", phone_numbers: [], webauthn_registrations: [], providers: [], totps: [], crypto_wallets: [], biometric_registrations: [], is_locked: false, roles: [], created_at: "2020-01-01T00:00:00Z", trusted_metadata: {}, untrusted_metadata: {} })
const mode = process.argv[2]
const client = HttpClient.make((request) => Effect.succeed(HttpClientResponse.fromWeb(request, new Response(body, { status: 200 }))))
const prog = Effect.gen(function*() {
  const users = yield* Users.Users
  for (let r = 0; r < 3; r++) {
    const t = performance.now()
    for (let i = 0; i < 2000; i++) yield* users.get({ user_id: "user-test-1" })
    console.log("2000 sdk users.get (canned) in", (performance.now() - t).toFixed(0), "ms")
  }
  for (let r = 0; r < 3; r++) {
    const t = performance.now()
    for (let i = 0; i < 2000; i++) yield* client.get("http://x/y").pipe(Effect.flatMap((r) => r.text), Effect.catchAll(() => Effect.void))
    console.log("2000 bare client+text in", (performance.now() - t).toFixed(0), "ms")
  }
}).pipe(Effect.provide(Stytch.layer({ projectId: "project-test-x", secret: "s" }).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))))
Effect.runPromise(prog).catch(console.error)
