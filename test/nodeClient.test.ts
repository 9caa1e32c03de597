/**
 * `NodeClient`, the SDK's `HttpClient` over keep-alive `node:http`: the shared transport behaviours
 * (test/support/transportSuite.ts), plus what is its own: one socket reused across sequential calls, the agent
 * destroyed with the layer, stream and form bodies, and `HttpTransport.layer` choosing it on Node (and `fetch` where
 * `node:http` cannot be had).
 */
import { assert, describe, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { FetchClient, HttpTransport, NodeClient, Users } from "../src/index.js"
import { sdk, transportSuite, withServer } from "./support/transportSuite.js"
import {
  checkStreamAndForm,
  FORM_FIELDS,
  hideGetBuiltinModule,
  pretendCloudflareWorkers,
  REFUSED_URL,
  STREAM_CHUNKS,
  transportKind,
  URL_CASES
} from "../effect4/test/support/transportCases.js"

transportSuite("NodeClient", {
  make: NodeClient.make,
  layer: NodeClient.layer,
  layerWith: NodeClient.layerWith,
  DEFAULT_MAX_BODY_BYTES: NodeClient.DEFAULT_MAX_BODY_BYTES
})

const waitFor = (done: () => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 400 && !done(); i++) yield* Effect.sleep("5 millis")
  })

describe("NodeClient", () => {
  it.live("sequential SDK calls reuse one keep-alive connection", () =>
    withServer(({ base, connections, seen }) =>
      Effect.gen(function*() {
        const users = yield* Users.Users
        for (let i = 0; i < 5; i++) yield* Effect.either(users.get({ user_id: `user-test-${i}` }))
        assert.strictEqual(seen.length, 5)
        assert.strictEqual(new Set(seen.map((s) => s.remotePort)).size, 1)
        assert.strictEqual(connections.opened, 1)
      }).pipe(Effect.provide(sdk(base, NodeClient.layer)))))

  it.live("closing the layer's scope destroys the agent: the idle keep-alive socket closes", () =>
    withServer(({ base, connections }) =>
      Effect.gen(function*() {
        const scope = yield* Scope.make()
        const context = yield* Layer.buildWithScope(NodeClient.layer, scope)
        const client = yield* Effect.provide(HttpClient.HttpClient, context)
        const response = yield* client.execute(HttpClientRequest.get(`${base}/one`))
        assert.strictEqual(response.status, 201)
        yield* Effect.sleep("20 millis")
        assert.strictEqual(connections.open, 1) // kept alive while the layer lives
        yield* Scope.close(scope, Exit.void)
        yield* waitFor(() => connections.open === 0)
        assert.strictEqual(connections.open, 0)
      })))

  it.live("URLs: paths and queries arrive as a URL parser encodes them; fragments are not sent", () =>
    withServer(({ base, seen }) =>
      Effect.gen(function*() {
        const client = yield* NodeClient.make()
        for (const [url] of URL_CASES(base)) {
          assert.strictEqual((yield* client.execute(HttpClientRequest.get(url))).status, 201)
        }
        assert.deepStrictEqual(seen.map((s) => s.url), URL_CASES(base).map(([, target]) => target))
        const refused = yield* Effect.flip(client.execute(HttpClientRequest.get(REFUSED_URL)))
        assert.strictEqual(refused._tag, "RequestError")
      }).pipe(Effect.scoped)))

  it.live("sends a stream body and a form body", () =>
    withServer(({ base, seen }) =>
      Effect.gen(function*() {
        const client = yield* NodeClient.make()
        const encoder = new TextEncoder()
        const stream = Stream.fromIterable(STREAM_CHUNKS).pipe(Stream.map((s) => encoder.encode(s)))
        const response = yield* client.execute(
          HttpClientRequest.post(`${base}/stream`).pipe(
            HttpClientRequest.bodyStream(stream, { contentType: "application/json" })
          )
        )
        assert.strictEqual(response.status, 201)
        const form = new FormData()
        for (const [name, value] of Object.entries(FORM_FIELDS)) form.set(name, value)
        yield* client.execute(HttpClientRequest.post(`${base}/form`).pipe(HttpClientRequest.bodyFormData(form)))
        checkStreamAndForm(seen)
      }).pipe(Effect.scoped)))
})

describe("HttpTransport", () => {
  const viaLayer = (layer: Layer.Layer<HttpClient.HttpClient>) =>
    withServer(({ base, seen }) =>
      Effect.gen(function*() {
        const client = yield* HttpClient.HttpClient
        yield* client.execute(HttpClientRequest.get(`${base}/which`))
        return transportKind(seen[0]!)
      }).pipe(Effect.provide(layer)))
  /** Runs with the runtime disguised, undone when the scope closes. */
  const disguised = (disguise: () => () => void) =>
    Effect.acquireRelease(Effect.sync(disguise), (undo) => Effect.sync(undo))

  it.live("layer is NodeClient on Node", () =>
    Effect.gen(function*() {
      assert.strictEqual(HttpTransport.kind(), "node")
      assert.strictEqual(yield* viaLayer(FetchClient.layer), "fetch") // the probe tells them apart
      assert.strictEqual(yield* viaLayer(HttpTransport.layer), "node")
    }))

  it.live("layer is FetchClient where process.getBuiltinModule is missing", () =>
    Effect.gen(function*() {
      const without = disguised(hideGetBuiltinModule)
      const kind = yield* Effect.scoped(Effect.zipRight(without, Effect.sync(() => HttpTransport.kind())))
      assert.strictEqual(kind, "fetch")
      const used = yield* Effect.scoped(Effect.zipRight(without, viaLayer(HttpTransport.layer)))
      assert.strictEqual(used, "fetch")
      assert.strictEqual(HttpTransport.kind(), "node")
    }))

  it.live("layer is FetchClient on Cloudflare Workers, even with nodejs_compat", () =>
    Effect.gen(function*() {
      const asWorkers = disguised(pretendCloudflareWorkers)
      const used = yield* Effect.scoped(Effect.zipRight(asWorkers, viaLayer(HttpTransport.layer)))
      assert.strictEqual(used, "fetch")
      assert.strictEqual(HttpTransport.kind(), "node")
    }))
})
