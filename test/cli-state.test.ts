/**
 * The CLI's saved state: `--export-on-exit DIR` writes `DIR/state.json` on SIGTERM and exits 0; `--import DIR` starts
 * from it (users, password hashes, sessions); a refused file is one line naming it and the problem, exit 2, and no
 * server.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { type ChildProcess, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { vi } from "vitest"

vi.setConfig({ testTimeout: 60_000 })

// The CLI's sources through tsx, not `bin/` (which prefers `dist/`: the package test rebuilds it concurrently).
const BIN = ["--import", "tsx", fileURLToPath(new URL("../emulator/src/cli.ts", import.meta.url))]
const PASSWORD = "correct-horse-battery-staple-Quasar-42!"

interface Running {
  readonly child: ChildProcess
  readonly url: string
  readonly auth: string
  output: () => string
}

/** Starts the CLI and waits for its banner. */
const start = (args: ReadonlyArray<string>) =>
  new Promise<Running>((resolve, reject) => {
    const child = spawn(process.execPath, [...BIN, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout!.on("data", (c: Buffer) => {
      stdout += c.toString()
      const url = /listening on (\S+)/.exec(stdout)?.[1]
      const projectId = /project id: (\S+)/.exec(stdout)?.[1]
      const secret = /secret: +(\S+)/.exec(stdout)?.[1]
      if (stdout.includes("controls:") && url && projectId && secret) {
        const auth = `Basic ${Buffer.from(`${projectId}:${secret}`).toString("base64")}`
        resolve({ child, url, auth, output: () => stdout + stderr })
      }
    })
    child.stderr!.on("data", (c: Buffer) => stderr += c.toString())
    child.on("close", (code) => reject(new Error(`exited ${code}: ${stderr}`)))
  })

/** Sends SIGTERM (or `signal`) and waits for the exit code. */
const terminate = (running: Running, signal: NodeJS.Signals = "SIGTERM") =>
  new Promise<number | null>((resolve) => {
    running.child.removeAllListeners("close")
    running.child.on("close", (code) => resolve(code))
    running.child.kill(signal)
  })

const run = (args: ReadonlyArray<string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...BIN, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c: Buffer) => stdout += c.toString())
    child.stderr.on("data", (c: Buffer) => stderr += c.toString())
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

const api = async (running: Running, method: string, route: string, body?: unknown) => {
  const response = await fetch(`${running.url}${route}`, {
    method,
    headers: { authorization: running.auth, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, json: await response.json() as Record<string, any> }
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "emulator-state-"))

describe("effect-stytch-emulator CLI: saved state", () => {
  it.live("--export-on-exit saves on SIGTERM; --import continues with the user, the password and the session", () =>
    Effect.promise(async () => {
        const dir = tempDir()
        const first = await start(["--export-on-exit", dir, "--project-id", "project-test-cli-state"])
        let user_id: string
        let session_token: string
        try {
          const created = await api(first, "POST", "/v1/passwords", {
            email: "saved@example.com",
            password: PASSWORD,
            session_duration_minutes: 60
          })
          assert.strictEqual(created.status, 200, JSON.stringify(created.json))
          user_id = created.json.user_id
          session_token = created.json.session_token
        } finally {
          assert.strictEqual(await terminate(first), 0, first.output())
        }
        const file = path.join(dir, "state.json")
        assert.include(first.output(), `Saved the state to ${file}`)
        const saved = JSON.parse(fs.readFileSync(file, "utf8"))
        assert.strictEqual(saved.format, "effect-stytch-emulator-state")
        assert.strictEqual(saved.settings.projectId, "project-test-cli-state")
        assert.strictEqual(fs.statSync(file).mode & 0o077, 0, "the file holds secrets: owner-only")
        assert.deepStrictEqual(fs.readdirSync(dir), ["state.json"], "no temporary file is left")

        // The project id and the secret come from the state.
        const second = await start(["--import", dir])
        try {
          assert.include(second.output(), "project id: project-test-cli-state")
          assert.include(second.output(), `imported:   ${file}`)
          const got = await api(second, "POST", "/v1/sessions/authenticate", { session_token })
          assert.strictEqual(got.status, 200, JSON.stringify(got.json))
          assert.strictEqual(got.json.user.user_id, user_id)
          const login = await api(second, "POST", "/v1/passwords/authenticate", {
            email: "saved@example.com",
            password: PASSWORD
          })
          assert.strictEqual(login.status, 200, JSON.stringify(login.json))
          assert.strictEqual(login.json.user_id, user_id)
        } finally {
          await terminate(second)
        }
      }))

  it.live("a refused state file: one line naming the file and the problem, exit 2, nothing started", () =>
    Effect.promise(async () => {
        const dir = tempDir()
        const file = path.join(dir, "state.json")
        const cases: Array<[string | undefined, RegExp]> = [
          [undefined, /no such file/],
          ["{ nope", /not JSON/],
          ["\xff", /not UTF-8 text/],
          [JSON.stringify({ format: "other", version: 1 }), /not an emulator state/],
          [JSON.stringify({ format: "effect-stytch-emulator-state", version: 99 }), /unsupported version 99/],
          [JSON.stringify({ format: "effect-stytch-emulator-state", version: 1 }), /at exported_at: is missing/]
        ]
        for (const [content, expected] of cases) {
          if (content === undefined) fs.rmSync(file, { force: true })
          else fs.writeFileSync(file, content === "\xff" ? Buffer.from([0x7b, 0xff, 0x7d]) : content)
          const result = await run(["--import", dir])
          assert.strictEqual(result.code, 2, result.stderr)
          const lines = result.stderr.trim().split("\n")
          assert.strictEqual(lines.length, 1, result.stderr)
          assert.include(lines[0]!, `effect-stytch-emulator: cannot import ${file}: `)
          assert.match(lines[0]!, expected)
          assert.strictEqual(result.stdout, "", "nothing started")
        }
        // Another project's state, with --project-id given: refused too.
        const exported = tempDir()
        const source = await start(["--export-on-exit", exported])
        assert.strictEqual(await terminate(source, "SIGINT"), 0, "SIGINT (Ctrl-C) saves too")
        assert.isTrue(fs.existsSync(path.join(exported, "state.json")))
        const foreign = await run(["--import", exported, "--project-id", "project-test-elsewhere"])
        assert.strictEqual(foreign.code, 2, foreign.stderr)
        assert.match(foreign.stderr, /the state is of project project-test-00000000-0000-4000-8000-000000000000/)
      }))
})
