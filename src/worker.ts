import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { stopGracefully } from './common/shutdown';
import { configOrExit } from './config/environment';

/** Workers only (queue processors, outbox relay, recovery of lost jobs), for scaling them apart. */
async function bootstrap(): Promise<void> {
  const config = configOrExit('brug-worker');
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { role: 'worker' }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await app.init();
  stopGracefully(app);
  app.get(Logger).log('Brug workers started');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `brug-worker: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
