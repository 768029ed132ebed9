import { notifyTemplates as demoTemplates } from '@omni/mock/data';
import type { WechatMock } from '@omni/mock/wechat';
import { NOTIFY_EVENTS, NotifyEvent, UpdateNotifyTemplateBody } from '@omni/shared-types';
import type { NotifyTemplates } from '../modules/notifications/templates';
import { VersionConflictError } from '../modules/audit/versioned';

/**
 * The demo brand's subscription templates, written through the admin service (validated and
 * audited as an admin's edit would be). Only events nobody configured yet are touched, so an
 * admin's edits survive a re-seed. The in-process WeChat mock learns each template's keywords.
 */
export async function seedNotifyTemplates(
  templates: NotifyTemplates,
  mock: WechatMock | null,
): Promise<number> {
  let written = 0;
  const actor = {
    principal: {
      userId: 0,
      role: 'admin' as const,
      storeId: null,
      courierId: null,
      kind: 'backoffice' as const,
    },
  };
  for (const d of demoTemplates) {
    const event = NotifyEvent.parse(d.event);
    mock?.registerTemplate(d.templateId, Object.keys(d.fields));
    const now = await templates.get(event);
    if (now.templateId !== null || now.version !== 1) continue;
    const body = UpdateNotifyTemplateBody.parse({
      templateId: d.templateId,
      fields: d.fields,
      page: NOTIFY_EVENTS[event].page,
      scenes: now.scenes,
      enabled: true,
      version: now.version,
    });
    try {
      await templates.update(actor, event, body);
      written++;
    } catch (err) {
      // Another instance seeding at the same moment got there first.
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }
  return written;
}
