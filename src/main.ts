import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { stopGracefully } from './common/shutdown';
import { configOrExit } from './config/environment';
import { DEMO_USERS } from './demo/demo-catalogue';
import { DemoDataService } from './demo/demo-data.service';
import { createHttpApp } from './http-app';

/** The HTTP API, and the workers too unless WORKERS=off. */
async function bootstrap(): Promise<void> {
  const config = configOrExit('brug');
  const app = await createHttpApp(config);
  if (config.demoData) await app.get(DemoDataService).seed();
  await app.listen(config.port, config.host);
  stopGracefully(app);
  new Logger('Brug').log(
    `Brug listening on ${config.publicUrl} (workers ${config.workers ? 'on' : 'off'})`,
  );
  if (config.demoData) {
    const users = DEMO_USERS.map((u) => `    ${u.email.padEnd(30)} ${u.role}`).join('\n');
    process.stdout.write(
      `\nBrug is running at ${config.publicUrl}\n` +
        `  API documentation: ${config.publicUrl}/api/v1/docs\n` +
        `  Demo sign-ins (password "${config.demoPassword}"):\n${users}\n\n`,
    );
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `brug: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
