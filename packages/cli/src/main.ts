// The `flakestorm` executable's entry (bin/flakestorm.js imports this). Kept tiny: see cli.ts.
import { main } from './cli.js';
import { isClosedPipe } from './terminal/closed-pipe.js';

// A reader that goes away early (`flakestorm scan --jsonl | head`) closes the pipe. What is left to print
// then has nowhere to go, but the command still finishes (a run still writes its reports) instead of
// dying on EPIPE with a stack trace; commands that only print (scan --jsonl) stop reading their input.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (!isClosedPipe(error)) throw error;
});

const code = await main(process.argv.slice(2));
// Exit explicitly (after stdout drains) so that keep-alive sockets or a stray timer cannot hold the process.
process.stdout.write('', () => process.exit(code));
