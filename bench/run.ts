/**
 * `npm run bench`: the figures the README quotes, measured on this machine in one run.
 *
 *  1. Local session JWT verification vs raw `jose.jwtVerify` with the same key.
 *  2. users.get over loopback HTTP vs a raw `fetch` of the same URL, sequential and 16 in flight.
 *  3. Cold start: bare node, node + effect/platform/jose, + effect-stytch (import and build the layer), and the
 *     official `stytch` package.
 *  4. The in-process emulator's throughput on users.create + users.get.
 *
 * Results are printed as a Markdown table (paste into the README). Pass `--quick` for fewer iterations, and
 * `--only=inprocess|loopback|cold` for one group.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as jose from "jose"
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
// The built bundles (`npm run bench` builds them first): what a published package runs. Loading the TypeScript
// sources through tsx would measure tsx's transform too (it wraps every function in a naming helper).
import type { Sessions as SessionsNs, Users as UsersNs } from "../src/index.js"
import type * as SdkModule from "../src/index.js"
import type * as EmulatorModule from "effect-stytch/testing"
const { FetchClient, Sessions, Stytch, Users } = await import("../dist/index.js" as string) as typeof SdkModule
const { StytchEmulator } = await import("../dist/emulator.js" as string) as typeof EmulatorModule
type Services = UsersNs.Users | SessionsNs.Sessions

const quick = process.argv.includes("--quick")
const rows: Array<[string, string, string]> = []
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits })

/** Runs `body` repeatedly for about `millis` ms after a warm-up; returns operations per second. */
const opsPerSecond = async (body: () => Promise<unknown>, millis: number, batch = 1): Promise<number> => {
  const warmUntil = performance.now() + millis / 4
  while (performance.now() < warmUntil) await body()
  let ops = 0
  const start = performance.now()
  while (performance.now() - start < millis) {
    await body()
    ops += batch
  }
  return ops / ((performance.now() - start) / 1000)
}

// ---------------------------------------------------------------------------------------------------------------
// 1 + 4: in-process emulator

const inProcess = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const users = yield* Users.Users
  const sessions = yield* Sessions.Sessions
  const runtime = yield* Effect.runtime<Services>()
  const run = <A, E>(effect: Effect.Effect<A, E, Services>) =>
    Effect.runPromiseExit(Effect.provide(effect, runtime.context))

  // --- 1. JWT verification: the same token again and again (a user's requests), and distinct tokens (cold).
  const user = yield* users.create({ email: "bench@example.com" })
  const tokens: Array<string> = []
  for (let i = 0; i < 2000; i++) {
    tokens.push((yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 60 })).session_jwt)
  }
  const jwks = yield* sessions.getJWKS({ project_id: emulator.projectId })
  const key = yield* Effect.promise(() => jose.importJWK({ ...jwks.keys[0]!, alg: "RS256" } as jose.JWK, "RS256"))
  const options = {
    algorithms: ["RS256"],
    issuer: [`stytch.com/${emulator.projectId}`],
    audience: emulator.projectId,
    typ: "JWT"
  }
  yield* sessions.authenticateJwtLocal({ session_jwt: tokens[0]! }) // warms the JWKS cache
  const millis = quick ? 1000 : 3000
  const rounds = quick ? 1 : 3
  const BATCH = 100
  // The same token again and again: every call after the first is a verified-token cache hit.
  const same = Array.from({ length: BATCH }, () => tokens[0]!)
  let raw = 0
  let ours = 0
  for (let i = 0; i < rounds; i++) {
    raw = Math.max(raw, yield* Effect.promise(() => opsPerSecond(async () => {
      for (const t of same) await jose.jwtVerify(t, key, options)
    }, millis, BATCH)))
    ours = Math.max(ours, yield* Effect.promise(() => opsPerSecond(() =>
      run(Effect.forEach(same, (t) => sessions.authenticateJwtLocal({ session_jwt: t }), { discard: true })), millis, BATCH)))
  }
  rows.push([
    "Local JWT verify, the same token repeated",
    `${fmt(ours)} /s`,
    `raw jose.jwtVerify: ${fmt(raw)} /s, ratio ${(ours / raw).toFixed(2)}x`
  ])

  // Distinct tokens: each contender walks all 2,000 tokens in order with its own cursor (more than the SDK's
  // verified-token cache holds, so every verification is a full one). The contenders take turns in small batches,
  // so that drift on a shared machine hits them alike; the totals give the ratios. The third contender is
  // `jose.jwtVerify` inside `Effect.promise`: the cost of the Effect boundary alone, with nothing of the SDK's.
  const SMALL = 50
  // The two SDK contenders share the verified-token cache: they walk 1,000 tokens apart, so neither meets a token
  // the other verified recently enough to still be cached (100 insertions per turn, 1,024 kept).
  const cursors = [0, 0, 0, 0, 1000, 0]
  const walk = (who: number) => {
    const at = cursors[who]!
    cursors[who] = (at + SMALL) % tokens.length
    return tokens.slice(at, at + SMALL)
  }
  const contenders = [
    () => Effect.promise(async () => { for (const t of walk(0)) await jose.jwtVerify(t, key, options) }),
    () => Effect.forEach(walk(1), (t) => sessions.authenticateJwtLocal({ session_jwt: t }), { discard: true }),
    () => Effect.forEach(walk(2), (t) => Effect.promise(() => jose.jwtVerify(t, key, options)), { discard: true }),
    // A server verifies the tokens of concurrent requests: 16 in flight (WebCrypto works off the main thread).
    () => Effect.promise(async () => {
      // The same sliding window of 16 as Effect.forEach's `concurrency: 16`.
      const batch = walk(3)
      let next = 0
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (next < batch.length) await jose.jwtVerify(batch[next++]!, key, options)
      }))
    }),
    () =>
      Effect.forEach(walk(4), (t) => sessions.authenticateJwtLocal({ session_jwt: t }), {
        concurrency: 16,
        discard: true
      }),
    () => Effect.forEach(walk(5), (t) => Effect.promise(() => jose.jwtVerify(t, key, options)), { concurrency: 16, discard: true })
  ]
  const turns = quick ? 40 : 200
  const spent = [0, 0, 0, 0, 0, 0]
  for (let turn = -10; turn < turns; turn++) { // 10 turns of warm-up
    for (let who = 0; who < contenders.length; who++) {
      const start = performance.now()
      yield* Effect.promise(() => run(contenders[who]!()))
      if (turn >= 0) spent[who]! += performance.now() - start
    }
  }
  const rate = (who: number) => turns * SMALL / (spent[who]! / 1000)
  rows.push([
    "Local JWT verify, distinct tokens (full verification)",
    `${fmt(rate(1))} /s`,
    `raw jose.jwtVerify: ${fmt(rate(0))} /s, ratio ${(rate(1) / rate(0)).toFixed(2)}x; ` +
    `Effect.promise(jose.jwtVerify): ${fmt(rate(2))} /s, ${(rate(2) / rate(0)).toFixed(2)}x`
  ])
  rows.push([
    "Local JWT verify, distinct tokens, 16 in flight",
    `${fmt(rate(4))} /s`,
    `raw jose.jwtVerify 16 at a time: ${fmt(rate(3))} /s, ratio ${(rate(4) / rate(3)).toFixed(2)}x; ` +
    `Effect.forEach of Effect.promise(jose.jwtVerify): ${fmt(rate(5))} /s, ${(rate(5) / rate(3)).toFixed(2)}x`
  ])

  // --- 4. Emulator throughput: users.create + users.get, 16 in flight
  let n = 0
  const pair = Effect.flatMap(
    Effect.suspend(() => users.create({ email: `load-${n++}@example.com` })),
    (created) => users.get({ user_id: created.user_id })
  )
  const inFlight = 16
  const requestsPerStep = inFlight * 2
  // Best of `rounds` (as the other figures): a slow patch of a shared machine should not be the figure.
  let throughput = 0
  for (let i = 0; i < rounds; i++) {
    throughput = Math.max(throughput, yield* Effect.promise(() =>
      opsPerSecond(() => run(Effect.all(Array.from({ length: inFlight }, () => pair), { concurrency: inFlight })), millis, requestsPerStep)
    ))
  }
  rows.push(["In-process emulator, users.create + users.get through the SDK", `${fmt(throughput)} requests/s`, "16 in flight, best of rounds; goal >= 5,000"])
}).pipe(Effect.provide(StytchEmulator.layerStytch()))

// ---------------------------------------------------------------------------------------------------------------
// 2: loopback HTTP

const loopback = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const server = yield* StytchEmulator.EmulatorServer
  // The SDK twice: over its own lean `FetchClient`, and over @effect/platform's `FetchHttpClient`.
  const usersOver = (client: Layer.Layer<HttpClient.HttpClient>) =>
    Effect.map(
      Layer.build(
        Stytch.layer({ projectId: emulator.projectId, secret: emulator.secret, baseUrl: server.url }).pipe(Layer.provide(client))
      ),
      (context) => Effect.runSync(Effect.provide(Users.Users, context))
    )
  const users = yield* usersOver(FetchClient.layer)
  const platformUsers = yield* usersOver(FetchHttpClient.layer)
  const created = yield* users.create({ email: "loopback@example.com" })
  const url = `${server.url}/v1/users/${created.user_id}`
  const authorization = `Basic ${Buffer.from(`${emulator.projectId}:${Redacted.value(emulator.secret)}`).toString("base64")}`
  const rawGet = async () => {
    const response = await fetch(url, { headers: { authorization, accept: "application/json" } })
    const body = await response.json() as { user_id?: string }
    if (body.user_id !== created.user_id) throw new Error("unexpected body")
  }
  const sdkGet = () => Effect.runPromise(users.get({ user_id: created.user_id }))
  const platformGet = () => Effect.runPromise(platformUsers.get({ user_id: created.user_id }))
  // The official `stytch` package against the same server. Its `custom_base_url` must be https, so the emulator's
  // URL goes in `env` (which it accepts with a console warning, silenced here).
  const stytch = createRequire(import.meta.url)("stytch") as {
    Client: new(config: Record<string, unknown>) => { users: { get: (r: { user_id: string }) => Promise<{ user_id: string }> } }
  }
  const warn = console.warn
  console.warn = () => {}
  const official = new stytch.Client({
    project_id: emulator.projectId,
    secret: Redacted.value(emulator.secret),
    env: `${server.url}/`
  })
  console.warn = warn
  const officialGet = async () => {
    const user = await official.users.get({ user_id: created.user_id })
    if (user.user_id !== created.user_id) throw new Error("unexpected body")
  }
  // The four take turns in short slices, so that drift on a shared machine hits them alike.
  const millis = quick ? 1000 : 3000
  const slices = 6
  const contenders: Array<() => Promise<unknown>> = [rawGet, sdkGet, platformGet, officialGet]
  for (const concurrency of [1, 16]) {
    const ops = contenders.map(() => 0)
    for (let i = 0; i < slices; i++) {
      for (const [who, get] of contenders.entries()) {
        ops[who]! += yield* Effect.promise(() =>
          opsPerSecond(() => Promise.all(Array.from({ length: concurrency }, get)), millis / slices, concurrency)
        )
      }
    }
    const [rawOps, sdkOps, platformOps, officialOps] = ops.map((o) => o / slices) as [number, number, number, number]
    rows.push([
      `users.get over loopback HTTP, ${concurrency === 1 ? "sequential" : "16 in flight"}`,
      `${fmt(sdkOps)} /s`,
      `official stytch package: ${fmt(officialOps)} /s, ours ${(sdkOps / officialOps).toFixed(2)}x; raw fetch: ` +
      `${fmt(rawOps)} /s, ${(sdkOps / rawOps).toFixed(2)}x; the SDK over FetchHttpClient: ${fmt(platformOps)} /s, ` +
      `${(platformOps / officialOps).toFixed(2)}x the official`
    ])
  }
}).pipe(Effect.scoped, Effect.provide(StytchEmulator.layerServer({ port: 0 })))

// ---------------------------------------------------------------------------------------------------------------
// 3: cold start (separate processes; the SDK bundle is built by `npm run build` first)

const coldStart = () => {
  const dir = mkdtempSync(join(tmpdir(), "effect-stytch-bench-"))
  const root = process.cwd()
  const script = (name: string, body: string) => {
    const file = join(dir, `${name}.mjs`)
    writeFileSync(file, `const t0 = performance.now()\n${body}\nconsole.log(JSON.stringify({ total: performance.now() - t0, ...(globalThis.__marks ?? {}) }))\n`)
    return file
  }
  const deps = `await import(${JSON.stringify(join(root, "node_modules/effect/dist/esm/index.js"))}); await import(${JSON.stringify(join(root, "node_modules/@effect/platform/dist/esm/index.js"))}); await import(${JSON.stringify(join(root, "node_modules/jose/dist/webapi/index.js"))})`
  const files = {
    bare: script("bare", ""),
    deps: script("deps", deps),
    ours: script("ours", `${deps}
const t1 = performance.now()
const { Stytch, Users } = await import(${JSON.stringify(join(root, "dist/index.js"))})
const { Effect, Layer } = await import(${JSON.stringify(join(root, "node_modules/effect/dist/esm/index.js"))})
const { FetchHttpClient } = await import(${JSON.stringify(join(root, "node_modules/@effect/platform/dist/esm/index.js"))})
const layer = Stytch.layer({ projectId: "project-test-00000000-0000-4000-8000-000000000000", secret: "secret-test-x" }).pipe(Layer.provide(FetchHttpClient.layer))
await Effect.runPromise(Effect.scoped(Effect.flatMap(Layer.build(layer), (ctx) => Effect.succeed(ctx))))
globalThis.__marks = { sdk: performance.now() - t1 }`),
    official: script("official", `const { createRequire } = await import("node:module")
const require = createRequire(${JSON.stringify(join(root, "package.json"))})
const stytch = require("stytch")
new stytch.Client({ project_id: "project-test-00000000-0000-4000-8000-000000000000", secret: "secret-test-x" })`)
  }
  const runs = quick ? 3 : 7
  const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const measure = (file: string) => {
    const wall: Array<number> = []
    const sdk: Array<number> = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      const out = spawnSync(process.execPath, [file], { encoding: "utf8" })
      wall.push(performance.now() - start)
      if (out.status !== 0) throw new Error(`${file}: ${out.stderr}`)
      const parsed = JSON.parse(out.stdout.trim().split("\n").at(-1)!) as { sdk?: number }
      if (parsed.sdk !== undefined) sdk.push(parsed.sdk)
    }
    return { wall: median(wall), sdk: sdk.length ? median(sdk) : undefined }
  }
  const bare = measure(files.bare)
  const deps_ = measure(files.deps)
  const ours = measure(files.ours)
  const official = measure(files.official)
  rows.push(["Cold start: bare node", `${fmt(bare.wall)} ms`, "process start to exit, median"])
  rows.push(["Cold start: node + import effect, @effect/platform, jose", `${fmt(deps_.wall)} ms`, `effect's own import cost: +${fmt(deps_.wall - bare.wall)} ms`])
  rows.push(["Cold start: + import effect-stytch and build Stytch.layer", `${fmt(ours.wall)} ms`, `effect-stytch adds ${fmt(ours.sdk ?? 0, 1)} ms (measured in-process; budget 85 ms)`])
  rows.push(["Cold start: official stytch package (require + new Client)", `${fmt(official.wall)} ms`, `+${fmt(official.wall - bare.wall)} ms over bare node`])
}

// `--only=inprocess|loopback|cold` runs one group.
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length)
const main = Effect.gen(function*() {
  if (only === undefined || only === "inprocess") yield* inProcess
  if (only === undefined || only === "loopback") yield* loopback
  if (only === undefined || only === "cold") coldStart()
  console.log("\n| benchmark | result | notes |\n|---|---|---|")
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`)
  console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}`)
})

Effect.runPromise(main).catch((error) => {
  console.error(error)
  process.exit(1)
})
