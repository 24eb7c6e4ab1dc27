import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.js';

/**
 * Keeper's settings for injection: AppConfig, and `@nestjs/config`'s ConfigService serving the same
 * validated variables. The environment is validated before Nest starts (loadConfig), so a wrong value
 * stops Keeper with one line instead of a failed module; ConfigModule therefore reads nothing itself.
 */
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => ({ ...config.variables })],
        }),
      ],
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
