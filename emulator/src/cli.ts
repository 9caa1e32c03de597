/**
 * `effect-stytch-emulator [--port 4010] [--host 127.0.0.1] [--project-id ID] [--secret SECRET] [--max-body-bytes N]
 *   [--import DIR] [--export-on-exit DIR]`
 *
 * Serves the emulator over HTTP until interrupted (Ctrl-C). Bad arguments print one usage line to stderr and exit 2.
 * `--import DIR` starts from the saved state `DIR/state.json` (its project id and secret, unless given); a refused file
 * is one line naming it and the problem, exit 2, nothing started. `--export-on-exit DIR` writes the state to
 * `DIR/state.json` (a temporary file renamed over it) on SIGINT / SIGTERM, then exits 0.
 */
import * as Effect from "effect/Effect"
import * as Cause from "effect/Cause"
import * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import * as fs from "node:fs"
import * as path from "node:path"
import { parseArgs } from "node:util"
import * as Emulator from "./Emulator.js"
import * as Snapshot from "./internal/snapshot.js"

const USAGE = "Usage: effect-stytch-emulator [--port 4010] [--host 127.0.0.1] [--project-id ID] [--secret SECRET] " +
  "[--max-body-bytes N] [--import DIR] [--export-on-exit DIR]"

const usageError = (message: string): never => {
  process.stderr.write(`effect-stytch-emulator: ${message} (see --help)\n`)
  process.exit(2)
}

/** A non-negative integer argument within `max`, written in decimal digits only. */
const integer = (name: string, text: string, max: number): number => {
  const n = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN
  return Number.isSafeInteger(n) && n <= max
    ? n
    : usageError(`--${name} must be an integer from 0 to ${max}, got "${text}"`)
}

const nonEmpty = (name: string, text: string | undefined): string | undefined =>
  text === undefined || text.length > 0 ? text : usageError(`--${name} must not be empty`)

const parsed = (() => {
  try {
    return parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        "project-id": { type: "string" },
        secret: { type: "string" },
        "max-body-bytes": { type: "string", default: String(Emulator.DEFAULT_MAX_BODY_BYTES) },
        import: { type: "string" },
        "export-on-exit": { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    }).values
  } catch (error) {
    // parseArgs' messages are one sentence ("Unknown option '--x'", "Option '--port <value>' argument missing").
    return usageError((error instanceof Error ? error.message : String(error)).split("\n")[0]!)
  }
})()

if (parsed.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}

const port = integer("port", parsed.port, 65535)
const maxBodyBytes = integer("max-body-bytes", parsed["max-body-bytes"], 2 ** 30)
if (maxBodyBytes === 0) usageError("--max-body-bytes must be at least 1")
const host = nonEmpty("host", parsed.host)!
const projectId = nonEmpty("project-id", parsed["project-id"])
const secret = nonEmpty("secret", parsed.secret)

const importDir = nonEmpty("import", parsed.import)
const exportDir = nonEmpty("export-on-exit", parsed["export-on-exit"])
if (exportDir !== undefined && fs.existsSync(exportDir) && !fs.statSync(exportDir).isDirectory()) {
  usageError(`--export-on-exit ${exportDir} is not a directory`)
}

/** A refused state file: one line naming the file and the problem, exit 2. */
const refuseState = (file: string, problem: string): never => {
  process.stderr.write(`effect-stytch-emulator: cannot import ${file}: ${problem}\n`)
  process.exit(2)
}

/** The saved state in `dir`, parsed (validated later by `importState`), read only when within the size cap. */
const readState = (dir: string): { readonly file: string; readonly state: unknown } => {
  const file = path.join(dir, Snapshot.STATE_FILE)
  let text: string
  try {
    const size = fs.statSync(file).size
    if (size > Snapshot.MAX_STATE_BYTES) refuseState(file, `larger than ${Snapshot.MAX_STATE_BYTES} bytes`)
    text = new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(file))
  } catch (error) {
    if (error instanceof TypeError) return refuseState(file, "not UTF-8 text")
    const code = (error as { code?: unknown }).code
    const problem = code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error)
    return refuseState(file, problem)
  }
  const state = Snapshot.parse(text)
  return state._tag === "Left" ? refuseState(file, state.left) : { file, state: state.right }
}

const imported = importDir === undefined ? undefined : readState(importDir)
/** The project id and secret of the imported state, unless given (a mismatch is refused by importState). */
type SavedSettings = { readonly settings?: { readonly projectId?: unknown; readonly secret?: unknown } } | undefined
const savedSettings = (imported?.state as SavedSettings)?.settings
const savedString = (value: unknown) => typeof value === "string" && value.length > 0 ? value : undefined

const emulator = Effect.runSync(Emulator.make({
  projectId: projectId ?? savedString(savedSettings?.projectId),
  secret: secret ?? savedString(savedSettings?.secret)
}))
if (imported !== undefined) {
  const result = Effect.runSync(Effect.either(emulator.importState(imported.state)))
  if (result._tag === "Left") refuseState(imported.file, result.left.problem)
}

/** Writes the state to `dir/state.json` atomically (a temporary file beside it, renamed over it), owner-only. */
const exportTo = (dir: string): string => {
  const file = path.join(dir, Snapshot.STATE_FILE)
  const state = Effect.runSync(emulator.exportState)
  fs.mkdirSync(dir, { recursive: true })
  const temporary = path.join(dir, `.${Snapshot.STATE_FILE}.${process.pid}.tmp`)
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
  fs.renameSync(temporary, file)
  return file
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/i

const program = Effect.gen(function*() {
  const server = yield* Emulator.serve({ port, host, maxBodyBytes })
  // The emulator's secret is a local test value: printing it is what lets a test or a demo use it.
  console.log(`Stytch emulator listening on ${server.url}`)
  console.log(`  project id: ${emulator.projectId}`)
  console.log(`  secret:     ${Redacted.value(emulator.secret)}`)
  console.log(`  max body:   ${maxBodyBytes} bytes`)
  if (imported !== undefined) console.log(`  imported:   ${imported.file}`)
  if (exportDir !== undefined) console.log(`  on exit:    saved to ${path.join(exportDir, Snapshot.STATE_FILE)}`)
  console.log(`  dashboard:  ${server.url}/`)
  console.log(`  controls:   ${server.url}/emulator/v1/ (outbox, reset, settings, keys/rotate, faults, ...)`)
  if (!LOOPBACK.test(host)) {
    console.error(
      `Warning: --host ${host} is not a loopback address. The controls under /emulator/v1/ are unauthenticated and ` +
        "the credentials are test values: anyone who can reach this address can read the outbox and reset the state."
    )
  }
  return yield* Effect.never
}).pipe(
  Effect.scoped,
  Effect.provideService(Emulator.StytchEmulator, emulator)
)

const fiber = Effect.runFork(program)
let stopping = false
/** Closes the server (so no request changes the state any more); the observer below saves the state and exits. */
const stop = () => {
  if (stopping) return
  stopping = true
  Effect.runFork(Fiber.interrupt(fiber))
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
fiber.addObserver((exit) => {
  if (stopping && (exit._tag === "Success" || Cause.isInterruptedOnly(exit.cause))) {
    if (exportDir !== undefined) {
      try {
        console.log(`Saved the state to ${exportTo(exportDir)}`)
      } catch (error) {
        console.error(`The state could not be saved: ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
      }
    }
    process.exit(0)
  }
  if (exit._tag === "Failure") {
    // A failure to listen (port in use, unknown host) is one line, not a stack trace.
    const error = exit.cause._tag === "Fail" ? exit.cause.error : undefined
    console.error(`The emulator stopped: ${error instanceof Error ? error.message : exit.cause.toString()}`)
    process.exit(1)
  }
})
