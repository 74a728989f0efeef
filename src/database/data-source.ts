import { DataSource } from 'typeorm';
import { configFromEnvironment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI only (`npm run migration:generate`); the service builds its own. */
export default new DataSource(
  dataSourceOptions(configFromEnvironment(), { applicationName: 'brug-typeorm-cli' }),
);
