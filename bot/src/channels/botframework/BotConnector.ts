// botbuilder's own CloudAdapter, used for the two things only it can do for the Bot Framework
// endpoint (Azure Bot Service: Teams, Direct Line): validate the channel's JWT on an inbound
// request, and post a reply through the Bot Connector with the bot's credentials. It never runs
// the bot: turns run later from the stored message (BotFrameworkChannelAdapter), like every
// other channel, so a message is stored before anything can fail.
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { parseInboundActivity, type BotFrameworkInbound } from './inboundActivity.ts';

export interface BotFrameworkSettings {
  appId: string;
  appPassword: string;
  /** Set for a single-tenant app registration; absent: multi-tenant. */
  tenantId: string | undefined;
}

/** Test seams: where the channel's signing keys are published, and the outbound credentials. */
export interface BotConnectorSeams {
  /** ToBotFromChannelOpenIdMetadataUrl (default: Azure Bot Service's). */
  openIdMetadataUrl?: string;
  /** Replaces the credentials that would ask Microsoft Entra ID for a token. */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

export type ReceiveOutcome =
  | { kind: 'message'; message: BotFrameworkInbound }
  | { kind: 'ignored'; type: string }
  | { kind: 'rejected'; status: 400 | 401 | 500; reason: string };

/** The credentials from configuration, the way the SDK documents them (MicrosoftAppType). */
export function credentialsFactoryFor(settings: BotFrameworkSettings): ServiceClientCredentialsFactory {
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(settings.tenantId ? { MicrosoftAppTenantId: settings.tenantId } : {}),
  });
}

export class BotConnector extends CloudAdapter {
  readonly credentialsFactory: ServiceClientCredentialsFactory;

  constructor(
    private readonly settings: BotFrameworkSettings,
    seams: BotConnectorSeams = {},
  ) {
    const credentialsFactory = seams.credentialsFactory ?? credentialsFactoryFor(settings);
    // Setting any one endpoint makes the SDK take all of them from here, so the public cloud's
    // values are repeated and only the metadata URL changes.
    const endpoints = seams.openIdMetadataUrl
      ? {
          ToBotFromChannelOpenIdMetadataUrl: seams.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          CallerId: 'urn:botframework:azure',
        }
      : {};
    super(
      new ConfigurationBotFrameworkAuthentication(
        { MicrosoftAppId: settings.appId, ...(settings.tenantId ? { MicrosoftAppTenantId: settings.tenantId } : {}), ...endpoints },
        credentialsFactory,
      ),
    );
    this.credentialsFactory = credentialsFactory;
  }

  /**
   * Authenticates one POSTed activity and says what to store. The SDK's JWT validation is
   * called directly rather than through CloudAdapter.process(), which answers a forged
   * signature with 500 (jsonwebtoken's error is not an AuthenticationError) and would run the
   * bot inside the request.
   */
  async receive(body: unknown, authorization: string | undefined): Promise<ReceiveOutcome> {
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      return { kind: 'rejected', status: 400, reason: 'the body must be a Bot Framework activity (JSON with a type)' };
    }
    const activity = body as Record<string, unknown>;
    try {
      // Checks the signature against the channel's published keys, the issuer, the audience (our
      // app id), the key's endorsement for activity.channelId, and that the token's serviceurl
      // claim is the activity's serviceUrl, so replies (with our token) only go to the channel.
      await this.botFrameworkAuthentication.authenticateRequest(activity as Partial<Activity> as Activity, authorization ?? '');
    } catch (error) {
      return { kind: 'rejected', ...authenticationFailure(error) };
    }
    const parsed = parseInboundActivity(activity);
    if (parsed.kind === 'invalid') return { kind: 'rejected', status: 400, reason: parsed.problem };
    return parsed;
  }

  /** Posts one text to the conversation as a reply to the reference's activity; returns the channel's id for it. */
  async sendText(reference: Partial<ConversationReference>, text: string): Promise<string> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Message }, reference, true);
    let id = '';
    await this.processProactive(this.createClaimsIdentity(this.settings.appId), activity, undefined, async (context) => {
      id = (await context.sendActivity(text))?.id ?? '';
    });
    return id;
  }
}

const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

function authenticationFailure(error: unknown): { status: 401 | 500; reason: string } {
  if (error instanceof AuthenticationError) {
    // The SDK uses 500 when it could not load the channel's signing keys.
    return { status: error.statusCode === 401 ? 401 : 500, reason: error.message };
  }
  const name = (error as { name?: string } | null)?.name ?? '';
  if (JWT_ERRORS.has(name)) return { status: 401, reason: `token rejected (${name})` };
  return { status: 500, reason: error instanceof Error ? error.message : String(error) };
}

/** Only the HTTP status and code are kept for staff: a connector's message can quote the user. */
export function describeConnectorFailure(error: unknown): string {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof status === 'number') return `Bot Connector HTTP ${status}${typeof code === 'string' ? ` (${code})` : ''}`;
  return `Bot Connector unreachable${typeof code === 'string' ? ` (${code})` : ''}`;
}
