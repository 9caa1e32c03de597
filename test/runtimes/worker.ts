/** workerd: the target from the worker's text bindings, the report as the JSON answer to any request. */
import { run } from "./app.js"

interface Env {
  readonly STYTCH_BASE_URL: string
  readonly STYTCH_PROJECT_ID: string
  readonly STYTCH_SECRET: string
  readonly APP_EMAIL: string
  readonly APP_PASSWORD: string
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const report = await run({
      baseUrl: env.STYTCH_BASE_URL,
      projectId: env.STYTCH_PROJECT_ID,
      secret: env.STYTCH_SECRET,
      email: env.APP_EMAIL,
      password: env.APP_PASSWORD
    })
    return Response.json(report, { status: report.ok ? 200 : 500 })
  }
}
