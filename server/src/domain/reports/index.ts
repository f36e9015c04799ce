// Reports (8.1, 9.7, the Regulator's TSMs CH01 and CH02): pure rules over plain case records.
export * from './reportCase.ts';
export * from './period.ts';
export * from './workingDayIndex.ts';
export * from './timeliness.ts';
export * from './analysedCase.ts';
export * from './ch01.ts';
export * from './ch02.ts';
export * from './handlingTimes.ts';
export * from './extensions.ts';
export * from './outcomes.ts';
export * from './refusals.ts';
export * from './breakdowns.ts';
export * from './adjustments.ts';
export * from './openCases.ts';
export * from './learning.ts';
export * from './performanceReport.ts';
