/**
 * Main → renderer events on the contract's push channels. The payload is parsed against the channel's
 * schema first, so a push can never carry a field the contract does not declare.
 */
import type { WebContents } from 'electron';
import { channels, type PushChannel, type ResponseOf } from '../../preload/contract';

export type PushTarget = Pick<WebContents, 'send' | 'isDestroyed'>;
export type Push = <K extends PushChannel>(channel: K, payload: ResponseOf<K>) => void;

export function createPush(targets: () => Iterable<PushTarget>): Push {
  return (channel, payload) => {
    const parsed: unknown = channels[channel].response.parse(payload);
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(channel, parsed);
    }
  };
}
