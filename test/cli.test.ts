/**
 * The emulator's command line, spawned as a user runs it (`bin/effect-stytch-emulator.js`, through tsx in a checkout):
 * strict arguments (one line on stderr and exit code 2), a banner naming the credentials in use, and a warning when the
 * unauthenticated controls are exposed beyond loopback.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { vi } from "vitest"

vi.setConfig({ testTimeout: 60_000 })

// The CLI's sources through tsx, not `bin/` (which prefers `dist/`: the package test rebuilds it concurrently).
const BIN = ["--import", "tsx", fileURLToPath(new URL("../emulator/src/cli.ts", import.meta.url))]

const run = (args: ReadonlyArray<string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c: Buffer) => stdout += c.toString())
    child.stderr.on("data", (c: Buffer) => stderr += c.toString())
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** Starts the CLI and waits for its banner (and, when expected, its warning); the caller kills it. */
const start = (args: ReadonlyArray<string>, waitForStderr = false) =>
  new Promise<{ child: ChildProcess; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    const check = () => {
      if (stdout.includes("controls:") && (!waitForStderr || stderr.includes("\n"))) resolve({ child, stdout, stderr })
    }
    child.stdout!.on("data", (c: Buffer) => {
      stdout += c.toString()
      check()
    })
    child.stderr!.on("data", (c: Buffer) => {
      stderr += c.toString()
      check()
    })
    child.on("close", (code) => reject(new Error(`exited ${code}: ${stderr}`)))
  })

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners("close")
    child.on("close", () => resolve())
    child.kill("SIGTERM")
  })

describe("effect-stytch-emulator CLI", () => {
  it.live("bad arguments: one line on stderr, no stack trace, exit code 2", () =>
    Effect.promise(async () => {
        const cases = [["--port="], ["--port", "abc"], ["--bogus"], ["--port"], ["--port", "70000"], ["extra"], [
          "--max-body-bytes",
          "1e3"
        ]]
        const results = []
        for (const args of cases) results.push(await run(args))
        results.forEach((result, i) => {
          const args = cases[i]!.join(" ")
          assert.strictEqual(result.code, 2, `${args}: ${result.stderr}`)
          const lines = result.stderr.trim().split("\n")
          assert.strictEqual(lines.length, 1, result.stderr)
          assert.match(lines[0]!, /^effect-stytch-emulator: /)
          assert.notInclude(result.stderr, "    at ")
          assert.strictEqual(result.stdout, "")
        })
      }))

  it.live("the banner names the project id and the secret in use; a loopback host gives no warning", () =>
    Effect.promise(async () => {
        const { child, stderr, stdout } = await start(["--port", "0", "--project-id", "project-test-cli", "--secret", "secret-test-cli"])
        try {
          assert.include(stdout, "project id: project-test-cli")
          assert.include(stdout, "secret:     secret-test-cli")
          assert.match(stdout, /listening on http:\/\/127\.0\.0\.1:\d+/)
          assert.match(stdout, /dashboard: {2}http:\/\/127\.0\.0\.1:\d+\//)
          assert.strictEqual(stderr, "")
        } finally {
          await stop(child)
        }
      }))

  it.live("--host 0.0.0.0 warns that the controls are unauthenticated", () =>
    Effect.promise(async () => {
        const { child, stderr, stdout } = await start(["--port", "0", "--host", "0.0.0.0"], true)
        try {
          assert.include(stdout, "secret:     secret-test-emulator")
          assert.include(stderr, "Warning")
          assert.include(stderr, "unauthenticated")
        } finally {
          await stop(child)
        }
      }))
})
