// The `flakestorm` executable's entry (bin/flakestorm.js imports this). Kept tiny: see cli.ts.
import { main } from './cli.js';

const code = await main(process.argv.slice(2));
// Exit explicitly (after stdout drains) so that keep-alive sockets or a stray timer cannot hold the process.
process.stdout.write('', () => process.exit(code));
