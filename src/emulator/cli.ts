/**
 * `effect-stytch-emulator [--port 4010] [--host 127.0.0.1] [--project-id ...] [--secret ...]`
 *
 * Serves the emulator over HTTP until interrupted (Ctrl-C).
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { parseArgs } from "node:util"
import * as Emulator from "./Emulator.js"

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    "project-id": { type: "string" },
    secret: { type: "string" },
    help: { type: "boolean", short: "h" }
  }
})

if (values.help) {
  console.log("Usage: effect-stytch-emulator [--port 4010] [--host 127.0.0.1] [--project-id ID] [--secret SECRET]")
  process.exit(0)
}

const program = Effect.gen(function*() {
  const emulator = yield* Emulator.StytchEmulator
  const server = yield* Emulator.serve({ port: Number(values.port), host: values.host })
  console.log(`Stytch emulator listening on ${server.url}`)
  console.log(`  project id: ${emulator.projectId}`)
  console.log(`  secret:     (the --secret you passed, or the default "secret-test-emulator")`)
  console.log(`  controls:   ${server.url}/emulator/v1/outbox, /reset, /settings, /keys/rotate, /faults, /oauth/tokens`)
  return yield* Effect.never
}).pipe(
  Effect.scoped,
  Effect.provide(Layer.effect(
    Emulator.StytchEmulator,
    Emulator.make({ projectId: values["project-id"], secret: values.secret })
  ))
)

const fiber = Effect.runFork(program)
const stop = () => Effect.runPromise(fiber.interruptAsFork(fiber.id())).then(() => process.exit(0))
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
fiber.addObserver((exit) => {
  if (exit._tag === "Failure") {
    console.error("The emulator stopped:", exit.cause.toString())
    process.exit(1)
  }
})
