/**
 * The emulator's command line in a child process, for benchmarks where the server must not share the client's
 * event loop (as a real Stytch would not).
 */
import { spawn } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** The CLI, relative to the repository root: the one place to change when it moves (the emulator package's bin). */
export const CLI = "emulator/bin/effect-stytch-emulator.js"

export interface EmulatorProcess {
  readonly url: string
  readonly projectId: string
  readonly secret: string
  readonly stop: () => Promise<void>
}

/**
 * Starts `node <bin> --port 0` with the given credentials and resolves once it prints where it listens. `bin`: this
 * repository's CLI by default, or another copy of it (an installed package's); `node`: this process's Node by
 * default (the Effect 4 bench, on Node 22, serves from the same Node as the Effect 3 one).
 */
export const startEmulatorProcess = (
  projectId: string,
  secret: string,
  bin = join(fileURLToPath(new URL("..", import.meta.url)), CLI),
  node = process.execPath
): Promise<EmulatorProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(node, [bin, "--port", "0", "--project-id", projectId, "--secret", secret], {
      cwd: dirname(bin),
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    let err = ""
    const timer = setTimeout(() => fail(new Error("the emulator did not start within 30 s")), 30_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill()
      reject(error)
    }
    child.stderr.on("data", (chunk) => (err += chunk))
    child.on("exit", (code) => fail(new Error(`the emulator exited (${code}): ${err.trim()}`)))
    child.stdout.on("data", (chunk) => {
      out += chunk
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match === null) return
      clearTimeout(timer)
      child.removeAllListeners("exit")
      child.stdout.removeAllListeners("data")
      child.stdout.resume()
      resolve({
        url: match[1]!,
        projectId,
        secret,
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done())
            child.kill("SIGTERM")
          })
      })
    })
  })
