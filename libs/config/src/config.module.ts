import { Global, Module } from '@nestjs/common';
import { loadConfig } from './app-config';

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = 'APP_CONFIG';

/** The configuration, read from the environment and validated once per process. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
