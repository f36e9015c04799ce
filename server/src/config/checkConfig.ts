// `npm start` runs this before building, so a configuration mistake is reported in one line at
// once instead of after the build.
import { ConfigError, loadConfig } from './config.ts';

try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
