import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../../adapters/redis';
import type { Nlu } from '../../algorithms/nlu';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Logger } from '../../logger';
import type { AuditService } from '../audit/audit.service';
import type { Knowledge } from '../support/dialogue.types';
import { createKnowledge } from '../support/knowledge';
import { KnowledgeAdminService } from './knowledge-admin.service';
import { KnowledgeSignal } from './knowledge-signal';

/** The bot's live knowledge, its admin service and the change signal that ties them together. */
export async function createKnowledgeAdmin(deps: {
  db: DataSource;
  tx: TxRunner;
  audit: AuditService;
  redis: RedisConnection | null;
  nlu: Nlu;
  clock: Clock;
  log: Logger;
}): Promise<{
  knowledge: Knowledge;
  knowledgeAdmin: KnowledgeAdminService;
  signal: KnowledgeSignal;
  close(): Promise<void>;
}> {
  const signal = new KnowledgeSignal({ redis: deps.redis, log: deps.log });
  await signal.start();
  const knowledge = await createKnowledge(deps.db, { signal, log: deps.log });
  const knowledgeAdmin = new KnowledgeAdminService({
    db: deps.db,
    tx: deps.tx,
    audit: deps.audit,
    signal,
    clock: deps.clock,
    bot: { nlu: deps.nlu, knowledge },
  });
  return { knowledge, knowledgeAdmin, signal, close: () => signal.close() };
}
