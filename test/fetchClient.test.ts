/**
 * `FetchClient`, the SDK's lean `HttpClient` over `fetch`: the shared transport behaviours
 * (test/support/transportSuite.ts) against a small local server.
 */
import * as Effect from "effect/Effect"
import { FetchClient } from "../src/index.js"
import { transportSuite } from "./support/transportSuite.js"

transportSuite("FetchClient", {
  make: (options) => Effect.succeed(FetchClient.make(globalThis.fetch, options)),
  layer: FetchClient.layer,
  layerWith: FetchClient.layerWith,
  DEFAULT_MAX_BODY_BYTES: FetchClient.DEFAULT_MAX_BODY_BYTES
})
