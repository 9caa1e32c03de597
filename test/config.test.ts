/**
 * Configuration (src/layers/StytchConfig.ts and Stytch.layer / Stytch.layerConfig): validation at layer build time,
 * defaults, the environment variable names, and the secret staying redacted.
 *
 * The cases both lines check are plain data in effect4/test/support/configCases.ts (the Effect 4 suite,
 * effect4/test/config.test.ts, runs the same tables); this file builds each through the Effect 3 layers and
 * ConfigProvider.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { assert, describe, it } from "@effect/vitest"
import * as util from "node:util"
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { Stytch, StytchConfig, Users } from "../src/index.js"
import {
  type Built,
  PROJECT_ID,
  type PlainOptions,
  registerConfigCases,
  SECRET,
  type SeenRequest
} from "../effect4/test/support/configCases.js"
import { userBody } from "../effect4/test/support/pipelineCases.js"

/** A client that records every request and answers each with a minimal users.get body. */
const countingClient = () => {
  const requests: Array<SeenRequest> = []
  const client = HttpClient.make((request, url) =>
    Effect.sync(() => {
      requests.push({ url: url.toString(), authorization: request.headers["authorization"] })
      return HttpClientResponse.fromWeb(
        request,
        new Response(
          JSON.stringify(userBody("user-test-config")),
          { status: 200, headers: { "content-type": "application/json" } }
        )
      )
    })
  )
  return { requests, client }
}

/** Builds the layer (as an app would, at startup) and returns what it provides. */
const build = <A, E>(layer: Layer.Layer<A, E, HttpClient.HttpClient>, client: HttpClient.HttpClient) =>
  Layer.build(layer.pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))).pipe(Effect.scoped)

/** Everything a user can see of a value. */
const shown = (value: unknown) => `${String(value)} ${JSON.stringify(value)} ${util.inspect(value, { depth: 10 })}`

const provider = (env: Readonly<Record<string, string>>) => ConfigProvider.fromMap(new Map(Object.entries(env)))

/** A table's options as this line's Options. */
const optionsOf = ({ redacted, secret, ...rest }: PlainOptions): StytchConfig.Options =>
  ({ ...rest, secret: redacted && secret !== undefined ? Redacted.make(secret) : secret }) as StytchConfig.Options

const plain = (config: StytchConfig.Resolved) => ({
  projectId: config.projectId,
  secret: Redacted.value(config.secret),
  baseUrl: config.baseUrl,
  fraudBaseUrl: config.fraudBaseUrl,
  timeoutMillis: Duration.toMillis(config.timeout),
  maxRetries: config.maxRetries
})

/** Builds `layer` over a counting client (then calls users.get when `call`), as the shared tests read it. */
const built = (
  layer: (client: HttpClient.HttpClient) => Effect.Effect<Context.Context<Users.Users | StytchConfig.StytchConfig>, unknown>,
  call: boolean
): Promise<Built> =>
  Effect.runPromise(Effect.gen(function*() {
    const { client, requests } = countingClient()
    const exit = yield* Effect.exit(layer(client))
    if (Exit.isFailure(exit)) {
      const error = Cause.squash(exit.cause)
      const configError = ConfigError.isConfigError(error)
      return { _tag: "Failed", configError, text: String(error), shown: shown(error), sent: requests.length } as const
    }
    const sentWhileBuilding = requests.length
    const config = Context.get(exit.value, StytchConfig.StytchConfig)
    if (call) yield* Context.get(exit.value, Users.Users).get({ user_id: "user-test-config" })
    return {
      _tag: "Built",
      config: plain(config),
      redacted: Redacted.isRedacted(config.secret),
      shown: `${shown(config)} ${shown(config.secret)}`,
      sentWhileBuilding,
      requests
    } as const
  }))

// The shared cases (effect4/test/support/configCases.ts), through the Effect 3 layers and ConfigProvider.
registerConfigCases({ describe, it }, {
  layer: (options, call) => built((client) => build(Stytch.layer(optionsOf(options)), client), call),
  make: (options) => Effect.runPromise(Effect.map(StytchConfig.make(optionsOf(options)), plain)),
  env: [
    // The config provider of the Effect, or Layer.setConfigProvider.
    (env, call) =>
      built(
        (client) => build(Stytch.layerConfig(StytchConfig.fromEnv), client).pipe(Effect.withConfigProvider(provider(env))),
        call
      ),
    (env, call) =>
      built((client) => build(Stytch.layerFromEnv.pipe(Layer.provide(Layer.setConfigProvider(provider(env)))), client), call)
  ]
})

// ---------------------------------------------------------------------------------------------------------------
// Effect 3 only

describe("layerConfig takes Config.Config.Wrap<Options>: any option from any Config", () => {
  const env = ConfigProvider.fromMap(new Map([
    ["MY_ID", PROJECT_ID],
    ["MY_SECRET", SECRET],
    ["MY_TIMEOUT", "3 seconds"],
    ["MY_RETRIES", "0"]
  ]))
  const wrapped = {
    projectId: Config.string("MY_ID"),
    secret: Config.redacted("MY_SECRET"),
    timeout: Config.duration("MY_TIMEOUT"),
    maxRetries: Config.integer("MY_RETRIES")
  }

  it.effect("Stytch.layerConfig and StytchConfig.layerConfig read the same options", () =>
    Effect.gen(function*() {
      const { client } = countingClient()
      const layer = Stytch.layerConfig({ ...wrapped, jwks: { ttl: Config.duration("MY_TIMEOUT") } })
      const context = yield* build(layer, client)
      const fromStytch = Context.get(context, StytchConfig.StytchConfig)
      const fromConfig = yield* Effect.scoped(Layer.build(StytchConfig.layerConfig(wrapped))).pipe(
        Effect.map(Context.get(StytchConfig.StytchConfig))
      )
      for (const config of [fromStytch, fromConfig]) {
        assert.strictEqual(config.projectId, PROJECT_ID)
        assert.strictEqual(Redacted.value(config.secret), SECRET)
        assert.isTrue(Duration.equals(config.timeout, Duration.seconds(3)))
        assert.strictEqual(config.maxRetries, 0)
      }
    }).pipe(Effect.withConfigProvider(env)))

  it.effect("a value that fails validation names the option it was given as", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.scoped(Layer.build(
        StytchConfig.layerConfig({ ...wrapped, maxRetries: Config.succeed(-1) })
      )))
      assert.include(String(error), "options.maxRetries")
    }).pipe(Effect.withConfigProvider(env)))
})

