/**
 * The plain emulator (`createEmulator`): requests answered in-process and over its loopback server, the controls as
 * Promises, and time from the clock each call is given (a hand-moved one here), never from the real one.
 */
import * as http from "node:http"
import { randomUUID } from "node:crypto"
import { describe, expect, it } from "vitest"
import {
  BodyReadError,
  createEmulator,
  type EmulatorClock,
  ImportStateError,
  type PlainEmulator,
  type WireRequest
} from "effect-stytch-emulator"

/** 2030-01-01T00:00:00Z: far from the real time, so a reading of the real clock shows. */
const EPOCH = Date.UTC(2030, 0, 1)
/** A time as the API writes it (RFC 3339, whole seconds). */
const iso = (millis: number) => new Date(millis).toISOString().replace(".000Z", "Z")

/** A clock moved by hand: `sleep` resolves once `advance` has moved it far enough (or rejects when aborted). */
const manualClock = (start = EPOCH) => {
  let now = start
  const sleepers: Array<{ readonly until: number; readonly wake: () => void; readonly millis: number }> = []
  const aborted: Array<number> = []
  const clock: EmulatorClock = {
    now: () => now,
    sleep: (millis, signal) =>
      new Promise<void>((resolve, reject) => {
        const sleeper = { until: now + millis, wake: resolve, millis }
        sleepers.push(sleeper)
        signal?.addEventListener("abort", () => {
          sleepers.splice(sleepers.indexOf(sleeper), 1)
          aborted.push(millis)
          reject(new Error("aborted"))
        })
      })
  }
  const advance = (millis: number) => {
    now += millis
    for (const sleeper of [...sleepers]) {
      if (sleeper.until <= now) {
        sleepers.splice(sleepers.indexOf(sleeper), 1)
        sleeper.wake()
      }
    }
  }
  return { clock, advance, sleepers, aborted }
}

const basic = (emu: PlainEmulator) => `Basic ${Buffer.from(`${emu.projectId}:${emu.secret}`).toString("base64")}`
const post = (emu: PlainEmulator, url: string, body: unknown): WireRequest => ({
  method: "POST",
  url,
  headers: { authorization: basic(emu), "content-type": "application/json" },
  body: JSON.stringify(body)
})
const get = (emu: PlainEmulator, url: string): WireRequest => ({
  method: "GET",
  url,
  headers: { authorization: basic(emu) }
})
const createUser = async (emu: PlainEmulator, clock?: EmulatorClock) => {
  const email = `plain-${randomUUID().slice(0, 8)}@plain.example.test`
  const answer = await emu.handle(post(emu, "/v1/users", { email }), clock)
  expect(answer.status).toBe(201)
  return JSON.parse(answer.body) as { user_id: string; user: { created_at: string } }
}
const rejectionOf = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a rejection"), (e) => e)
/** Whether `promise` has settled after the pending callbacks ran. */
const settled = async (promise: Promise<unknown>) => {
  let done = false
  promise.then(() => (done = true), () => (done = true))
  await new Promise((resolve) => setImmediate(resolve))
  return done
}

describe("createEmulator", () => {
  it("answers requests in-process; time is the given clock's", async () => {
    const emu = createEmulator()
    const { clock } = manualClock()
    const created = await createUser(emu, clock)
    expect(created.user.created_at).toBe(iso(EPOCH))
    const read = await emu.handle({ ...get(emu, `/v1/users/${created.user_id}`), headers: { Authorization: basic(emu) } })
    expect(read.status).toBe(200)
    expect(read.headers["content-type"]).toBe("application/json")
    expect(JSON.parse(read.body).user_id).toBe(created.user_id)
    // Without a clock: the real one.
    const real = await createUser(emu)
    expect(Math.abs(Date.parse(real.user.created_at) - Date.now())).toBeLessThan(60_000)
  })

  it("a controllable clock moves a seeded session's expiry", async () => {
    const emu = createEmulator()
    const { advance, clock } = manualClock()
    const { user_id } = await createUser(emu, clock)
    const seeded = await emu.seedSession({ user_id, session_duration_minutes: 5 }, clock)
    const authenticateRequest = post(emu, "/v1/sessions/authenticate", { session_token: seeded.session_token })
    const authenticate = () => emu.handle(authenticateRequest, clock)
    const live = await authenticate()
    expect(live.status).toBe(200)
    const session = JSON.parse(live.body).session
    expect(session.started_at).toBe(iso(EPOCH))
    expect(session.expires_at).toBe(iso(EPOCH + 5 * 60_000))
    // Each call reads its own clock: on the real one (years before 2030) the session is live too.
    const onRealClock = await emu.handle(authenticateRequest)
    expect(onRealClock.status).toBe(200)
    advance(5 * 60_000 - 1)
    expect((await authenticate()).status).toBe(200)
    advance(1)
    const expired = await authenticate()
    expect(expired.status).toBe(404)
    expect(JSON.parse(expired.body).error_type).toBe("session_not_found")
  })

  it("the options' clock is the default of every call; exportState and seedTelemetry read it", async () => {
    const { advance, clock } = manualClock()
    const emu = createEmulator({ clock })
    advance(90_000)
    expect((await emu.exportState()).exported_at).toBe(iso(EPOCH + 90_000))
    const telemetry = await emu.seedTelemetry()
    expect(Date.parse(telemetry.expires_at)).toBe(EPOCH + 90_000 + 60 * 60_000)
    const other = manualClock(EPOCH + 1_000_000)
    expect((await emu.exportState(other.clock)).exported_at).toBe(iso(EPOCH + 1_000_000))
  })

  it("a delay fault waits on the given clock's sleep, and only on it", async () => {
    const emu = createEmulator()
    const { advance, clock, sleepers } = manualClock()
    const { user_id } = await createUser(emu, clock)
    await emu.failNext({ delayMillis: 30_000, status: 503 })
    const answer = emu.handle(get(emu, `/v1/users/${user_id}`), clock)
    expect(await settled(answer)).toBe(false)
    expect(sleepers.map((s) => s.millis)).toEqual([30_000])
    advance(29_999)
    expect(await settled(answer)).toBe(false)
    advance(1)
    const stalled = await answer
    expect(stalled.status).toBe(503)
    expect(JSON.parse(stalled.body).error_type).toBe("service_unavailable")
    // The fault was used up: the next request is answered at once.
    expect((await emu.handle(get(emu, `/v1/users/${user_id}`), clock)).status).toBe(200)
  })

  it("aborting a request's signal abandons it, and the clock's sleep with it", async () => {
    const emu = createEmulator()
    const { aborted, clock, sleepers } = manualClock()
    await emu.failNext({ delayMillis: 10_000 })
    const controller = new AbortController()
    const { signal } = controller
    const answer = emu.handle({ method: "GET", url: "/v1/users/user-test-x", headers: {}, signal }, clock)
    expect(await settled(answer)).toBe(false)
    controller.abort()
    expect(await rejectionOf(answer)).toBeInstanceOf(Error)
    expect(aborted).toEqual([10_000])
    expect(sleepers).toEqual([])
  })

  it("a lazy body is read only when needed, and its failure is answered", async () => {
    const emu = createEmulator()
    let reads = 0
    const body = () => {
      reads++
      return Promise.resolve(JSON.stringify({ email: "lazy@plain.example.test" }))
    }
    const refused = await emu.handle({ method: "POST", url: "/v1/users", headers: {}, body })
    expect(refused.status).toBe(401)
    expect(reads).toBe(0)
    const created = await emu.handle({ ...post(emu, "/v1/users", {}), body })
    expect(created.status).toBe(201)
    expect(reads).toBe(1)
    const tooLarge = await emu.handle({
      ...post(emu, "/v1/users", {}),
      body: () => Promise.reject(new BodyReadError("tooLarge"))
    })
    expect(tooLarge.status).toBe(413)
    const broken = await emu.handle({ ...post(emu, "/v1/users", {}), body: () => Promise.reject(new Error("reset")) })
    expect(broken.status).toBe(400)
    expect(JSON.parse(broken.body).error_message).toBe("The request body could not be read.")
  })

  it("controls' failures reject with the message; a refused state with ImportStateError", async () => {
    expect(() => createEmulator({ settings: { otpMaxAttempts: "many" } as never })).toThrow(
      /^StytchEmulator settings: .*otpMaxAttempts/
    )
    const emu = createEmulator()
    const before = await emu.settings()
    const bad = await rejectionOf(emu.updateSettings({ otpMaxAttempts: "many" } as never))
    expect(bad).toBeInstanceOf(Error)
    expect(bad.message).toMatch(/^updateSettings: .*otpMaxAttempts/)
    expect(String(bad)).not.toMatch(/FiberFailure/)
    expect(await emu.settings()).toEqual(before)
    expect((await rejectionOf(emu.failNext({}))).message).toMatch(/^failNext: /)
    expect((await rejectionOf(emu.seedSession({ user_id: "user-test-nobody" }))).message).toBe(
      "seedSession: no user user-test-nobody"
    )
    for (const garbage of ["not json {", { version: 999 }, 42]) {
      const refused = await rejectionOf(emu.importState(garbage))
      expect(refused).toBeInstanceOf(ImportStateError)
      expect(refused._tag).toBe("ImportStateError")
      expect(refused.message).toMatch(/^The saved state was refused: /)
    }
    const other = createEmulator({ projectId: "project-test-11111111-1111-4111-8111-111111111111" })
    const foreign = await rejectionOf(emu.importState(await other.exportState()))
    expect(foreign.problem).toMatch(/^the state is of project project-test-1111/)
  })

  it("serve: the server answers over loopback on the given clock, and close frees the port", async () => {
    const emu = createEmulator()
    const { advance, clock } = manualClock()
    const server = await emu.serve({ port: 0 }, clock)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    const created = await fetch(`${server.url}/v1/users`, {
      method: "POST",
      headers: { authorization: basic(emu), "content-type": "application/json" },
      body: JSON.stringify({ email: "served@plain.example.test" })
    })
    expect(created.status).toBe(201)
    const { user, user_id } = await created.json() as { user_id: string; user: { created_at: string } }
    expect(user.created_at).toBe(iso(EPOCH))
    // The same state in-process and over the server.
    const read = await emu.handle(get(emu, `/v1/users/${user_id}`))
    expect(read.status).toBe(200)
    // The controls over REST read the server's clock too, and the request log is in its time.
    const log = await fetch(`${server.url}/emulator/v1/requests`)
    const { requests } = await log.json() as { requests: Array<{ path: string; at: string }> }
    // Newest first: the in-process read (on the real clock, no clock given), then the served create.
    expect(requests.map((r) => r.path)).toEqual([`/v1/users/${user_id}`, "/v1/users"])
    expect(Math.abs(Date.parse(requests[0]!.at) - Date.now())).toBeLessThan(60_000)
    expect(requests[1]!.at).toBe(new Date(EPOCH).toISOString())
    advance(1_000)
    const state = await fetch(`${server.url}/emulator/v1/state`)
    expect(state.status).toBe(200)
    expect((await state.json() as { exported_at: string }).exported_at).toBe(iso(EPOCH + 1_000))

    const taken = await rejectionOf(emu.serve({ port: server.port }))
    expect(taken).toBeInstanceOf(Error)
    expect(taken.code).toBe("EADDRINUSE")

    await Promise.all([server.close(), server.close()])
    await expect(fetch(`${server.url}/v1/users/${user_id}`)).rejects.toThrow()
    const other = http.createServer()
    await new Promise<void>((resolve, reject) => other.once("error", reject).listen(server.port, "127.0.0.1", resolve))
    await new Promise((resolve) => other.close(resolve))
  })
})

describe("createEmulator: hostile requests through handle", () => {
  it("oversized, deeply nested, wrongly typed and badly encoded requests are 4xx Stytch errors; nothing is written", async () => {
    const emu = createEmulator()
    const raw = (url: string, body: string): WireRequest => ({
      method: "POST",
      url,
      headers: { authorization: basic(emu), "content-type": "application/json" },
      body
    })
    const hostile: ReadonlyArray<readonly [string, WireRequest]> = [
      ["oversized", raw("/v1/users", JSON.stringify({ email: "big@example.com", name: { first_name: "x".repeat(2 << 20) } }))],
      ["deeply nested", raw("/v1/users", `{"email":"deep@example.com","trusted_metadata":${"[".repeat(100_000)}${"]".repeat(100_000)}}`)],
      ["wrongly typed", post(emu, "/v1/users", { email: 42 })],
      ["not JSON", raw("/v1/users", "{\"email\": ")],
      ["a lone surrogate", raw("/v1/users", "{\"email\":\"\ud800@example.com\"}")],
      ["malformed percent-encoding", get(emu, "/v1/users/%E0%A4%A")],
      ["a lazy body that fails", { ...raw("/v1/users", ""), body: () => Promise.reject(new Error("socket reset")) }]
    ]
    for (const [what, request] of hostile) {
      const answer = await emu.handle(request)
      expect(answer.status, what).toBeGreaterThanOrEqual(400)
      expect(answer.status, what).toBeLessThan(500)
      const body = JSON.parse(answer.body)
      expect(typeof body.error_type, what).toBe("string")
      expect(body.status_code, what).toBe(answer.status)
    }
    const search = await emu.handle(post(emu, "/v1/users/search", {}))
    expect(JSON.parse(search.body).results).toEqual([])
    // And the emulator still works.
    expect((await emu.handle(post(emu, "/v1/users", { email: "after@example.com" }))).status).toBe(201)
  })
})
