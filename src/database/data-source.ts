// For the TypeORM CLI: `npx typeorm migration:show -d dist/database/data-source.js`.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { prepareEnvironment } from '../config/prepare-environment.js';
import { dataSourceOptions } from './data-source-options.js';

const config = prepareEnvironment(loadConfig());
export default new DataSource(dataSourceOptions(config.database, config.extraMigrationsDir));
