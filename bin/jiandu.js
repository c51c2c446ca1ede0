#!/usr/bin/env node
// Entry point of the `jiandu` command. The TypeScript sources are compiled to dist/ by
// `npm install` (the `prepare` script) and by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('jiandu: dist/ is missing — run `npm install` or `npm run build` first.\n');
  process.exit(1);
}
await import(main.href);
