// The Code engine's public API: pure rules, no I/O. The service layer loads a CaseSnapshot,
// calls an operation with an OperationContext, persists the new snapshot and turns the events
// into audit rows, socket.io messages and letters (renderLetterRequest).
export * from './civilDate.ts';
export * from './workingDays.ts';
export * from './deadlines.ts';
export * from './lifecycle/index.ts';
export * from './letters/index.ts';
export * from './deadlineBands.ts';
export * from './reviewDates.ts';
export * from './representativeConsent.ts';
export * from './reports/index.ts';
