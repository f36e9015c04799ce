// Binds the ChatClient (one per page) to components.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ChatClient, type ChatState } from './chatClient.ts';

export function useChat(): [ChatState, ChatClient] {
  const [client] = useState(() => new ChatClient());
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return [useSyncExternalStore(client.subscribe, client.getState), client];
}
