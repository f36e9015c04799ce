// The words the console shows for the API's values.
export const STATUS_LABELS: Record<string, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  responded: 'Responded',
  refused: 'Refused',
  closed: 'Closed',
};

export const STAGE_LABELS: Record<string, string> = { stage_1: 'Stage 1', stage_2: 'Stage 2' };

export const CHANNEL_LABELS: Record<string, string> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  webchat: 'Web chat',
  botframework: 'Teams / Direct Line',
  phone: 'Phone',
  letter: 'Letter',
  email: 'Email',
  in_person: 'In person',
};

export const DEADLINE_LABELS: Record<string, string> = {
  overdue: 'Overdue',
  due_soon: 'Due within 2 working days',
  on_track: 'On track',
};
