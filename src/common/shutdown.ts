import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';

/**
 * Graceful stop on SIGTERM/SIGINT: close the application (HTTP server, workers, pools) and exit
 * 0, so an orchestrator sees a clean stop. A second signal, or a close that hangs, forces exit.
 */
export function stopGracefully(app: INestApplicationContext, timeoutMs = 15_000): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`${signal} received: stopping`);
    setTimeout(() => {
      logger.error('Did not stop in time; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Error while stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
