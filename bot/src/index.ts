// The bot package's public surface. The conversation (dialogs) and channel adapters arrive with
// their issues; the dissatisfaction detector is ready.
export { classify } from './detector/index.ts';
export type { Classification, Label } from './detector/index.ts';
