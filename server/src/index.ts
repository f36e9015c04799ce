export { startServer } from './createServer.ts';
export type { RunningServer, CreateServerOptions } from './createServer.ts';
export { loadConfig, ConfigError } from './config/config.ts';
export type { Config } from './config/config.ts';
export { createLogger } from './config/logger.ts';
export { AppError, AppErrorCode } from './http/appError.ts';
