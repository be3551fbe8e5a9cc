import type { AlertThreshold, SlaClockName, StateStore } from '../../shared/application/ports';

/** One live SLA alert card in the managers' channel. */
export interface LiveAlert {
  clock: SlaClockName;
  threshold: AlertThreshold;
  activityId: string;
}

function key(ticketId: string): string {
  return `teams:alerts:${ticketId}`;
}

/** The alert cards of each ticket (one per clock), so they can be updated in place as the ticket changes. */
export class AlertCards {
  constructor(private readonly state: StateStore) {}

  async of(ticketId: string): Promise<LiveAlert[]> {
    return (await this.state.getState<LiveAlert[]>(key(ticketId))) ?? [];
  }

  async put(ticketId: string, alert: LiveAlert): Promise<void> {
    const others = (await this.of(ticketId)).filter((a) => a.clock !== alert.clock);
    await this.state.setState(key(ticketId), [...others, alert]);
  }
}
