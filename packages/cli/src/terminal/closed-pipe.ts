/**
 * True for the errors stdout reports once its reader has gone away (`flakestorm … | head` closed the
 * pipe): there is no one left to print for, and nothing is wrong with the command.
 */
export function isClosedPipe(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED';
}
