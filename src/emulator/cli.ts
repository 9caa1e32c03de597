/**
 * `effect-stytch-emulator [--port 4010] [--host 127.0.0.1] [--project-id ID] [--secret SECRET] [--max-body-bytes N]`
 *
 * Serves the emulator over HTTP until interrupted (Ctrl-C). Bad arguments print one usage line to stderr and exit 2.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { parseArgs } from "node:util"
import * as Emulator from "./Emulator.js"

const USAGE = "Usage: effect-stytch-emulator [--port 4010] [--host 127.0.0.1] [--project-id ID] [--secret SECRET] " +
  "[--max-body-bytes N]"

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

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/i

const program = Effect.gen(function*() {
  const emulator = yield* Emulator.StytchEmulator
  const server = yield* Emulator.serve({ port, host, maxBodyBytes })
  // The emulator's secret is a local test value: printing it is what lets a test or a demo use it.
  console.log(`Stytch emulator listening on ${server.url}`)
  console.log(`  project id: ${emulator.projectId}`)
  console.log(`  secret:     ${Redacted.value(emulator.secret)}`)
  console.log(`  max body:   ${maxBodyBytes} bytes`)
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
  Effect.provide(Layer.effect(Emulator.StytchEmulator, Emulator.make({ projectId, secret })))
)

const fiber = Effect.runFork(program)
const stop = () => Effect.runPromise(fiber.interruptAsFork(fiber.id())).then(() => process.exit(0))
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
fiber.addObserver((exit) => {
  if (exit._tag === "Failure") {
    // A failure to listen (port in use, unknown host) is one line, not a stack trace.
    const error = exit.cause._tag === "Fail" ? exit.cause.error : undefined
    console.error(`The emulator stopped: ${error instanceof Error ? error.message : exit.cause.toString()}`)
    process.exit(1)
  }
})
