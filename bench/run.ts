/**
 * `npm run bench`: the figures the README quotes, measured on this machine in one run, for both Effect lines of the
 * package (`effect-stytch` on Effect 3, `effect-stytch/effect4` on Effect 4) beside the official `stytch` package.
 *
 *  1. Local session JWT verification vs raw `jose.jwtVerify` with the same key (`inprocess`).
 *  2. users.get per call over loopback HTTP, the emulator in another process: the SDK over `NodeClient` and over
 *     `FetchClient` vs the official `stytch` package and raw floors, sequential and 16 in flight; and the decode of
 *     that answer by the SDK's schema (`loopback`, bench/perCall.ts).
 *  3. Cold start: bare node, node + the line's Effect (and @effect/platform on Effect 3) and jose, + effect-stytch
 *     (import and build the layer), and the official `stytch` package (`cold`).
 *  4. Install size and package count, ours (packed) minus the peers vs the official package (`install`,
 *     bench/install.ts); bundle sizes of both lines (`bundle`, bench/bundle.ts).
 *  5. The in-process emulator's throughput on users.create + users.get (`inprocess`).
 *
 * The Effect 3 line runs here (Node 20, the root's effect 3). The Effect 4 line needs effect 4 and Node 22, so its
 * figures for 1 and 2 come from a child process on Node 22 (bench/effect4.ts, effect4/bench/run.ts) running the
 * built package: a plain copy of `dist/` under `effect4/.bench/`, where `effect` is effect 4. All contenders of a
 * figure that can share a process are interleaved in it (the Node 22 process measures the Effect 3 line too, beside
 * the Effect 4 one, for the loopback and decode figures); across the two processes, each line is compared with the
 * official package (or raw jose) measured in its own process, on its own Node, and the official package is reported
 * on both Nodes, so that the Node's part shows separately. Cold starts spawn each variant on its line's Node.
 *
 * Results are printed as a Markdown table (paste into the README). Pass `--quick` for fewer iterations, and
 * `--only=inprocess,loopback,cold,install,bundle` (any of them) for some groups.
 */
import * as Effect from "effect/Effect"
import * as jose from "jose"
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { DIST4, type Effect4Result, NODE22, prepareEffect4, runEffect4 } from "./effect4.js"
import { type JwtRates, jwtRates, measure, type PerCallResult } from "./harness.js"
import { measureBundles, type Size } from "./bundle.js"
import { measureInstall } from "./install.js"
import { type LoopbackResult, measurePerCall } from "./perCall.js"
// The built bundles (`npm run bench` builds them first): what a published package runs. Loading the TypeScript
// sources through tsx would measure tsx's transform too (it wraps every function in a naming helper).
import type { Sessions as SessionsNs, Users as UsersNs } from "../src/index.js"
import type * as SdkModule from "../src/index.js"
import type * as EmulatorModule from "effect-stytch/testing"
const sdkModule = await import("../dist/index.js" as string) as typeof SdkModule
const { Sessions, Users } = sdkModule
const { StytchEmulator } = await import("../dist/testing.js" as string) as typeof EmulatorModule
type Services = UsersNs.Users | SessionsNs.Sessions

const quick = process.argv.includes("--quick")
const rows: Array<[string, string, string]> = []
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits })
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`
const node20 = `Node ${process.version.slice(1).split(".")[0]}`
const node22Version = spawnSync(NODE22, ["--version"], { encoding: "utf8" }).stdout.trim()
const node22 = `Node ${node22Version.slice(1).split(".")[0]}`

/** Operations per second of `body` (the harness's `measure`, without its CPU figure). */
const opsPerSecond = async (body: () => Promise<unknown>, millis: number, batch = 1): Promise<number> =>
  (await measure(body, millis, batch)).rate

// What the groups measured, for the rows that put the two lines side by side.
let jwt3: JwtRates | undefined
let loopback3: LoopbackResult | undefined
let emulatorThroughput: number | undefined
let effect4: Effect4Result | undefined

// ---------------------------------------------------------------------------------------------------------------
// 1 + 5: in-process emulator (Effect 3; the Effect 4 line's JWT figures come from effect4/bench/run.ts)

const inProcess = Effect.gen(function*() {
  const emulator = yield* StytchEmulator.StytchEmulator
  const users = yield* Users.Users
  const sessions = yield* Sessions.Sessions
  const runtime = yield* Effect.runtime<Services>()
  const run = <A, E>(effect: Effect.Effect<A, E, Services>) =>
    Effect.runPromise(Effect.provide(effect, runtime.context))

  // --- 1. JWT verification (bench/harness.ts's `jwtRates`): 2,000 distinct tokens of one user.
  const user = yield* users.create({ email: "bench@example.com" })
  const tokens: Array<string> = []
  for (let i = 0; i < 2000; i++) {
    tokens.push((yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 60 })).session_jwt)
  }
  const jwks = yield* sessions.getJWKS({ project_id: emulator.projectId })
  yield* sessions.authenticateJwtLocal({ session_jwt: tokens[0]! }) // warms the JWKS cache
  jwt3 = yield* Effect.promise(() =>
    jwtRates({
      tokens,
      jwk: jwks.keys[0]! as jose.JWK,
      projectId: emulator.projectId,
      ours: (batch, concurrency) =>
        run(Effect.forEach(batch, (t) => sessions.authenticateJwtLocal({ session_jwt: t }), { concurrency, discard: true })),
      effectJose: (key, options) => (batch, concurrency) =>
        run(Effect.forEach(batch, (t) => Effect.promise(() => jose.jwtVerify(t, key, options)), { concurrency, discard: true })),
      quick
    })
  )

  // --- 5. Emulator throughput: users.create + users.get, 16 in flight
  const millis = quick ? 1000 : 3000
  const rounds = quick ? 1 : 3
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
  emulatorThroughput = throughput
}).pipe(Effect.provide(StytchEmulator.layerStytch()))

/**
 * "Effect 4 vs Effect 3", given twice: the rates' ratio (the two Nodes differ too) and the ratio of each line's ratio
 * to its own process's baseline (the official package, raw jose, a clone), which takes the Node out.
 */
const versus = (ours4: number, ours3: number, base4: number, base3: number, baseName: string) =>
  `; **Effect 4 ${ratio(ours4, ours3)} Effect 3** (rates), ${ratio(ours4 / base4, ours3 / base3)} (each over ${baseName})`

/** The JWT rows: each line against raw jose measured in its own process (Effect 3 on Node 20, Effect 4 on Node 22). */
const jwtRows = (v3: JwtRates | undefined, v4: JwtRates | undefined) => {
  const figures = [
    ["the same token repeated", (r: JwtRates) => ({ ...r.same, effectJose: undefined }), "raw jose.jwtVerify"],
    ["distinct tokens (full verification)", (r: JwtRates) => r.distinct, "raw jose.jwtVerify"],
    ["distinct tokens, 16 in flight", (r: JwtRates) => r.distinct16, "raw jose.jwtVerify 16 at a time"]
  ] as const
  for (const [label, pick, rawName] of figures) {
    for (const [line, r, node] of [[3, v3, node20], [4, v4, node22]] as const) {
      if (r === undefined) continue
      const { effectJose, ours, raw } = pick(r)
      const other = line === 4 && v3 !== undefined ? pick(v3) : undefined
      rows.push([
        `Local JWT verify, ${label}: Effect ${line} (${node})`,
        `${fmt(ours)} /s`,
        `${rawName}: ${fmt(raw)} /s, ratio ${ratio(ours, raw)}` +
        (effectJose === undefined
          ? ""
          : `; ${label.includes("16") ? "Effect.forEach of " : ""}Effect.promise(jose.jwtVerify): ` +
            `${fmt(effectJose)} /s, ${ratio(effectJose, raw)}`) +
        (other === undefined ? "" : versus(ours, other.ours, raw, other.raw, "its own raw jose"))
      ])
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2: users.get per call over loopback HTTP, the emulator in another process (bench/perCall.ts, effect4/bench/run.ts)

const loopback = Effect.promise(async () => {
  loopback3 = await measurePerCall(sdkModule, { millis: quick ? 1500 : 6000, slices: quick ? 3 : 6 })
})

/**
 * The loopback rows. Each line measured itself and the official package in its own process, interleaved in the same
 * slices: each line's ratio is to the official package on its own Node. The Node 22 process also measured the
 * Effect 3 line beside the Effect 4 one (the two lines' one same-Node, same-slices comparison).
 */
const loopbackRows = (v3: LoopbackResult | undefined, v4: Effect4Result["loopback"]) => {
  const ms = (x: number) => `${fmt(x, 3)} ms`
  for (const concurrency of [1, 16]) {
    const label = concurrency === 1 ? "sequential" : `${concurrency} in flight`
    const r3 = v3?.perCall.find((r) => r.concurrency === concurrency)
    const r4 = v4?.perCall.find((r) => r.concurrency === concurrency)
    const vs = (pick: (r: PerCallResult["rates"]) => number) =>
      r3 === undefined || r4 === undefined
        ? ""
        : versus(pick(r4.rates), pick(r3.rates), r4.rates.official, r3.rates.official, "its Node's official")
    for (const [line, r, node] of [[3, r3, node20], [4, r4, node22]] as const) {
      if (r === undefined) continue
      rows.push([
        `users.get over loopback, ${label}: Effect ${line} SDK over NodeClient (${node})`,
        `${fmt(r.rates.oursNode)} /s`,
        `official stytch on ${node}, same slices: ${fmt(r.rates.official)} /s; ` +
        `**ours ${ratio(r.rates.oursNode, r.rates.official)} the official** (goal >= 1.20x); ` +
        `client CPU per call ${ms(r.cpu.oursNode)} vs ${ms(r.cpu.official)}` +
        (line === 4 ? vs((q) => q.oursNode) : "")
      ])
    }
    for (const [line, r, node] of [[3, r3, node20], [4, r4, node22]] as const) {
      if (r === undefined) continue
      rows.push([
        `users.get over loopback, ${label}: Effect ${line} SDK over FetchClient (${node})`,
        `${fmt(r.rates.oursFetch)} /s`,
        `ours ${ratio(r.rates.oursFetch, r.rates.official)} the official; client CPU per call ${ms(r.cpu.oursFetch)}` +
        (line === 4 ? vs((q) => q.oursFetch) : "")
      ])
    }
    if (r4 !== undefined) {
      const { cpu, rates } = r4
      rows.push([
        `users.get over loopback, ${label}: both lines in the one ${node22} process, same slices`,
        `Effect 4 ${fmt(rates.oursNode)} /s, Effect 3 ${fmt(rates.effect3Node)} /s (NodeClient)`,
        `**Effect 4 ${ratio(rates.oursNode, rates.effect3Node)} Effect 3**; the official there ${fmt(rates.official)} /s ` +
        `(Effect 4 ${ratio(rates.oursNode, rates.official)}, Effect 3 ${ratio(rates.effect3Node, rates.official)}); ` +
        `client CPU per call ${ms(cpu.oursNode)} vs ${ms(cpu.effect3Node)}; FetchClient: Effect 4 ` +
        `${fmt(rates.oursFetch)} /s, Effect 3 ${fmt(rates.effect3Fetch)} /s ` +
        `(${ratio(rates.oursFetch, rates.effect3Fetch)}), CPU ${ms(cpu.oursFetch)} vs ${ms(cpu.effect3Fetch)}`
      ])
    }
    for (const [line, r, node] of [[3, r3, node20], [4, r4, node22]] as const) {
      if (r === undefined) continue
      rows.push([
        `users.get over loopback, ${label}: floors (no SDK), ${node} (the Effect ${line} process)`,
        `raw node:http ${fmt(r.rates.rawNode)} /s`,
        `raw fetch ${fmt(r.rates.rawFetch)} /s; client CPU per call ${ms(r.cpu.rawNode)} / ${ms(r.cpu.rawFetch)}; ` +
        `NodeClient SDK ${ratio(r.rates.oursNode, r.rates.rawNode)} raw node:http, ` +
        `FetchClient SDK ${ratio(r.rates.oursFetch, r.rates.rawFetch)} raw fetch`
      ])
    }
  }
  for (const [line, r, node] of [[3, v3, node20], [4, v4, node22]] as const) {
    if (r === undefined) continue
    rows.push([
      `Decode of a users.get answer by the SDK's response schema: Effect ${line} (${node})`,
      `${fmt(r.decode.decode)} /s`,
      `structuredClone of the same body: ${fmt(r.decode.clone)} /s (the Node's own pace); ` +
      `decode ${ratio(r.decode.decode, r.decode.clone)} the clone` +
      (line === 4 && v3 !== undefined
        ? versus(r.decode.decode, v3.decode.decode, r.decode.clone, v3.decode.clone, "its Node's clone")
        : "")
    ])
  }
  if (v4 !== undefined) {
    const [four, three] = [v4.decode, v4.decodeEffect3]
    rows.push([
      `Decode of a users.get answer: both lines in the one ${node22} process`,
      `Effect 4 ${fmt(four.decode)} /s, Effect 3 ${fmt(three.decode)} /s`,
      `**Effect 4 ${ratio(four.decode, three.decode)} Effect 3**, same body, same Node (best of two turns each)`
    ])
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3: cold start (separate processes; the SDK bundle is built by `npm run build:js` first)

const coldStart = () => {
  const dir = mkdtempSync(join(tmpdir(), "effect-stytch-bench-"))
  const root = process.cwd()
  const script = (name: string, body: string) => {
    const file = join(dir, `${name}.mjs`)
    const report = "console.log(JSON.stringify({ total: performance.now() - t0, ...(globalThis.__marks ?? {}) }))"
    writeFileSync(file, `const t0 = performance.now()\n${body}\n${report}\n`)
    return file
  }
  const modulePath = (path: string) => JSON.stringify(join(root, path))
  /** Import the SDK at `sdk`, build `Stytch.layer` over `HttpTransport.layer` with the Effect at `effect`. */
  const ours = (deps: string, sdk: string, effect: string) => `${deps}
const t1 = performance.now()
const { HttpTransport, Stytch } = await import(${sdk})
const { Effect, Exit, Layer, Scope } = await import(${effect})
const layer = Stytch.layer({ projectId: "project-test-00000000-0000-4000-8000-000000000000", secret: "secret-test-x" })
  .pipe(Layer.provide(HttpTransport.layer))
const scope = Effect.runSync(Scope.make())
await Effect.runPromise(Layer.buildWithScope(layer, scope))
globalThis.__marks = { sdk: performance.now() - t1 }
await Effect.runPromise(Scope.close(scope, Exit.void))`
  const official = script("official", `const { createRequire } = await import("node:module")
const require = createRequire(${modulePath("package.json")})
const stytch = require("stytch")
new stytch.Client({ project_id: "project-test-00000000-0000-4000-8000-000000000000", secret: "secret-test-x" })`)
  const bare = script("bare", "")
  const jose = modulePath("node_modules/jose/dist/webapi/index.js")
  // Effect 3: effect, @effect/platform and jose are the baseline (an Effect 3 app has them).
  const effect3 = modulePath("node_modules/effect/dist/esm/index.js")
  const deps3 = `await import(${effect3}); await import(${modulePath("node_modules/@effect/platform/dist/esm/index.js")}); ` +
    `await import(${jose})`
  // Effect 4: effect (with its effect/http modules, where the HTTP client lives now) and jose.
  const effect4 = modulePath("effect4/node_modules/effect/dist/index.js")
  const deps4 = `await import(${effect4}); await import(${modulePath("effect4/node_modules/effect/dist/http/index.js")}); ` +
    `await import(${jose})`
  const node = process.execPath
  const variants = {
    bare3: { node, file: bare },
    deps3: { node, file: script("deps3", deps3) },
    ours3: { node, file: script("ours3", ours(deps3, modulePath("dist/index.js"), effect3)) },
    official3: { node, file: official },
    bare4: { node: NODE22, file: bare },
    deps4: { node: NODE22, file: script("deps4", deps4) },
    ours4: { node: NODE22, file: script("ours4", ours(deps4, JSON.stringify(join(DIST4, "effect4/index.js")), effect4)) },
    official4: { node: NODE22, file: official }
  }
  type Variant = keyof typeof variants
  const runs = quick ? 5 : 11
  const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const walls = Object.fromEntries(Object.keys(variants).map((k) => [k, [] as Array<number>])) as Record<
    Variant,
    Array<number>
  >
  const inProcessSdk: Record<"ours3" | "ours4", Array<number>> = { ours3: [], ours4: [] }
  // Round-robin, so that a slow patch of a shared machine hits every variant alike.
  for (let i = 0; i < runs; i++) {
    for (const name of Object.keys(variants) as Array<Variant>) {
      const { file, node } = variants[name]
      const start = performance.now()
      const out = spawnSync(node, [file], { encoding: "utf8" })
      walls[name].push(performance.now() - start)
      if (out.status !== 0) throw new Error(`${file}: ${out.stderr}`)
      const parsed = JSON.parse(out.stdout.trim().split("\n").at(-1)!) as { sdk?: number }
      if (parsed.sdk !== undefined && (name === "ours3" || name === "ours4")) inProcessSdk[name].push(parsed.sdk)
    }
  }
  rmSync(dir, { recursive: true, force: true })
  const m = (name: Variant) => median(walls[name])
  rows.push([
    "Cold start: bare node",
    `${node20}: ${fmt(m("bare3"))} ms`,
    `${node22}: ${fmt(m("bare4"))} ms; process start to exit, median of ${runs}, all variants round-robin`
  ])
  rows.push([
    "Cold start, Effect 3: node + import effect, @effect/platform, jose (the baseline)",
    `${fmt(m("deps3"))} ms`,
    `${node20}; +${fmt(m("deps3") - m("bare3"))} ms over bare node`
  ])
  rows.push([
    "Cold start, Effect 4: node + import effect (and effect/http), jose (the baseline)",
    `${fmt(m("deps4"))} ms`,
    `${node22}; +${fmt(m("deps4") - m("bare4"))} ms over bare node`
  ])
  for (const [line, nodeName] of [[3, node20], [4, node22]] as const) {
    const name = `ours${line}` as const
    rows.push([
      `Cold start, Effect ${line}: baseline + import effect-stytch${line === 4 ? "/effect4" : ""} and build ` +
      "Stytch.layer over HttpTransport.layer",
      `+${fmt(m(name) - m(`deps${line}`))} ms over the baseline`,
      `${nodeName}; ${fmt(m(name))} ms in all; measured inside the process: ${fmt(median(inProcessSdk[name]), 1)} ms` +
        (line === 3 ? " (budget 85 ms)" : "")
    ])
  }
  rows.push([
    "Cold start: official stytch package (require + new Client)",
    `${node20}: +${fmt(m("official3") - m("bare3"))} ms over bare node`,
    `${node22}: +${fmt(m("official4") - m("bare4"))} ms; ${fmt(m("official3"))} / ${fmt(m("official4"))} ms in all ` +
    "(it needs no Effect, so its baseline is bare node)"
  ])
}

// ---------------------------------------------------------------------------------------------------------------
// 4: install size (bench/install.ts) and bundle sizes (bench/bundle.ts)

const installSize = () => {
  const typesBuilt = existsSync(join(process.cwd(), "dist/types"))
  const result = measureInstall(process.cwd())
  const mb = (bytes: number) => `${fmt(bytes / 1e6, 2)} MB`
  const extra = {
    bytes: result.ours.bytes - result.peers.bytes,
    packages: result.ours.packages - result.peers.packages
  }
  rows.push([
    "Install: effect-stytch (npm pack of this checkout) minus its peers",
    `${mb(extra.bytes)}, ${extra.packages} packages`,
    `peers ${result.peerSpecs.join(" + ")} and their dependencies subtracted (${mb(result.peers.bytes)}, ` +
    `${result.peers.packages} packages; an Effect app has them); with them: ${mb(result.ours.bytes)}, ` +
    `${result.ours.packages} packages` +
      (typesBuilt ? "" : "; **dist/types not built (run `npm run build`): no .d.ts counted**")
  ])
  rows.push([
    `Install: official stytch@${result.officialVersion}`,
    `${mb(result.official.bytes)}, ${result.official.packages} packages`,
    `ours minus peers is ${ratio(extra.bytes, result.official.bytes)} its bytes; file sizes under node_modules, ` +
    "packages from `npm ls --prod --all --parseable`"
  ])
}

const bundleSizes = Effect.promise(async () => {
  const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KiB`
  const share = (size: Size) => size.sdkShareGzip === undefined ? "" : `; the SDK's own share ${kb(size.sdkShareGzip)} gzip`
  for (const { app, official, ours, ours4 } of await measureBundles()) {
    rows.push([
      `Bundle: ${app}, Effect 3 (effect-stytch)`,
      `ours ${kb(ours.minified)} min, ${kb(ours.gzip)} gzip`,
      `official ${kb(official.minified)} min, ${kb(official.gzip)} gzip; ours ${ratio(ours.gzip, official.gzip)} gzip` +
      share(ours) + (official.sdkShareGzip === undefined ? "" : `, the official's ${kb(official.sdkShareGzip)}`)
    ])
    rows.push([
      `Bundle: ${app}, Effect 4 (effect-stytch/effect4)`,
      `ours ${kb(ours4.minified)} min, ${kb(ours4.gzip)} gzip`,
      `ours ${ratio(ours4.gzip, official.gzip)} the official's gzip${share(ours4)}; **Effect 4 ${ratio(ours4.gzip, ours.gzip)} ` +
      `Effect 3 (whole, gzip)**` +
      (ours4.sdkShareGzip === undefined || ours.sdkShareGzip === undefined
        ? ""
        : `, ${ratio(ours4.sdkShareGzip, ours.sdkShareGzip)} (the SDK's share)`)
    ])
  }
})

// `--only=inprocess|loopback|cold|install|bundle` (comma-separated) runs some groups.
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",")
const wanted = (group: string) => only === undefined || only.includes(group)
const main = Effect.gen(function*() {
  if (wanted("inprocess")) yield* inProcess
  if (wanted("loopback")) yield* loopback
  // The Effect 4 line's JWT and loopback figures, from its Node 22 process (bench/effect4.ts).
  const groups4 = [...(wanted("inprocess") ? ["jwt" as const] : []), ...(wanted("loopback") ? ["loopback" as const] : [])]
  if (groups4.length > 0 || wanted("cold")) yield* Effect.promise(prepareEffect4)
  if (groups4.length > 0) effect4 = runEffect4(groups4, quick)
  if (wanted("inprocess")) {
    jwtRows(jwt3, effect4?.jwt)
    rows.push([
      "In-process emulator, users.create + users.get through the SDK (Effect 3)",
      `${fmt(emulatorThroughput ?? 0)} requests/s`,
      "16 in flight, best of rounds; goal >= 5,000"
    ])
  }
  if (wanted("loopback")) loopbackRows(loopback3, effect4?.loopback)
  if (wanted("cold")) coldStart()
  if (wanted("install")) installSize()
  if (wanted("bundle")) yield* bundleSizes
  console.log("\n| benchmark | result | notes |\n|---|---|---|")
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`)
  console.log(
    `\nnode ${process.version} (Effect 3 line) and ${node22Version} (Effect 4 line), ${process.platform}/${process.arch}, ` +
      `${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}, ` +
      `${new Date().toISOString().slice(0, 10)}. One run on a shared, noisy machine: rates move by tens of percent ` +
      "between runs; the ratios (contenders interleaved in slices within a process, medians of round-robin spawns) " +
      "are steadier than the absolute figures. Each line's ratios are to the official package (or raw jose) " +
      "measured in the same process on the same Node."
  )
})

Effect.runPromise(main).catch((error) => {
  console.error(error)
  process.exit(1)
})
