// Request schemas shared by the server and the console (browser-safe: no Node-only imports).
export * from './common.ts';
export * from './complaintDefinition.ts';
export * from './remedy.ts';
export * from './caseOperations.ts';
export * from './auth.ts';
export * from './complaints.ts';
export * from './staff.ts';
export * from './relatedIssues.ts';
export * from './conversations.ts';
export * from './reports.ts';
export * from './settings.ts';
export * from './dataProtection.ts';
