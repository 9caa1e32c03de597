/**
 * The emulator for tests of apps built on effect-stytch: everything of `effect-stytch-emulator`'s Effect API (the
 * in-process `layer`, the loopback `layerServer`, the `StytchEmulator` controls service, `EmulatorServer`), plus the
 * layers that wire every SDK service to it (`layerStytch` in-process, `layerStytchServer` over loopback). Time is the
 * caller's `Clock`, so `TestClock` moves sessions and codes.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as HttpClientTag from "@effect/platform/HttpClient"
import * as Emulator from "effect-stytch-emulator/effect"
import * as HttpTransport from "../layers/HttpTransport.js"
import type * as StytchConfig from "../layers/StytchConfig.js"
import * as Stytch from "../Stytch.js"

export * from "effect-stytch-emulator/effect"

/** The SDK options a test may set beside the emulator's (which fix the project, the secret and the URLs). */
export type SdkOptions = Omit<StytchConfig.Options, "projectId" | "secret" | "baseUrl" | "fraudBaseUrl">

/** `Stytch.layer` for this emulator at `url` (both hosts), with the caller's SDK options. */
const sdkFor = (emulator: Emulator.Service, url: string, options: Emulator.Options & SdkOptions = {}) => {
  const { projectId: _p, secret: _s, settings: _settings, ...sdkOptions } = options
  return Stytch.layer({ ...sdkOptions, projectId: emulator.projectId, secret: emulator.secret, baseUrl: url, fraudBaseUrl: url })
}

/**
 * Every SDK service wired to an in-process emulator, plus the emulator's controls: the one-line test setup.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStytch = (
  options?: Emulator.Options & SdkOptions
): Layer.Layer<Stytch.Provided | Emulator.StytchEmulator | HttpClient.HttpClient, ConfigError.ConfigError> =>
  Layer.unwrapEffect(Effect.map(Emulator.make(options), (emulator) => {
    const emulatorLayer = Layer.succeedContext(
      Context.make(Emulator.StytchEmulator, emulator).pipe(
        Context.add(HttpClientTag.HttpClient, Emulator.httpClient(emulator))
      )
    )
    return sdkFor(emulator, Emulator.inProcessBaseUrl, options).pipe(Layer.provideMerge(emulatorLayer))
  }))

/**
 * The loopback counterpart of `layerStytch`: the emulator served on 127.0.0.1 (`port: 0` by default, a free one) and
 * every SDK service pointed at it over real HTTP, plus the emulator's controls and the server. The SDK talks through
 * `client`: the SDK's default `HttpTransport.layer` (node:http where it exists, else fetch), or any `HttpClient` layer
 * (`FetchClient.layer`, `FetchHttpClient.layer`, ...).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStytchServer = (
  options:
    & Emulator.Options
    & Emulator.ServeOptions
    & { readonly client?: Layer.Layer<HttpClient.HttpClient> | undefined }
    & SdkOptions = {}
): Layer.Layer<
  Stytch.Provided | Emulator.StytchEmulator | Emulator.EmulatorServer,
  Error | ConfigError.ConfigError
> => {
  const { client, host, maxBodyBytes, port, ...rest } = options
  const sdk = Layer.unwrapEffect(Effect.gen(function*() {
    const emulator = yield* Emulator.StytchEmulator
    const server = yield* Emulator.EmulatorServer
    return sdkFor(emulator, server.url, rest)
  }))
  return sdk.pipe(
    Layer.provide(client ?? HttpTransport.layer),
    Layer.provideMerge(Emulator.layerServer({ ...rest, host, maxBodyBytes, port: port ?? 0 }))
  )
}
