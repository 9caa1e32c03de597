/**
 * users.get per call over loopback HTTP, the emulator in another process: the SDK over `NodeClient` and over
 * `FetchClient`, the official `stytch` package, and raw `node:http` / `fetch` floors; sequential and 16 in flight.
 * The contenders take turns in short slices, so drift on a shared machine hits them alike.
 */
import * as http from "node:http"
import { createRequire } from "node:module"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import type * as SdkModule from "../src/index.js"
import { startEmulatorProcess } from "./emulatorProcess.js"

export interface PerCallResult {
  readonly concurrency: number
  /** Calls per second, by contender. */
  readonly rates: Readonly<Record<Contender, number>>
  /** This process's CPU time per call, in ms, by contender (the server's is not counted). */
  readonly cpu: Readonly<Record<Contender, number>>
}

export type Contender = "oursNode" | "oursFetch" | "official" | "rawNode" | "rawFetch"

/**
 * Runs `body` repeatedly for about `millis` ms after a short warm-up; returns operations per second and this
 * process's CPU milliseconds per operation.
 */
export const measure = async (
  body: () => Promise<unknown>,
  millis: number,
  batch = 1
): Promise<{ readonly rate: number; readonly cpu: number }> => {
  const warmUntil = performance.now() + millis / 4
  while (performance.now() < warmUntil) await body()
  let ops = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  while (performance.now() - start < millis) {
    await body()
    ops += batch
  }
  const elapsed = performance.now() - start
  const used = process.cpuUsage(cpu)
  return { rate: ops / (elapsed / 1000), cpu: (used.user + used.system) / 1000 / ops }
}

const PROJECT_ID = "project-test-00000000-0000-4000-8000-00000000bench"
const SECRET = "secret-test-benchbenchbenchbenchbenchbench00"

export const measurePerCall = async (
  sdk: typeof SdkModule,
  options: { readonly millis: number; readonly slices: number }
): Promise<ReadonlyArray<PerCallResult>> => {
  const { FetchClient, NodeClient, Stytch, Users } = sdk
  const server = await startEmulatorProcess(PROJECT_ID, SECRET)
  const scope = Effect.runSync(Scope.make())
  try {
    const usersOver = (client: Layer.Layer<HttpClient.HttpClient>) =>
      Effect.runPromise(
        Effect.map(
          Layer.buildWithScope(
            Stytch.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl: server.url }).pipe(Layer.provide(client)),
            scope
          ),
          (context) => Effect.runSync(Effect.provide(Users.Users, context))
        )
      )
    const oursNode = await usersOver(NodeClient.layer)
    const oursFetch = await usersOver(FetchClient.layer)
    const created = await Effect.runPromise(oursNode.create({ email: "bench-per-call@example.com" }))
    const userId = created.user_id
    const check = (body: { user_id?: string }) => {
      if (body.user_id !== userId) throw new Error("unexpected body")
    }
    const url = `${server.url}/v1/users/${userId}`
    const authorization = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`
    const headers = { authorization, accept: "application/json" }
    const agent = new http.Agent({ keepAlive: true })
    const rawNode = () =>
      new Promise<void>((resolve, reject) => {
        http.get(url, { headers, agent }, (res) => {
          let text = ""
          res.setEncoding("utf8")
          res.on("data", (chunk) => (text += chunk))
          res.on("end", () => {
            try {
              check(JSON.parse(text))
              resolve()
            } catch (error) {
              reject(error)
            }
          })
          res.on("error", reject)
        }).on("error", reject)
      })
    const rawFetch = async () => check(await (await fetch(url, { headers })).json() as { user_id?: string })
    // The official package: its `custom_base_url` must be https, so the emulator's URL goes in `env` (accepted with
    // a console warning, silenced here).
    type Official = { users: { get: (r: { user_id: string }) => Promise<{ user_id: string }> } }
    const require = createRequire(import.meta.url)
    const stytch = require("stytch") as { Client: new(config: Record<string, unknown>) => Official }
    const warn = console.warn
    console.warn = () => {}
    const official = new stytch.Client({ project_id: PROJECT_ID, secret: SECRET, env: `${server.url}/` })
    console.warn = warn
    const contenders: Record<Contender, () => Promise<unknown>> = {
      oursNode: () => Effect.runPromise(oursNode.get({ user_id: userId })).then(check),
      oursFetch: () => Effect.runPromise(oursFetch.get({ user_id: userId })).then(check),
      official: () => official.users.get({ user_id: userId }).then(check),
      rawNode,
      rawFetch
    }
    const names = Object.keys(contenders) as Array<Contender>
    const results: Array<PerCallResult> = []
    for (const concurrency of [1, 16]) {
      const zero = () => Object.fromEntries(names.map((n) => [n, 0])) as Record<Contender, number>
      const rates = zero()
      const cpu = zero()
      for (let i = 0; i < options.slices; i++) {
        for (const name of names) {
          const get = contenders[name]
          const slice = await measure(
            () => Promise.all(Array.from({ length: concurrency }, get)),
            options.millis / options.slices,
            concurrency
          )
          rates[name] += slice.rate / options.slices
          cpu[name] += slice.cpu / options.slices
        }
      }
      results.push({ concurrency, rates, cpu })
    }
    agent.destroy()
    return results
  } finally {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    await server.stop()
  }
}

