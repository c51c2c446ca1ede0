// Entry point of the `jiandu` command (bin/jiandu.js imports the compiled form of this file).
import { main } from './program.js';

// `jiandu models sql X | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
