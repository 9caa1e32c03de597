/**
 * The bench's Effect-free parts, shared by both lines: the timing loop, the loopback contenders that are not ours
 * (the official `stytch` package, raw `node:http` and `fetch`), the interleaved slices, the JWT verification turns
 * and the decode loop. bench/perCall.ts (Effect 3, this process) and effect4/bench/run.ts (Effect 4, a Node 22 child,
 * bench/effect4.ts) pass in their SDK's calls; everything else is this code, so both lines are measured alike.
 */
import * as jose from "jose"
import * as http from "node:http"
import { createRequire } from "node:module"

export const PROJECT_ID = "project-test-00000000-0000-4000-8000-00000000bench"
export const SECRET = "secret-test-benchbenchbenchbenchbenchbench00"

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

// ---------------------------------------------------------------------------------------------------------------
// users.get per call over loopback

/** The contenders of every loopback figure; a process may add others (the Effect 4 child adds the Effect 3 line). */
export type Contender = "oursNode" | "oursFetch" | "official" | "rawNode" | "rawFetch"

export interface PerCallResult<K extends string = Contender> {
  readonly concurrency: number
  /** Calls per second, by contender. */
  readonly rates: Readonly<Record<K, number>>
  /** This process's CPU time per call, in ms, by contender (the server's is not counted). */
  readonly cpu: Readonly<Record<K, number>>
}

/** A `users.get` of the SDK under test: resolves with the answer's `user_id`. */
export type UsersGet = () => Promise<{ readonly user_id?: string }>

/** One SDK line's calls against the emulator at a URL (bench/perCall.ts's `effect3Calls` for Effect 3). */
export interface SdkCalls {
  /** users.create: the new user's id. */
  readonly create: (email: string) => Promise<string>
  /** users.get of that user, over `NodeClient` and over `FetchClient`. */
  readonly get: (userId: string) => { readonly node: UsersGet; readonly fetch: UsersGet }
  /** The pipeline's decoder of a users.get answer: whether `input` decodes. */
  readonly decode: (input: unknown) => boolean
  readonly close: () => Promise<void>
}

const authorization = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString("base64")}`
const headers = { authorization, accept: "application/json" }

/** users.get's answer by plain `fetch`, its body as the wire has it (what the decode figure decodes). */
export const usersGetBody = async (url: string, userId: string): Promise<unknown> =>
  (await fetch(`${url}/v1/users/${userId}`, { headers })).json()

/**
 * The contenders that are not ours, against the emulator at `url` holding `userId`: the official package, raw
 * `node:http` (a keep-alive agent) and raw `fetch`. `close` frees the agent.
 */
export const floors = (url: string, userId: string) => {
  const check = (body: { readonly user_id?: string }) => {
    if (body.user_id !== userId) throw new Error("unexpected body")
  }
  const target = `${url}/v1/users/${userId}`
  const agent = new http.Agent({ keepAlive: true })
  const rawNode = () =>
    new Promise<void>((resolve, reject) => {
      http.get(target, { headers, agent }, (res) => {
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
  const rawFetch = async () => check(await (await fetch(target, { headers })).json() as { user_id?: string })
  // The official package: its `custom_base_url` must be https, so the emulator's URL goes in `env` (accepted with
  // a console warning, silenced here).
  type Official = { users: { get: (r: { user_id: string }) => Promise<{ user_id: string }> } }
  const require = createRequire(import.meta.url)
  const stytch = require("stytch") as { Client: new(config: Record<string, unknown>) => Official }
  const warn = console.warn
  console.warn = () => {}
  const official = new stytch.Client({ project_id: PROJECT_ID, secret: SECRET, env: `${url}/` })
  console.warn = warn
  return {
    check,
    official: () => official.users.get({ user_id: userId }).then(check),
    rawNode,
    rawFetch,
    close: () => agent.destroy()
  }
}

/**
 * users.get per call, sequential and 16 in flight: the SDK over `NodeClient` and over `FetchClient` (`oursNode`,
 * `oursFetch`, and any other SDK calls in `ours`), the official package and the raw floors, taking turns in `slices`
 * short slices (so that drift on a shared machine hits them alike); each figure is the mean of its slices.
 */
export const perCall = async <K extends string = never>(
  url: string,
  userId: string,
  ours: Readonly<Record<"oursNode" | "oursFetch" | K, UsersGet>>,
  options: { readonly millis: number; readonly slices: number }
): Promise<ReadonlyArray<PerCallResult<Contender | K>>> => {
  const others = floors(url, userId)
  try {
    const contenders = {
      ...Object.fromEntries(
        Object.entries<UsersGet>(ours).map(([name, get]) => [name, () => get().then(others.check)])
      ),
      official: others.official,
      rawNode: others.rawNode,
      rawFetch: others.rawFetch
    } as Record<Contender | K, () => Promise<unknown>>
    const names = Object.keys(contenders) as Array<Contender | K>
    const results: Array<PerCallResult<Contender | K>> = []
    for (const concurrency of [1, 16]) {
      const zero = () => Object.fromEntries(names.map((n) => [n, 0])) as Record<Contender | K, number>
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
    return results
  } finally {
    others.close()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding a users.get answer

/**
 * Decodes per second of `body` (a users.get answer as the wire has it) by the SDK's own decoder, beside
 * `structuredClone` of the same body (a copy of the same shape, no checks: how far a decoder is from a copy).
 */
export const decodeRates = async (
  body: unknown,
  decode: (input: unknown) => boolean,
  millis: number
): Promise<{ readonly decode: number; readonly clone: number }> => {
  if (!decode(body)) throw new Error("the users.get answer does not decode")
  const BATCH = 100
  let ok = true
  const schema = await measure(async () => {
    for (let i = 0; i < BATCH; i++) ok = decode(body) && ok
  }, millis, BATCH)
  const clone = await measure(async () => {
    for (let i = 0; i < BATCH; i++) structuredClone(body)
  }, millis, BATCH)
  if (!ok) throw new Error("a decode failed")
  return { decode: schema.rate, clone: clone.rate }
}

// ---------------------------------------------------------------------------------------------------------------
// Local JWT verification

export interface JwtRates {
  /** The same token again and again (a verified-token cache hit after the first): ours and raw jose. */
  readonly same: { readonly ours: number; readonly raw: number }
  /** Distinct tokens, one at a time: ours, raw jose, and jose inside the Effect boundary. */
  readonly distinct: { readonly ours: number; readonly raw: number; readonly effectJose: number }
  /** Distinct tokens, 16 in flight: the same three. */
  readonly distinct16: { readonly ours: number; readonly raw: number; readonly effectJose: number }
}

/** A batch of tokens verified by the SDK (or by jose inside the Effect boundary), `concurrency` at a time. */
export type VerifyBatch = (tokens: ReadonlyArray<string>, concurrency: 1 | 16) => Promise<unknown>

/**
 * Local session JWT verification, the SDK against raw `jose.jwtVerify` with the same key and options. `tokens`:
 * 2,000 distinct session JWTs of the emulator (`jwks`: its key set); `ours`: the SDK's `authenticateJwtLocal` over a
 * batch (its JWKS cache already warm); `effectJose`: `jose.jwtVerify` inside `Effect.promise`, run by the same
 * line's Effect (the cost of the Effect boundary alone, with nothing of the SDK's).
 */
export const jwtRates = async (options: {
  readonly tokens: ReadonlyArray<string>
  readonly jwk: jose.JWK
  readonly projectId: string
  readonly ours: VerifyBatch
  readonly effectJose: (key: CryptoKey | Uint8Array, jwtOptions: jose.JWTVerifyOptions) => VerifyBatch
  readonly quick: boolean
}): Promise<JwtRates> => {
  const { ours, projectId, quick, tokens } = options
  const key = await jose.importJWK({ ...options.jwk, alg: "RS256" }, "RS256")
  const jwtOptions = {
    algorithms: ["RS256"],
    issuer: [`stytch.com/${projectId}`],
    audience: projectId,
    typ: "JWT"
  }
  const effectJose = options.effectJose(key, jwtOptions)
  const millis = quick ? 1000 : 3000
  const rounds = quick ? 1 : 3
  const BATCH = 100
  // The same token again and again: every call after the first is a verified-token cache hit.
  const same = Array.from({ length: BATCH }, () => tokens[0]!)
  let raw = 0
  let oursSame = 0
  for (let i = 0; i < rounds; i++) {
    raw = Math.max(raw, (await measure(async () => {
      for (const t of same) await jose.jwtVerify(t, key, jwtOptions)
    }, millis, BATCH)).rate)
    oursSame = Math.max(oursSame, (await measure(() => ours(same, 1), millis, BATCH)).rate)
  }

  // Distinct tokens: each contender walks all 2,000 tokens in order with its own cursor (more than the SDK's
  // verified-token cache holds, so every verification is a full one). The contenders take turns in small batches,
  // so that drift on a shared machine hits them alike; the totals give the ratios.
  const SMALL = 50
  // The two SDK contenders share the verified-token cache: they walk 1,000 tokens apart, so neither meets a token
  // the other verified recently enough to still be cached (100 insertions per turn, 1,024 kept).
  const cursors = [0, 0, 0, 0, 1000, 0]
  const walk = (who: number) => {
    const at = cursors[who]!
    cursors[who] = (at + SMALL) % tokens.length
    return tokens.slice(at, at + SMALL)
  }
  const contenders: ReadonlyArray<() => Promise<unknown>> = [
    async () => {
      for (const t of walk(0)) await jose.jwtVerify(t, key, jwtOptions)
    },
    () => ours(walk(1), 1),
    () => effectJose(walk(2), 1),
    // A server verifies the tokens of concurrent requests: 16 in flight (WebCrypto works off the main thread).
    async () => {
      // The same sliding window of 16 as Effect.forEach's `concurrency: 16`.
      const batch = walk(3)
      let next = 0
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (next < batch.length) await jose.jwtVerify(batch[next++]!, key, jwtOptions)
      }))
    },
    () => ours(walk(4), 16),
    () => effectJose(walk(5), 16)
  ]
  const turns = quick ? 40 : 200
  const spent = [0, 0, 0, 0, 0, 0]
  for (let turn = -10; turn < turns; turn++) { // 10 turns of warm-up
    for (let who = 0; who < contenders.length; who++) {
      const start = performance.now()
      await contenders[who]!()
      if (turn >= 0) spent[who]! += performance.now() - start
    }
  }
  const rate = (who: number) => turns * SMALL / (spent[who]! / 1000)
  return {
    same: { ours: oursSame, raw },
    distinct: { raw: rate(0), ours: rate(1), effectJose: rate(2) },
    distinct16: { raw: rate(3), ours: rate(4), effectJose: rate(5) }
  }
}
