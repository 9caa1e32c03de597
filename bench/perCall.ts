/**
 * users.get per call over loopback HTTP, the emulator in another process, for the Effect 3 line: the SDK over
 * `NodeClient` and over `FetchClient`, the official `stytch` package, and raw `node:http` / `fetch` floors;
 * sequential and 16 in flight, taking turns in short slices (bench/harness.ts's `perCall`). Also the decode of the
 * same users.get answer by the SDK's own schema. effect4/bench/run.ts is the Effect 4 line's counterpart; it also
 * loads `effect3Calls` (bundled by bench/effect4.ts, so that its `effect` is the root's effect 3) to measure the
 * Effect 3 line beside the Effect 4 one in its own process.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import type * as SdkModule from "../src/index.js"
import { startEmulatorProcess } from "./emulatorProcess.js"
import { decodeRates, perCall, type PerCallResult, PROJECT_ID, type SdkCalls, SECRET, usersGetBody } from "./harness.js"

export { measure, type PerCallResult } from "./harness.js"

export interface LoopbackResult {
  readonly perCall: ReadonlyArray<PerCallResult>
  /** Decodes per second of a users.get answer by `Models.UsersGetResponse` (the SDK's decoder), and a copy's. */
  readonly decode: { readonly decode: number; readonly clone: number }
}

/**
 * The Effect 3 SDK's calls against the emulator at `url`: users.get over each client, and its answer's decoder (the
 * pipeline's: `decodeUnknownEither` of the endpoint's response schema).
 */
export const effect3Calls = async (sdk: typeof SdkModule, url: string): Promise<SdkCalls> => {
  const { FetchClient, Models, NodeClient, Stytch, Users } = sdk
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
  const decode = Schema.decodeUnknownEither(Models.UsersGetResponse)
  return {
    create: async (email) => (await Effect.runPromise(node.create({ email }))).user_id,
    get: (user_id) => ({
      node: () => Effect.runPromise(node.get({ user_id })),
      fetch: () => Effect.runPromise(fetch.get({ user_id }))
    }),
    decode: (input) => Either.isRight(decode(input)),
    close: () => Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

export const measurePerCall = async (
  sdk: typeof SdkModule,
  options: { readonly millis: number; readonly slices: number }
): Promise<LoopbackResult> => {
  const server = await startEmulatorProcess(PROJECT_ID, SECRET)
  try {
    const calls = await effect3Calls(sdk, server.url)
    try {
      const userId = await calls.create("bench-per-call@example.com")
      const { fetch, node } = calls.get(userId)
      const results = await perCall(server.url, userId, { oursNode: node, oursFetch: fetch }, options)
      const body = await usersGetBody(server.url, userId)
      return { perCall: results, decode: await decodeRates(body, calls.decode, 1000) }
    } finally {
      await calls.close()
    }
  } finally {
    await server.stop()
  }
}
