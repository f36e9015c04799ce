import type { Connection } from './chatClient.ts';

const TEXT: Record<Connection, string> = {
  connecting: 'Connecting…',
  online: 'Connected.',
  reconnecting: 'Not connected. Trying to connect again… Your messages will be sent when the connection is back.',
  offline: 'You are offline. Your messages will be sent when you are back online.',
  refused: '',
};

export function ConnectionStatus({ connection, notice, onRetry }: { connection: Connection; notice: string | null; onRetry: () => void }) {
  return (
    <div className={`chat-status ${connection}`}>
      <div role="status">
        {TEXT[connection] && <p>{TEXT[connection]}</p>}
        {notice && <p className="notice">{notice}</p>}
      </div>
      {connection === 'refused' && (
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
