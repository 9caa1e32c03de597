/**
 * The plain half of the runtime apps, shared by both Effect lines (test/runtimes/app.ts, effect4/test/runtimes/app.ts):
 * where the emulator is and who to sign up, the runtime's name, and the two ways a bundle is started: as a program
 * (Node, Bun, Deno: the target from the environment, the report as one JSON line on stdout) and as a Worker
 * (workerd: the target from text bindings, the report as the JSON answer to any request). No Effect, no Node
 * built-ins: it is bundled into every app.
 */

/** Where the emulator is and who to sign up (every runtime gets its own email). */
export interface Target {
  readonly baseUrl: string
  readonly projectId: string
  readonly secret: string
  readonly email: string
  readonly password: string
}

/** The runtime and its version, from what each one exposes (in this order: Bun and Deno have `process` too). */
export const runtimeName = (): string => {
  const g = globalThis as {
    Bun?: { version: string }
    Deno?: { version: { deno: string } }
    navigator?: { userAgent?: string }
    process?: { versions?: { node?: string } }
  }
  if (g.Bun !== undefined) return `bun ${g.Bun.version}`
  if (g.Deno !== undefined) return `deno ${g.Deno.version.deno}`
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd"
  if (g.process?.versions?.node !== undefined) return `node ${g.process.versions.node}`
  return "unknown"
}

/** Whether the runtime offers `process.getBuiltinModule` (the SDK's way to Node built-ins). */
export const hasGetBuiltinModule = (): boolean =>
  typeof (globalThis as { process?: { getBuiltinModule?: unknown } }).process?.getBuiltinModule === "function"

/** An app: runs its flow against the target, answering a report (`ok: true`) or a failure (`ok: false`). */
export type App = (target: Target) => Promise<{ readonly ok: boolean }>

interface ProcessLike {
  readonly env: Record<string, string | undefined>
  exitCode?: number
}

/** Node, Bun and Deno: runs `app` on the target from the environment; prints the report; exit code 1 on failure. */
export const runMain = async (app: App): Promise<void> => {
  const process = (globalThis as unknown as { process: ProcessLike }).process
  const env = (name: string): string => {
    const value = process.env[name]
    if (value === undefined) throw new Error(`${name} is not set`)
    return value
  }
  const report = await app({
    baseUrl: env("STYTCH_BASE_URL"),
    projectId: env("STYTCH_PROJECT_ID"),
    secret: env("STYTCH_SECRET"),
    email: env("APP_EMAIL"),
    password: env("APP_PASSWORD")
  })
  console.log(JSON.stringify(report))
  if (!report.ok) process.exitCode = 1
}

/** A worker's bindings: the same names as the child processes' environment. */
export interface Bindings {
  readonly STYTCH_BASE_URL: string
  readonly STYTCH_PROJECT_ID: string
  readonly STYTCH_SECRET: string
  readonly APP_EMAIL: string
  readonly APP_PASSWORD: string
}

/** workerd: a module worker whose every request runs `app` on the target from its bindings (500 on failure). */
export const worker = (app: App) => ({
  async fetch(_request: Request, env: Bindings): Promise<Response> {
    const report = await app({
      baseUrl: env.STYTCH_BASE_URL,
      projectId: env.STYTCH_PROJECT_ID,
      secret: env.STYTCH_SECRET,
      email: env.APP_EMAIL,
      password: env.APP_PASSWORD
    })
    return Response.json(report, { status: report.ok ? 200 : 500 })
  }
})
