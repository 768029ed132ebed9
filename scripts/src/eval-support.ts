// `npm run eval:support [-- FILE.jsonl]`: every labelled customer message (default: the NLU dev
// set) opens a fresh conversation with a bot that knows a paid delivery order of that customer;
// prints how many the bot settled without a person (deflection), per intent, and reply latency.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../bff/src/config';
import { createContainer } from '../../bff/src/container';
import { createLogger } from '../../bff/src/logger';
import { addDays, shanghaiDate } from '../../bff/src/lib/shanghai-time';
import { stores, zones } from '../../mock/src/data';
import { percentile, progress, ROOT } from './bench-util';

async function main(): Promise<void> {
  const file = process.argv[2] ?? join(ROOT, 'bff/src/algorithms/nlu/corpus/dev.jsonl');
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; intent: string });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    JWT_SECRET: 'eval-support-secret-0123',
    JOBS_INTERVAL_S: '0',
    SUPPORT_HUMAN_HOURS: '00:00-23:59',
    SUPPORT_MESSAGES_PER_10S: '1000',
    LOG_LEVEL: 'silent',
  });
  const c = await createContainer(config, createLogger('silent'));
  try {
    const store = stores.find((s) => s.code === zones[0].storeCode)!;
    const here = { lat: store.lat + 0.0045, lng: store.lng };
    const byIntent = new Map<string, { n: number; settled: number }>();
    const ms: number[] = [];
    let settled = 0;
    // Room for one order per message: this measures the bot, not stock or seats.
    await c.db.query('UPDATE store_stock SET quantity = 100000');
    await c.services.slots.forPoint(here, addDays(shanghaiDate(new Date()), 1));
    await c.db.query('UPDATE delivery_slots SET capacity = 100000');
    for (const [i, line] of lines.entries()) {
      const login = await c.services.auth.devLogin({ role: 'consumer', openid: `eval-${i}` });
      const p = { userId: login.user.id, role: 'consumer' as const, storeId: null, courierId: null };
      {
        const date = addDays(shanghaiDate(new Date()), 1);
        const slots = await c.services.slots.forPoint(here, date);
        const slot = slots.slots.find((s) => s.bookable)!;
        const { order } = await c.services.orders.create(p, `eval-key-${i}-0000`, {
          type: 'delivery',
          slotId: slot.id,
          address: { contactName: '测试', phone: '13800000000', address: '上海市测试路 1 号', ...here },
          items: [{ productId: 1, quantity: 1 }],
        });
        await c.services.payments.mockPay(p, order.id);
      }
      const t0 = performance.now();
      const res = await c.services.support.send(p, { text: line.text });
      ms.push(performance.now() - t0);
      // Settled: the bot answered and neither handed over nor said it could not help.
      const declined = res.replies.some((r) =>
        /^抱歉，我没太明白|^这个问题我暂时回答不了|不太确定/.test(r.text),
      );
      const ok = res.conversation.status === 'bot' && res.replies.length > 0 && !declined;
      if (ok) settled++;
      if (process.env.SHOW_INTENT === line.intent)
        process.stderr.write(`${line.text} → ${res.replies.map((r) => r.text).join(' | ')}\n`);
      const row = byIntent.get(line.intent) ?? { n: 0, settled: 0 };
      row.n++;
      if (ok) row.settled++;
      byIntent.set(line.intent, row);
      if ((i + 1) % 20 === 0 || i + 1 === lines.length) progress('  messages', i + 1, lines.length);
    }
    for (const [intent, r] of [...byIntent.entries()].sort()) {
      process.stdout.write(
        `${intent.padEnd(20)} ${String(r.settled).padStart(4)}/${String(r.n).padEnd(4)} ${((r.settled / r.n) * 100).toFixed(0)}%\n`,
      );
    }
    process.stdout.write(
      `bot reply latency (NLU + live data + storage): p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms\n`,
    );
    process.stdout.write(
      `deflection (settled by the bot on the first message, hand-offs by design included as not settled): ${(settled / lines.length).toFixed(3)}\n`,
    );
  } finally {
    await c.close();
  }
}

void main();
