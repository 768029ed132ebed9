// The demo brand's subscription-message templates: what its WeChat MP console (订阅消息 → 我的模板)
// would list, with each template's keywords mapped to the values our events offer. The seed writes
// them through the admin service; the in-process WeChat mock is told their keys.

export interface DemoNotifyTemplate {
  event: string;
  templateId: string;
  /** WeChat keyword → event variable. */
  fields: Record<string, string>;
}

export const notifyTemplates: DemoNotifyTemplate[] = [
  {
    event: 'order_paid',
    templateId: 'demo-tmpl-order-paid-0001',
    fields: {
      character_string1: 'orderNo',
      thing2: 'items',
      amount3: 'amount',
      time4: 'slot',
      thing5: 'store',
    },
  },
  {
    event: 'out_for_delivery',
    templateId: 'demo-tmpl-out-for-delivery-02',
    fields: {
      character_string1: 'orderNo',
      name2: 'courier',
      phone_number3: 'courierPhone',
      time4: 'eta',
      phrase5: 'status',
    },
  },
  {
    event: 'delivered',
    templateId: 'demo-tmpl-delivered-00000003',
    fields: { character_string1: 'orderNo', thing2: 'items', time3: 'deliveredAt', thing4: 'hint' },
  },
  {
    event: 'delivery_failed',
    templateId: 'demo-tmpl-delivery-failed-04',
    fields: { character_string1: 'orderNo', thing2: 'reason', thing3: 'next', time4: 'at' },
  },
  {
    event: 'ready_for_pickup',
    templateId: 'demo-tmpl-ready-for-pickup-5',
    fields: {
      character_string1: 'orderNo',
      thing2: 'store',
      thing3: 'address',
      character_string4: 'pickupCode',
      phrase5: 'status',
    },
  },
  {
    event: 'slot_changed',
    templateId: 'demo-tmpl-slot-changed-00006',
    fields: { character_string1: 'orderNo', time2: 'slot', thing3: 'oldSlot', thing4: 'reason' },
  },
  {
    event: 'aftersales_opened',
    templateId: 'demo-tmpl-aftersales-open-07',
    fields: {
      character_string1: 'caseNo',
      character_string2: 'orderNo',
      thing3: 'kind',
      phrase4: 'status',
      time5: 'at',
    },
  },
  {
    event: 'aftersales_updated',
    templateId: 'demo-tmpl-aftersales-upd-008',
    fields: { character_string1: 'caseNo', phrase2: 'status', thing3: 'note', time4: 'at' },
  },
  {
    event: 'aftersales_resolved',
    templateId: 'demo-tmpl-aftersales-done-09',
    fields: { character_string1: 'caseNo', thing2: 'result', amount3: 'amount', time4: 'at' },
  },
  {
    event: 'support_reply',
    templateId: 'demo-tmpl-support-reply-0010',
    fields: { thing1: 'agent', thing2: 'reply', time3: 'at' },
  },
  {
    event: 'staff_lbs_event',
    templateId: 'demo-tmpl-staff-lbs-event-11',
    fields: { thing1: 'kind', thing2: 'customer', character_string3: 'orderNo', time4: 'at' },
  },
  {
    event: 'courier_route_published',
    templateId: 'demo-tmpl-courier-route-0012',
    fields: { date1: 'date', number2: 'stops', time3: 'firstEta', thing4: 'store' },
  },
];
