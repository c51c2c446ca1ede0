// Entry point of the `jiandu` command (bin/jiandu.js imports the compiled form of this file).
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2));
