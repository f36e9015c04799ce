// The two messages between the chat page in its panel and the embed snippet on the landlord's
// site. They carry no data, so it does not matter who else could read them.
export const EMBED_CLOSE = 'complaints-chat:close';
export const EMBED_FOCUS = 'complaints-chat:focus';
