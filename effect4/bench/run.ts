/**
 * The Effect 4 line's half of `npm run bench`, run by bench/effect4.ts in a child process on Node 22 (the Effect 4
 * line needs both): the same measurements as the Effect 3 half in bench/run.ts and bench/perCall.ts, through the
 * same Effect-free harness (bench/harness.ts), with the calls of `effect-stytch/effect4`.
 *
 * What runs is the built package, not the sources: bench/effect4.ts copies `dist/` to `effect4/.bench/dist/`
 * unchanged, where the built files' bare `effect` imports resolve to effect 4 (`effect4/node_modules/effect`), as
 * in an app that installs effect 4; and it bundles this file into `effect4/.bench/run.mjs` with every package
 * external (only the harness is bundled in), so `effect` here resolves the same way.
 *
 * Groups (`--only=`): `loopback` (users.get per call, the emulator in another process started with the Node named
 * by `BENCH_SERVER_NODE`, and the decode of its answer; the Effect 3 line is measured here too, interleaved in the
 * same slices, so that the two lines meet on one Node) and `jwt` (local JWT verification, in-process emulator).
 * Prints one line of JSON (`Effect4Result` in bench/effect4.ts).
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as jose from "jose"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { CLI, startEmulatorProcess } from "../../bench/emulatorProcess.js"
import {
  decodeRates,
  jwtRates,
  perCall,
  PROJECT_ID,
  type SdkCalls,
  SECRET,
  usersGetBody
} from "../../bench/harness.js"
import type * as SdkModule from "../src/index.js"
import type * as TestingModule from "../src/testing.js"

// This file and its bundle (effect4/.bench/run.mjs) are both two levels below the repository root.
const root = fileURLToPath(new URL("../..", import.meta.url))
const dist = join(root, "effect4/.bench/dist")
const sdk = await import(join(dist, "effect4/index.js")) as typeof SdkModule
const { FetchClient, Models, NodeClient, Sessions, Stytch, Users } = sdk

const quick = process.argv.includes("--quick")
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",")
const wanted = (group: string) => only === undefined || only.includes(group)

/** The Effect 4 SDK's calls against the emulator at `url` (the same shape as bench/perCall.ts's `effect3Calls`). */
const effect4Calls = async (url: string): Promise<SdkCalls> => {
  const scope = Effect.runSync(Scope.make())
  const usersOver = (client: Layer.Layer<HttpClient.HttpClient>) =>
    Effect.runPromise(
      Effect.map(
        Layer.buildWithScope(
          Stytch.layer({ projectId: PROJECT_ID, secret: SECRET, baseUrl: url }).pipe(Layer.provide(client)),
          scope
        ),
        (context) => Context.get(context, Users.Users)
      )
    )
  const node = await usersOver(NodeClient.layer)
  const fetch = await usersOver(FetchClient.layer)
  // The pipeline's decoder: `decodeUnknownExit` of the endpoint's response schema.
  const decode = Schema.decodeUnknownExit(Models.UsersGetResponse)
  return {
    create: async (email) => (await Effect.runPromise(node.create({ email }))).user_id,
    get: (user_id) => ({
      node: () => Effect.runPromise(node.get({ user_id })),
      fetch: () => Effect.runPromise(fetch.get({ user_id }))
    }),
    decode: (input) => Exit.isSuccess(decode(input)),
    close: () => Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

/**
 * The Effect 3 line in this process too: the built `dist/index.js` (its `effect` is the root's effect 3) driven by
 * bench/perCall.ts's `effect3Calls`, bundled by bench/effect4.ts to `bench/.out/effect3.mjs` (where `effect` is
 * effect 3 as well). Two Effects in one process, each with its own modules: the two lines side by side on one Node.
 */
const effect3Calls = async (url: string): Promise<SdkCalls> => {
  const sdk3 = await import(join(root, "dist/index.js")) as unknown
  const { effect3Calls } = await import(join(root, "bench/.out/effect3.mjs")) as {
    readonly effect3Calls: (sdk: unknown, url: string) => Promise<SdkCalls>
  }
  return effect3Calls(sdk3, url)
}

const loopback = async () => {
  const server = await startEmulatorProcess(PROJECT_ID, SECRET, join(root, CLI), process.env.BENCH_SERVER_NODE)
  try {
    const four = await effect4Calls(server.url)
    const three = await effect3Calls(server.url)
    try {
      const userId = await four.create("bench-per-call@example.com")
      const ours = four.get(userId)
      const theirs = three.get(userId)
      const results = await perCall(server.url, userId, {
        oursNode: ours.node,
        oursFetch: ours.fetch,
        effect3Node: theirs.node,
        effect3Fetch: theirs.fetch
      }, { millis: quick ? 1500 : 6000, slices: quick ? 3 : 6 })
      const body = await usersGetBody(server.url, userId)
      const millis = 1000
      // Interleaved too: Effect 4, Effect 3, Effect 4, Effect 3 (best of each).
      const decodes = [
        await decodeRates(body, four.decode, millis),
        await decodeRates(body, three.decode, millis),
        await decodeRates(body, four.decode, millis),
        await decodeRates(body, three.decode, millis)
      ]
      const best = (xs: ReadonlyArray<{ decode: number; clone: number }>) =>
        ({ decode: Math.max(...xs.map((x) => x.decode)), clone: Math.max(...xs.map((x) => x.clone)) })
      return {
        perCall: results,
        decode: best([decodes[0]!, decodes[2]!]),
        decodeEffect3: best([decodes[1]!, decodes[3]!])
      }
    } finally {
      await three.close()
      await four.close()
    }
  } finally {
    await server.stop()
  }
}

const jwt = async () => {
  const { StytchEmulator } = await import(join(dist, "effect4/testing.js")) as typeof TestingModule
  const program = Effect.gen(function*() {
    const emulator = yield* StytchEmulator.StytchEmulator
    const users = yield* Users.Users
    const sessions = yield* Sessions.Sessions
    const user = yield* users.create({ email: "bench@example.com" })
    const tokens: Array<string> = []
    for (let i = 0; i < 2000; i++) {
      tokens.push((yield* emulator.seedSession({ user_id: user.user_id, session_duration_minutes: 60 })).session_jwt)
    }
    const jwks = yield* sessions.getJWKS({ project_id: emulator.projectId })
    yield* sessions.authenticateJwtLocal({ session_jwt: tokens[0]! }) // warms the JWKS cache
    return yield* Effect.promise(() =>
      jwtRates({
        tokens,
        jwk: jwks.keys[0]! as jose.JWK,
        projectId: emulator.projectId,
        ours: (batch, concurrency) =>
          Effect.runPromise(
            Effect.forEach(batch, (t) => sessions.authenticateJwtLocal({ session_jwt: t }), { concurrency, discard: true })
          ),
        effectJose: (key, options) => (batch, concurrency) =>
          Effect.runPromise(
            Effect.forEach(batch, (t) => Effect.promise(() => jose.jwtVerify(t, key, options)), {
              concurrency,
              discard: true
            })
          ),
        quick
      })
    )
  })
  return Effect.runPromise(program.pipe(Effect.provide(StytchEmulator.layerStytch())))
}

const result = {
  node: process.version,
  loopback: wanted("loopback") ? await loopback() : undefined,
  jwt: wanted("jwt") ? await jwt() : undefined
}
console.log(JSON.stringify(result))
