// The engine's refusals reach the caller as 422 with the provision first ("6.13: …").
import { isCodeRuleViolation } from '../domain/index.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';

export function underCodeRules<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (isCodeRuleViolation(error)) throw new AppError(AppErrorCode.CodeRule, error.message, { code: error.code, provision: error.provision });
    throw error;
  }
}
