// The four things a resident's message can be, in the order the model's weights use.
export const LABELS = ['complaint', 'service_request', 'compliment', 'other'] as const;
export type Label = (typeof LABELS)[number];
export const COMPLAINT = 0;

export function isLabel(x: unknown): x is Label {
  return typeof x === 'string' && (LABELS as readonly string[]).includes(x);
}
