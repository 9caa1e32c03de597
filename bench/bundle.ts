/**
 * Bundle size of two small apps, ours vs the official `stytch` package: one that only calls `users.get`, and one
 * that calls a method of every area; ours for each Effect line (`effect-stytch` on Effect 3, `effect-stytch/effect4`
 * on Effect 4). Each is bundled in memory by esbuild (minified, ESM, platform node; nothing external), ours from the
 * built package (`dist/`, what users install; `npm run build:js` first) or from the sources (`src/`,
 * `effect4/src/`). The Effect 4 apps get effect 4: their `effect` imports (and the SDK's) are resolved from
 * `effect4/`, where `effect` is effect 4.1 (a resolve plugin), as in an app that installs effect 4.
 * `npx tsx bench/bundle.ts [--from=src]` prints a table.
 *
 * The SDK's share: esbuild also writes a source map, and every output byte whose mapping names a file of the SDK
 * (under `src/`, or `effect4/src/` and the shared `src/core/` and `src/schemas/`; the same paths under `dist/esm/`;
 * `node_modules/stytch/` for the official package) counts as the SDK's. `minified` share is that byte count.
 * `sdkShareGzip` is the marginal gzip cost: gzip(whole bundle) - gzip(the bundle with the SDK's bytes removed),
 * i.e. what the SDK adds to a download that already carries effect (and @effect/platform on Effect 3) and jose
 * (or, for the official package, its dependencies).
 */
import * as esbuild from "esbuild"
import { readFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

export interface Size {
  readonly minified: number
  readonly gzip: number
  readonly sdkShareGzip?: number
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

/**
 * Where our SDK is bundled from: the sources; a built `dist/` (its bundler form, `dist/esm/`); or the package as
 * installed in an app (imported by name from `app`, so the `exports` conditions choose, as in a user's build).
 */
export type From = "src" | { readonly dist: string } | { readonly app: string }
/** The Effect line of our SDK: `effect-stytch` (3) or `effect-stytch/effect4` (4). */
export type Line = 3 | 4
const entryOf = (from: From, line: Line) =>
  from === "src"
    ? join(root, line === 3 ? "src/index.ts" : "effect4/src/index.ts")
    : "dist" in from
    ? join(from.dist, line === 3 ? "esm/src/index.js" : "esm/effect4/src/index.js")
    : line === 3
    ? "effect-stytch"
    : "effect-stytch/effect4"
/** Whether a bundled file is our SDK's. */
const isOurs = (from: From, line: Line): ((path: string) => boolean) => {
  // The built files sit at their repository paths under dist/esm (scripts/build.mjs).
  const base = from === "src"
    ? root
    : "dist" in from
    ? join(from.dist, "esm")
    : join(from.app, "node_modules/effect-stytch/dist/esm")
  if (line === 3) return under(join(base, "src"))
  const dirs = ["effect4/src", "src/core", "src/schemas"].map((d) => under(join(base, d)))
  return (path) => dirs.some((isUnder) => isUnder(path))
}
const resolveDirOf = (from: From) => (from !== "src" && "app" in from ? from.app : root)
/** Bare `effect` imports resolved from `effect4/` (effect 4) instead of from the importer (the root's effect 3). */
const effect4Plugin: esbuild.Plugin = {
  name: "effect4",
  setup(build) {
    const resolveDir = join(root, "effect4")
    build.onResolve({ filter: /^effect(\/|$)/ }, (args) =>
      args.pluginData === "effect4" ? undefined : build.resolve(args.path, {
        kind: args.kind,
        resolveDir,
        importer: args.importer,
        pluginData: "effect4"
      }))
  }
}
/** The plugins our app needs: the Effect 4 line from this checkout gets effect 4 (an installed app has its own). */
const pluginsOf = (from: From, line: Line) => (line === 4 && (from === "src" || "dist" in from) ? [effect4Plugin] : [])
const CONFIG = `{ projectId: "project-test-00000000-0000-4000-8000-000000000000", secret: "secret-test-bundle" }`
const OFFICIAL = `{ project_id: "project-test-00000000-0000-4000-8000-000000000000", secret: "secret-test-bundle" }`

/** One call per area (the names of the official client's properties are the same as ours). */
const EVERY_AREA: ReadonlyArray<readonly [string, string]> = [
  ["users.get", "{ user_id: \"u\" }"],
  ["sessions.authenticate", "{ session_token: \"t\" }"],
  ["passwords.authenticate", "{ email: \"a@b.c\", password: \"p\" }"],
  ["magicLinks.authenticate", "{ token: \"t\" }"],
  ["otps.authenticate", "{ method_id: \"m\", code: \"1\" }"],
  ["oauth.authenticate", "{ token: \"t\" }"],
  ["totps.authenticate", "{ user_id: \"u\", totp_code: \"1\" }"],
  ["webauthn.authenticateStart", "{ domain: \"d\" }"],
  ["cryptoWallets.authenticateStart", "{ crypto_wallet_address: \"a\", crypto_wallet_type: \"ethereum\" }"],
  ["m2m.clients.get", "{ client_id: \"c\" }"],
  ["fraud.fingerprint.lookup", "{ telemetry_id: \"t\" }"],
  ["project.metrics", ""],
  ["connectedApp.clients.get", "{ client_id: \"c\" }"],
  ["idp.introspectTokenNetwork", "{ token: \"t\", client_id: \"c\" }"],
  ["impersonation.authenticate", "{ impersonation_token: \"t\" }"],
  ["rbac.policy", ""],
  ["debug.whoami", ""]
]

type App = { readonly app: string; readonly ours: string; readonly official: string }

/** The apps, ours importing the SDK from `src` (an entry file's path), written for Effect `line`. */
const apps = (src: string, line: Line): ReadonlyArray<App> => [
  {
    app: "users.get only",
    ours: `import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { FetchClient, StytchConfig, StytchHttp, Users } from ${JSON.stringify(src)}
const layer = Users.layer.pipe(
  Layer.provide(StytchHttp.layer),
  Layer.provide(StytchConfig.layer(${CONFIG})),
  Layer.provide(FetchClient.layer)
)
Effect.runPromise(Effect.provide(Effect.flatMap(Users.Users, (users) => users.get({ user_id: "u" })), layer))
  .then(console.log, console.error)
`,
    official: `import { Client } from "stytch"
new Client(${OFFICIAL}).users.get({ user_id: "u" }).then(console.log, console.error)
`
  },
  {
    app: "every area",
    ours: `import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { FetchClient, Stytch } from ${JSON.stringify(src)}
const program = Effect.gen(function*() {
  const stytch = yield* Stytch.Stytch
  return yield* Effect.all([
${EVERY_AREA.map(([m, a]) => `    Effect.${line === 3 ? "either" : "result"}(stytch.${m}((${a || "{}"}) as any))`).join(",\n")}
  ])
})
Effect.runPromise(Effect.provide(program, Stytch.layer(${CONFIG}).pipe(Layer.provide(FetchClient.layer))))
  .then(console.log, console.error)
`,
    official: `import { Client } from "stytch"
const client = new Client(${OFFICIAL})
Promise.allSettled([
${EVERY_AREA.map(([m, a]) => `  (client as any).${m}(${a || "{}"})`).join(",\n")}
]).then(console.log, console.error)
`
  }
]

const officialVersion: string = JSON.parse(
  readFileSync(join(root, "node_modules/stytch/package.json"), "utf8")
).version

const gzip = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

/** For each line of the output, the [column, source index] segments of a source map's `mappings`. */
const decodeMappings = (mappings: string): Array<Array<readonly [number, number]>> => {
  const lines: Array<Array<readonly [number, number]>> = []
  let source = 0
  for (const line of mappings.split(";")) {
    const out: Array<readonly [number, number]> = []
    let column = 0
    for (const segment of line.split(",")) {
      if (segment === "") continue
      const values: Array<number> = []
      let value = 0
      let shift = 0
      for (const ch of segment) {
        const digit = B64.indexOf(ch)
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      column += values[0]!
      if (values.length > 1) source += values[1]!
      out.push([column, values.length > 1 ? source : -1] as const)
    }
    lines.push(out)
  }
  return lines
}

/** The output split into the SDK's bytes and everyone else's, by the source map. */
const splitBySource = (code: string, map: string, isSdk: (source: string) => boolean) => {
  const parsed = JSON.parse(map) as { readonly sources: ReadonlyArray<string>; readonly mappings: string }
  const sdkSource = parsed.sources.map(isSdk)
  const lines = code.split("\n")
  const mapped = decodeMappings(parsed.mappings)
  let sdk = ""
  let rest = ""
  lines.forEach((line, i) => {
    const segments = mapped[i] ?? []
    let owner = false
    let at = 0
    for (const [column, source] of segments) {
      const text = line.slice(at, column)
      if (owner) sdk += text
      else rest += text
      at = column
      // An unmapped segment keeps the previous owner (esbuild maps every statement it emits).
      if (source >= 0) owner = sdkSource[source]!
    }
    const tail = line.slice(at) + (i < lines.length - 1 ? "\n" : "")
    if (owner) sdk += tail
    else rest += tail
  })
  return { sdk, rest }
}

export interface Measured {
  readonly size: Size
  /** The bundle itself. */
  readonly code: string
  /** Minified bytes from the SDK's files, read from the metafile's output `inputs`. */
  readonly sdkMinified: number
}

const build = async (
  entry: string,
  isSdk: (path: string) => boolean,
  resolveDir = root,
  plugins: Array<esbuild.Plugin> = []
): Promise<Measured> => {
  const result = await esbuild.build({
    plugins,
    stdin: { contents: entry, resolveDir, sourcefile: "app.ts", loader: "ts" },
    bundle: true,
    write: false,
    minify: true,
    platform: "node",
    format: "esm",
    metafile: true,
    sourcemap: "external",
    outfile: join(root, "out.js"),
    logLevel: "silent"
  })
  const code = result.outputFiles.find((f) => f.path.endsWith(".js"))!.text
  const map = result.outputFiles.find((f) => f.path.endsWith(".map"))!.text
  const { rest } = splitBySource(code, map, (source) => isSdk(join(root, source)))
  let sdkMinified = 0
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      if (isSdk(join(root, path))) sdkMinified += input.bytesInOutput
    }
  }
  const whole = gzip(code)
  return { size: { minified: Buffer.byteLength(code), gzip: whole, sdkShareGzip: whole - gzip(rest) }, code, sdkMinified }
}

const under = (dir: string) => (path: string) => !relative(dir, path).startsWith("..")
const officialFile = (path: string) =>
  path.includes("/node_modules/stytch/") && !path.includes("/node_modules/stytch/node_modules/")

/** One app bundled with one SDK (ours of Effect `line`): its size, its code, and the SDK's minified bytes. */
export const measureApp = (
  app: "users.get only" | "every area",
  sdk: "ours" | "official",
  from: From = "src",
  line: Line = 3
): Promise<Measured> => {
  const entry = apps(entryOf(from, line), line).find((a) => a.app === app)!
  return sdk === "ours"
    ? build(entry.ours, isOurs(from, line), resolveDirOf(from), pluginsOf(from, line))
    : build(entry.official, officialFile)
}

const measureAll = async (from: From) => {
  const rows = []
  for (const app of apps(entryOf(from, 3), 3)) {
    const ours4 = apps(entryOf(from, 4), 4).find((a) => a.app === app.app)!.ours
    rows.push({
      app: app.app,
      ours: await build(app.ours, isOurs(from, 3), resolveDirOf(from)),
      ours4: await build(ours4, isOurs(from, 4), resolveDirOf(from), pluginsOf(from, 4)),
      official: await build(app.official, officialFile)
    })
  }
  return rows
}

/**
 * Both apps, ours of each line (from the built `dist/` by default) and the official package's, bundled and measured
 * (bytes).
 */
export const measureBundles = async (
  from: From = { dist: join(root, "dist") }
): Promise<
  ReadonlyArray<{ readonly app: string; readonly ours: Size; readonly ours4: Size; readonly official: Size }>
> =>
  (await measureAll(from)).map((row) => ({
    app: row.app,
    ours: row.ours.size,
    ours4: row.ours4.size,
    official: row.official.size
  }))

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kb = (n: number | undefined) => `${((n ?? 0) / 1024).toFixed(1)} KB`
  const side = (m: Measured) => [kb(m.size.minified), kb(m.size.gzip), kb(m.sdkMinified), kb(m.size.sdkShareGzip)]
  console.log("| app | SDK | minified | gzip | SDK's minified bytes | SDK's gzip share |")
  console.log("|---|---|---|---|---|---|")
  const from: From = process.argv.includes("--from=src") ? "src" : { dist: join(root, "dist") }
  for (const row of await measureAll(from)) {
    console.log(`| ${row.app} | effect-stytch (Effect 3) | ${side(row.ours).join(" | ")} |`)
    console.log(`| ${row.app} | effect-stytch/effect4 (Effect 4) | ${side(row.ours4).join(" | ")} |`)
    console.log(`| ${row.app} | stytch ${officialVersion} | ${side(row.official).join(" | ")} |`)
  }
}
