// The single way real-time updates leave the server (twenty's pattern): services publish plain
// DTOs for domain events; the socket.io layer decides who receives them. Never a Prisma row.
export interface StaffEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface Broadcaster {
  toStaff(event: StaffEvent): void;
}

/** Used until socket.io is attached, and by tests that do not watch events. */
export class RecordingBroadcaster implements Broadcaster {
  readonly events: StaffEvent[] = [];
  toStaff(event: StaffEvent): void {
    this.events.push(event);
  }
}
