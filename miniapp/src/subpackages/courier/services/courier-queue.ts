import Taro from '@tarojs/taro';
import { courierErrorMessage, sendStopAction } from '../../../services/courier';
import { OfflineQueue, startAutoFlush, taroStorage } from '../../../services/offline-queue';

const queues = new Map<number, OfflineQueue>();

/**
 * The device's queue of stop actions for courier `courierId` (one per courier, so a shared phone
 * never sends one courier's taps with another's token). Replays itself on reconnect, on app show
 * and on a timer for as long as the app runs.
 */
export function courierQueue(courierId: number): OfflineQueue {
  let queue = queues.get(courierId);
  if (!queue) {
    queue = new OfflineQueue({
      key: `omni.courier-queue.${courierId}`,
      storage: taroStorage,
      send: sendStopAction,
      onRejected: (_action, error) => {
        void Taro.showToast({ title: courierErrorMessage(error), icon: 'none', duration: 3000 });
      },
    });
    queues.set(courierId, queue);
    startAutoFlush(queue);
  }
  return queue;
}
