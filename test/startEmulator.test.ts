/**
 * `startEmulator`, the Promise API, written as a non-Effect user would: plain vitest, the official `stytch` package
 * (given the loopback URL as `env`, which it accepts with a console warning, silenced here) and plain `fetch`.
 */
import * as http from "node:http"
import { randomUUID } from "node:crypto"
import * as stytch from "stytch"
import { afterEach, describe, expect, it, vi } from "vitest"
import { type RunningEmulator, startEmulator } from "effect-stytch-emulator"

vi.setConfig({ testTimeout: 30_000 })
vi.spyOn(console, "warn").mockImplementation(() => {})

const started: Array<RunningEmulator> = []
const start = async () => {
  const emu = await startEmulator({ port: 0 })
  started.push(emu)
  return emu
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((emu) => emu.close()))
})

const clientFor = (emu: RunningEmulator) =>
  new stytch.Client({ project_id: emu.projectId, secret: emu.secret, env: `${emu.url}/`, fraud_env: `${emu.url}/` })
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@promise.example.test`
const rejection = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a rejection"), (e) => e)

/** Email magic link sign-up through the official client and the outbox: the user and a live session token. */
const signUp = async (emu: RunningEmulator, client: stytch.Client) => {
  const email = uniqueEmail("ml")
  const created = await client.users.create({ email })
  await client.magicLinks.email.loginOrCreate({ email })
  const message = await emu.latestMessage({ to: email, kind: "magic_link_login" })
  expect(message?.user_id).toBe(created.user_id)
  const authed = await client.magicLinks.authenticate({ token: message!.token!, session_duration_minutes: 30 })
  expect(authed.user_id).toBe(created.user_id)
  return { email, user_id: created.user_id, session_token: authed.session_token }
}

describe("startEmulator", () => {
  it("serves the official stytch package: users.create, a magic link from the outbox, authenticate", async () => {
    const emu = await start()
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`)
    expect(typeof emu.secret).toBe("string")
    const client = clientFor(emu)
    const { email, session_token, user_id } = await signUp(emu, client)
    const session = await client.sessions.authenticate({ session_token })
    expect(session.user.user_id).toBe(user_id)
    expect((await emu.outbox({ to: email })).map((m) => m.kind)).toEqual(["magic_link_login"])
  })

  it("drives a control-backed flow over plain fetch: a seeded session authenticates", async () => {
    const emu = await start()
    const auth = {
      authorization: `Basic ${btoa(`${emu.projectId}:${emu.secret}`)}`,
      "content-type": "application/json"
    }
    const created = await fetch(`${emu.url}/v1/users`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ email: uniqueEmail("fetch") })
    })
    expect(created.status).toBe(201)
    const { user_id } = await created.json() as { user_id: string }
    const seeded = await emu.seedSession({ user_id })
    const authed = await fetch(`${emu.url}/v1/sessions/authenticate`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ session_token: seeded.session_token })
    })
    expect(authed.status).toBe(200)
    const body = await authed.json() as { session: { session_id: string; user_id: string } }
    expect(body.session.session_id).toBe(seeded.session_id)
    expect(body.session.user_id).toBe(user_id)
  })

  it("failNext makes the official client see a 503, then a 429, then a success", async () => {
    const emu = await start()
    const client = clientFor(emu)
    const { user_id } = await client.users.create({ email: uniqueEmail("fault") })
    await emu.failNext({ status: 503 })
    const unavailable = await rejection(client.users.get({ user_id }))
    expect(unavailable).toBeInstanceOf(stytch.StytchError)
    expect(unavailable.status_code).toBe(503)
    await emu.failNext({ status: 429 })
    const limited = await rejection(client.users.get({ user_id }))
    expect(limited.status_code).toBe(429)
    expect(limited.error_type).toBe("too_many_requests")
    expect((await client.users.get({ user_id })).user_id).toBe(user_id)
  })

  it("exportState, close, importState into a second emulator: the user and the session are still there", async () => {
    const first = await start()
    const { session_token, user_id } = await signUp(first, clientFor(first))
    const saved = JSON.stringify(await first.exportState())
    await first.close()
    const second = await start()
    expect(second.port).not.toBe(0)
    const client = clientFor(second)
    await expect(client.users.get({ user_id })).rejects.toMatchObject({ status_code: 404 })
    await second.importState(saved)
    expect((await client.users.get({ user_id })).user_id).toBe(user_id)
    expect((await client.sessions.authenticate({ session_token })).user.user_id).toBe(user_id)
  })

  it("importState of garbage rejects with a clear message and changes nothing", async () => {
    const emu = await start()
    const client = clientFor(emu)
    const { user_id } = await client.users.create({ email: uniqueEmail("garbage") })
    for (const garbage of ["not json {", { version: 999 }, 42]) {
      const error = await rejection(emu.importState(garbage))
      expect(error).toBeInstanceOf(Error)
      expect(error._tag).toBe("ImportStateError")
      expect(error.message).toMatch(/^The saved state was refused: /)
      expect(String(error)).not.toMatch(/FiberFailure/)
    }
    expect((await client.users.get({ user_id })).user_id).toBe(user_id)
  })

  it("updateSettings with a wrongly typed field rejects naming the field and changes nothing", async () => {
    const emu = await start()
    const before = await emu.settings()
    const error = await rejection(emu.updateSettings({ otpMaxAttempts: "many" } as never))
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toMatch(/^updateSettings: .*otpMaxAttempts/)
    expect(String(error)).not.toMatch(/FiberFailure/)
    expect(await emu.settings()).toEqual(before)
    expect((await emu.updateSettings({ otpMaxAttempts: 3 })).otpMaxAttempts).toBe(3)
  })

  it("close() is idempotent and frees the port", async () => {
    const emu = await startEmulator({ port: 0 })
    expect((await fetch(`${emu.url}/v1/users/user-test-x`)).status).toBe(401)
    await Promise.all([emu.close(), emu.close()])
    await emu.close()
    await expect(fetch(`${emu.url}/v1/users/user-test-x`)).rejects.toThrow()
    const other = http.createServer()
    await new Promise<void>((resolve, reject) => other.once("error", reject).listen(emu.port, "127.0.0.1", resolve))
    await new Promise((resolve) => other.close(resolve))
  })

  it("rejects with the listen error when the port is taken", async () => {
    const emu = await start()
    const error = await rejection(startEmulator({ port: emu.port }))
    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe("EADDRINUSE")
  })

  it("the README example: magic link sign-up, a 503 over plain fetch, export and import", async () => {
    const emu = await start()
    const client = new stytch.Client({ project_id: emu.projectId, secret: emu.secret, env: `${emu.url}/` })
    const email = uniqueEmail("readme")
    await client.magicLinks.email.loginOrCreate({ email })
    const mail = await emu.latestMessage({ to: email, kind: "magic_link_signup" })
    const authed = await client.magicLinks.authenticate({ token: mail!.token!, session_duration_minutes: 30 })
    const { session_token } = authed
    await emu.failNext({ status: 503 })
    const res = await fetch(`${emu.url}/v1/sessions/authenticate`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${emu.projectId}:${emu.secret}`)}`, "content-type": "application/json" },
      body: JSON.stringify({ session_token })
    })
    expect(res.status).toBe(503)
    const saved = await emu.exportState()
    await emu.close()
    const next = await start()
    await next.importState(saved)
    expect((await next.outbox({ to: email })).map((m) => m.token)).toEqual([mail!.token])
  })
})
