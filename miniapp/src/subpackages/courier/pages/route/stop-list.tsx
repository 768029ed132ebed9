import { Text, View } from '@tarojs/components';
import { STOP_STATUS_TEXT, clockTime, isLate, windowLabel, type StopView } from '../../stop-view';

/** The route's stops in driving order; tapping one opens it. */
export function StopList({ stops, onOpen }: { stops: StopView[]; onOpen: (stopId: number) => void }) {
  return (
    <View className="stop-list">
      {stops.map((s) => {
        const done = s.status === 'delivered' || s.status === 'failed';
        return (
          <View
            key={s.stopId}
            className={`courier-stop courier-stop--${s.status}${done ? ' courier-stop--done' : ''}`}
            data-id={s.stopId}
            onClick={() => onOpen(s.stopId)}
          >
            <Text className="courier-stop__seq">{s.seq}</Text>
            <View className="courier-stop__body">
              <View className="courier-stop__head">
                <Text className="courier-stop__name">{s.customerName || '顾客'}</Text>
                <Text className={`stop-status stop-status--${s.status}`}>{STOP_STATUS_TEXT[s.status]}</Text>
                {s.unsynced > 0 && <Text className="stop-sync">待同步</Text>}
              </View>
              <Text className="courier-stop__address">{s.address}</Text>
              <View className="courier-stop__meta">
                <Text className="courier-stop__window">时段 {windowLabel(s)}</Text>
                <Text className={`courier-stop__eta${isLate(s) && !done ? ' courier-stop__eta--late' : ''}`}>
                  预计 {clockTime(s.etaAt)}
                </Text>
                <Text className="courier-stop__parcels">{s.parcels} 件</Text>
              </View>
              <Text className="courier-stop__order">订单 {s.orderNo}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}
