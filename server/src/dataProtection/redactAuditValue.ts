// What an audit row may keep once the person it is about has been anonymised: numbers, booleans,
// dates, ids and the Code's vocabulary (statuses, stages, decisions, kinds). Any other text may
// hold personal data (a name in a summary, a phone number in a message) and is replaced.
export const ANONYMISED = '[anonymised]';

const SAFE_TEXT = [
  /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, // dates and instants
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // ids
  /^CMP-\d{4}-\d{6}$/, // complaint references
];

// Keys whose values are codes from the schema's enums, never free text.
const CODE_KEYS = new Set(['status', 'stage', 'decision', 'kind', 'channel', 'reasonCode', 'consentStatus', 'consentMethod', 'role', 'roles', 'outcome', 'deliveryStatus']);

export function redactAuditValue(value: unknown, key?: string): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return (key !== undefined && CODE_KEYS.has(key) && /^[a-z_0-9]{1,40}$/.test(value)) || SAFE_TEXT.some((p) => p.test(value)) ? value : ANONYMISED;
  if (Array.isArray(value)) return value.map((item) => redactAuditValue(item, key));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactAuditValue(v, k)]));
  return ANONYMISED;
}
